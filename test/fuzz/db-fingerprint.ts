import type { DataSource } from 'typeorm';
import type { AuditAction } from '../../workflows/contracts/vocabulary/audit-actions';

/**
 * Tables a refused input may legitimately write to, each with the reason; every other table of the app schema must
 * be byte for byte the same after a refusal. Kept to the few the API's own controls append to.
 */
export const REFUSAL_MAY_WRITE: Record<string, string> = {
  migrations: 'schema bookkeeping: no request writes it, and it is the same before and after by construction',
  login_attempts:
    'a refused sign-in is counted by design: the per-account lockout and the per-address throttle read it (C-06)',
};

/**
 * Audit rows that record a refusal itself: a security-relevant refusal is an event the tamper-evident trail keeps
 * (C-48), e.g. a second Admin's approval refused (C-42) or a failed sign-in (C-06). A refused input may append these
 * to audit_events and nothing else; every other audit row is compared like any table.
 */
export const REFUSAL_AUDIT_ACTIONS: readonly AuditAction[] = [
  'login.failed',
  'login.refused_locked',
  'account.connect_refused',
  'approval.refused',
  'decision.refused',
  'review_link.refused',
  'browser.side_effects_refused',
  'browser.manifest_refused',
  'gateway.tool_refused',
];

/**
 * Columns that change by being used, not by what a request asks: the session that makes each fuzz request has its
 * last-seen time bumped whether the input is refused or not.
 */
const USE_TRACKING: Record<string, string> = {
  sessions: 'id, user_id, revoked_at, second_factor_pending, expires_at',
  api_tokens: 'id, revoked_at, scopes, expires_at',
};

export type Fingerprint = Record<string, string>;

/**
 * Row count and md5 of the ordered rows of every table of the public schema, read as the owner so row-level security
 * hides nothing. Incremental, because the step takes one per input on a loaded machine: a cheap key per table (row
 * count and newest row version, `max(xmin)`: any insert or update makes a newer version, any delete lowers the
 * count) says which tables may have changed, and only those are hashed again.
 */
export class DatabaseFingerprint {
  private tables?: string[];
  private readonly digests = new Map<string, { key: string; digest: string }>();
  private last?: Fingerprint;

  constructor(private readonly ds: DataSource) {}

  async take(): Promise<Fingerprint> {
    const tables = (this.tables ??= await this.tableNames());
    const keys = await this.ds.query<{ t: string; k: string }[]>(
      tables
        .map(
          (t) =>
            `SELECT '${t}' AS t, count(*) || ':' || coalesce(max(xmin::text::bigint), 0) AS k FROM ${from(t, 'xmin')}`,
        )
        .join('\nUNION ALL\n'),
    );
    const stale = keys.filter((r) => this.digests.get(r.t)?.key !== r.k);
    if (stale.length) {
      const rows = await this.ds.query<{ t: string; d: string }[]>(
        stale
          .map(
            (r) =>
              `SELECT '${r.t}' AS t, count(*) || ':' || md5(coalesce(string_agg(r::text, ',' ORDER BY r::text), '')) ` +
              `AS d FROM ${from(r.t, USE_TRACKING[r.t] ?? '*')}`,
          )
          .join('\nUNION ALL\n'),
      );
      const keyOf = new Map(stale.map((r) => [r.t, r.k]));
      for (const r of rows) this.digests.set(r.t, { key: keyOf.get(r.t)!, digest: r.d });
    }
    this.last = Object.fromEntries(tables.map((t) => [t, this.digests.get(t)!.digest]));
    return this.last;
  }

  /**
   * The database as the last input left it: each input's "after" is the next one's "before", which halves the cost
   * of the step. Sound because nothing else writes meanwhile (no worker runs in the fuzz stack, the ingest does not
   * drain); a write an accepted request made after answering would show up as the next input's change, by name.
   */
  async beforeNext(): Promise<Fingerprint> {
    return this.last ?? (await this.take());
  }

  private async tableNames(): Promise<string[]> {
    const rows = await this.ds.query<{ table_name: string }[]>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
       ORDER BY table_name`,
    );
    const tables = rows.map((r) => r.table_name).filter((t) => !(t in REFUSAL_MAY_WRITE));
    if (!tables.length) throw new Error('the public schema has no tables: is the database migrated?');
    return tables;
  }
}

/** The rows of a table the fingerprint compares: all of them, but the refusals the audit trail records by design. */
function from(table: string, columns: string): string {
  const refusals = table === 'audit_events' ? ` WHERE action <> ALL('{${REFUSAL_AUDIT_ACTIONS.join(',')}}')` : '';
  return `(SELECT ${columns} FROM public."${table}"${refusals}) r`;
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Fingerprint, after: Fingerprint): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((t) => before[t] !== after[t]).sort();
}
