import type { DataSource } from 'typeorm';
import { clientScope } from '../tenancy/scope-for';
import type { TenantScope } from '../tenancy/tenant-scope';

/**
 * The scope background work of one subscription runs in: its client's, or for an agency-wide subscription its
 * agency's. That is no wider than the subscription's owner: an agency subscription covers every client of the
 * agency by definition, and row-level security still keeps every other agency out (C-01).
 */
export async function subscriptionScope(
  ds: DataSource,
  owner: { agencyId: string; clientId: string | null },
): Promise<TenantScope> {
  if (owner.clientId) return clientScope(ds, owner.clientId);
  return { actorId: null, agencyIds: [owner.agencyId], clientIds: [], memberAgencyIds: [owner.agencyId] };
}
