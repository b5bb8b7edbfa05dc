import type { DataSource } from 'typeorm';
import { EMPTY_SCOPE, runInTenantScope } from '../../core/tenancy/tenant-scope';

/**
 * Runs `fn` as one operator and nobody's tenant: row-level security then opens that operator's own user row,
 * sessions and API tokens, and nothing else (C-01). For sign-in steps, which know who is signing in before any
 * tenant scope exists.
 */
export function asOperator<T>(ds: DataSource, userId: string, fn: () => Promise<T>): Promise<T> {
  return runInTenantScope(ds, { ...EMPTY_SCOPE, actorId: userId }, fn);
}
