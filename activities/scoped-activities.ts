import type { DataSource } from 'typeorm';
import { clientScope } from '../services/core/tenancy/scope-for';
import { runInTenantScope } from '../services/core/tenancy/tenant-scope';

// `never` parameters accept every activity signature; each wrapped activity keeps its own type in A.
type Activity = (input: never) => Promise<unknown>;

/**
 * Wraps each activity so it runs in the scope of the client its input names: one scoped connection per activity,
 * row-level security on every query (C-01, C-05).
 */
export function scopedActivities<A extends Record<string, Activity>>(ds: DataSource, activities: A): A {
  const out: Record<string, (input: { clientId: string }) => Promise<unknown>> = {};
  for (const [name, fn] of Object.entries(activities)) {
    const call = fn as unknown as (input: { clientId: string }) => Promise<unknown>;
    out[name] = async (input) => runInTenantScope(ds, await clientScope(ds, input.clientId), () => call(input));
  }
  return out as unknown as A;
}
