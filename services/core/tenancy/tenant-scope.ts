import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';
import { ScopedConnection } from './scoped-connection';

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
  connection: ScopedConnection;
}

const als = new AsyncLocalStorage<ScopeFrame>();

export class NoTenantScopeError extends Error {
  constructor() {
    super('database access outside a tenant scope: wrap the work in runInTenantScope()');
    this.name = 'NoTenantScopeError';
  }
}

/**
 * Runs `fn` with one connection whose settings carry the scope (services/core/tenancy/scoped-connection.ts):
 * taken from the pool on the first query, written on every acquisition (never inherited from a pooled
 * connection), reset on release, destroyed if the reset fails. Transactions inside `fn` commit on their own,
 * on that connection.
 */
export async function runInTenantScope<T>(ds: DataSource, scope: TenantScope, fn: () => Promise<T>): Promise<T> {
  const parent = als.getStore();
  if (parent && sameScope(parent.scope, scope)) return fn();
  // The connection's own DataSource must be the real one: TypeORM calls back into it (manager.query →
  // connection.query), which through the proxy would route to the scope again.
  const connection = new ScopedConnection(realDataSource(ds), scope);
  try {
    return await als.run({ scope, connection }, fn);
  } finally {
    await connection.close();
  }
}

/**
 * Runs `fn` without holding the scope's pooled connection (C-01, C-10): a request hashing a password or waiting
 * on Temporal must not keep a connection other requests need. The connection is given back unless a transaction
 * is open on it; the next query of the scope takes one again, with the same scope. Outside a scope it just
 * runs `fn`.
 */
export async function withoutDatabaseConnection<T>(fn: () => Promise<T>): Promise<T> {
  await als.getStore()?.connection.suspend();
  return fn();
}

/** Whether the current scope holds a pooled connection right now (tests and diagnostics). */
export function scopeHoldsConnection(): boolean {
  return als.getStore()?.connection.holding ?? false;
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
        const m = frame.connection.manager;
        if (prop === 'manager') return m;
        const value = (m as unknown as Record<string, unknown>)[prop];
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(m) : value;
      }
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
}
