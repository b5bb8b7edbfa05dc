import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/** Which tenants one request or one activity may touch; enforced by Postgres RLS for the app role (C-01). */
export interface TenantScope {
  actorId: string | null;
  /** full access to these agencies' rows (agency-level operators) */
  agencyIds: string[];
  /** access to these clients' rows */
  clientIds: string[];
  /** agencies whose memberships and switches may be read (role checks), without their other rows */
  memberAgencyIds: string[];
}

export const EMPTY_SCOPE: TenantScope = { actorId: null, agencyIds: [], clientIds: [], memberAgencyIds: [] };

interface ScopeFrame {
  scope: TenantScope;
  manager: EntityManager;
}

const als = new AsyncLocalStorage<ScopeFrame>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const pgArray = (ids: string[]) => {
  for (const id of ids) if (!UUID.test(id)) throw new Error('tenant scope ids must be UUIDs');
  return `{${ids.join(',')}}`;
};

export class NoTenantScopeError extends Error {
  constructor() {
    super('database access outside a tenant scope: wrap the work in runInTenantScope()');
    this.name = 'NoTenantScopeError';
  }
}

/**
 * Runs `fn` on one dedicated connection whose settings carry the scope. Every setting is written on
 * acquire (never inherited from a pooled connection) and reset on release, so a scope cannot leak to the
 * next user of the connection. Transactions inside `fn` commit on their own, on that connection.
 */
export async function runInTenantScope<T>(ds: DataSource, scope: TenantScope, fn: () => Promise<T>): Promise<T> {
  const parent = als.getStore();
  if (parent && sameScope(parent.scope, scope)) return fn();
  // The connection's own DataSource must be the real one: TypeORM calls back into it (manager.query →
  // connection.query), which through the proxy would route to the scope again.
  const qr = realDataSource(ds).createQueryRunner();
  await qr.connect();
  try {
    await qr.query(
      `SELECT set_config('raize.actor_id', $1, false), set_config('raize.agency_ids', $2, false), set_config('raize.client_ids', $3, false), set_config('raize.member_agency_ids', $4, false)`,
      [scope.actorId ?? '', pgArray(scope.agencyIds), pgArray(scope.clientIds), pgArray(scope.memberAgencyIds)],
    );
    return await als.run({ scope, manager: qr.manager }, fn);
  } finally {
    try {
      if (qr.isTransactionActive) await qr.rollbackTransaction();
      await qr.query(
        `RESET raize.actor_id; RESET raize.agency_ids; RESET raize.client_ids; RESET raize.member_agency_ids`,
      );
    } finally {
      await qr.release();
    }
  }
}

export function currentScope(): TenantScope | undefined {
  return als.getStore()?.scope;
}

function sameScope(a: TenantScope, b: TenantScope): boolean {
  return (
    a.actorId === b.actorId &&
    a.agencyIds.join() === b.agencyIds.join() &&
    a.clientIds.join() === b.clientIds.join() &&
    a.memberAgencyIds.join() === b.memberAgencyIds.join()
  );
}

const REAL = Symbol('raize.realDataSource');

export function realDataSource(ds: DataSource): DataSource {
  return (ds as unknown as Record<symbol, DataSource | undefined>)[REAL] ?? ds;
}

const ROUTED = new Set(['manager', 'getRepository', 'query', 'transaction', 'createQueryBuilder']);

/**
 * A DataSource whose entity manager is the current scope's connection. Code keeps calling
 * `ds.getRepository(...)`; outside a scope it throws instead of querying with no tenant (fail closed).
 */
export function tenantScopedDataSource(real: DataSource): DataSource {
  return new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === REAL) return target;
      if (typeof prop === 'string' && ROUTED.has(prop)) {
        const frame = als.getStore();
        if (!frame) throw new NoTenantScopeError();
        const m = frame.manager;
        if (prop === 'manager') return m;
        const value = (m as unknown as Record<string, unknown>)[prop];
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(m) : value;
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}
