import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { TenantScope } from './tenant-scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pgArray = (ids: string[]) => {
  for (const id of ids) if (!UUID.test(id)) throw new Error('tenant scope ids must be UUIDs');
  return `{${ids.join(',')}}`;
};

const SET_SCOPE = `SELECT set_config('raize.actor_id', $1, false), set_config('raize.agency_ids', $2, false), set_config('raize.client_ids', $3, false), set_config('raize.member_agency_ids', $4, false)`;
const RESET_SCOPE = `RESET raize.actor_id; RESET raize.agency_ids; RESET raize.client_ids; RESET raize.member_agency_ids`;

/** The parts of TypeORM 0.3's PostgresQueryRunner this class relies on beyond its public type. */
interface PgRunnerInternals {
  databaseConnection?: { query(sql: string, params: unknown[]): Promise<unknown> };
  databaseConnectionPromise?: Promise<unknown>;
  isReleased: boolean;
  /** releases to pg-pool with an error: the pool destroys the client instead of reusing it */
  releasePostgresConnection(err?: Error): Promise<void>;
}

/**
 * One scope's database connection (C-01). Taken from the pool on the first query, not when the scope opens, and
 * given back by `suspend()` while the scope waits on something slow (argon2, Temporal), so a request never holds
 * a pooled connection it is not using. Every (re)acquisition writes the scope's settings before any query of
 * the scope runs; every hand-back resets them, and a connection whose reset fails (aborted transaction, broken
 * socket) is destroyed rather than returned, so the next user of the pool never inherits a tenant.
 *
 * The query runner object stays the same for the scope's whole life, so repositories and query builders bound to
 * it keep working across a suspend.
 */
export class ScopedConnection {
  readonly runner: QueryRunner;
  readonly manager: EntityManager;
  private ready?: Promise<unknown>;
  private inFlight = 0;
  private closed = false;

  constructor(ds: DataSource, scope: TenantScope) {
    const params = [
      scope.actorId ?? '',
      pgArray(scope.agencyIds),
      pgArray(scope.clientIds),
      pgArray(scope.memberAgencyIds),
    ];
    const runner = ds.createQueryRunner();
    const pg = runner as unknown as PgRunnerInternals;
    if (typeof pg.releasePostgresConnection !== 'function') throw new Error('tenant scopes need the postgres driver');
    const connect = runner.connect.bind(runner);
    runner.connect = () => {
      if (this.closed) return Promise.reject(new Error('database access after the tenant scope ended'));
      this.ready ??= connect().then(async (conn: PgRunnerInternals['databaseConnection']) => {
        try {
          await conn!.query(SET_SCOPE, params);
          return conn;
        } catch (err) {
          await this.discard(err as Error);
          throw err;
        }
      });
      return this.ready;
    };
    const query = runner.query.bind(runner);
    runner.query = (async (...args: Parameters<QueryRunner['query']>) => {
      this.inFlight++;
      try {
        return (await query(...args)) as unknown;
      } finally {
        this.inFlight--;
      }
    }) as QueryRunner['query'];
    this.runner = runner;
    this.manager = runner.manager;
  }

  /** Whether a pooled connection is held right now (for tests and diagnostics). */
  get holding(): boolean {
    return this.ready !== undefined;
  }

  /**
   * Gives the connection back to the pool unless a transaction or a query is still using it; the next query
   * takes one again, with the same scope.
   */
  async suspend(): Promise<void> {
    if (!this.ready || this.runner.isTransactionActive || this.inFlight > 0) return;
    await this.handBack();
  }

  /** Ends the scope: rolls back what `fn` left open, resets and returns (or destroys) the connection. */
  async close(): Promise<void> {
    try {
      if (this.ready) await this.handBack();
    } finally {
      this.closed = true;
    }
  }

  private async handBack(): Promise<void> {
    const ready = this.ready;
    if (!ready) return;
    try {
      await ready;
    } catch {
      return; // the failed acquisition already destroyed its connection
    }
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
      await this.runner.query(RESET_SCOPE);
    } catch (err) {
      await this.discard(err as Error);
      return;
    }
    await this.runner.release();
    this.rearm();
  }

  private async discard(err: Error): Promise<void> {
    await (this.runner as unknown as PgRunnerInternals).releasePostgresConnection(err);
    this.rearm();
  }

  /** Lets the same query runner take a fresh pooled connection on its next query. */
  private rearm(): void {
    const pg = this.runner as unknown as PgRunnerInternals;
    pg.isReleased = false;
    pg.databaseConnection = undefined;
    pg.databaseConnectionPromise = undefined;
    this.ready = undefined;
  }
}
