import type { DataSource } from 'typeorm';
import type { TenantScope } from './tenant-scope';
import { realDataSource, runInTenantScope } from './tenant-scope';
import { PlatformStaffRepository } from '../repositories/platform-staff.repository';

/** The scope of background work for one client: that client's rows, and its agency's roles and switches. */
export async function clientScope(ds: DataSource, clientId: string): Promise<TenantScope> {
  let agency = agencyOfClient.get(clientId);
  if (agency === undefined) {
    // A security-definer lookup that reads no tenant setting: it needs no scope of its own, just one query on the
    // pool; a client never changes agency, so the answer is kept and later activities open one connection only.
    const rows: { agency: string | null }[] = await realDataSource(ds).query(
      'SELECT raize_client_agency($1) AS agency',
      [clientId],
    );
    agency = rows[0]?.agency ?? null;
    if (agency) {
      if (agencyOfClient.size > 10_000) agencyOfClient.clear();
      agencyOfClient.set(clientId, agency);
    }
  }
  return { actorId: null, agencyIds: [], clientIds: [clientId], memberAgencyIds: agency ? [agency] : [] };
}

const agencyOfClient = new Map<string, string | null>();

/** What an operator may reach: their tenant scope, and whether they are platform staff (C-04). */
export interface ActorAccess {
  scope: TenantScope;
  staff: boolean;
}

/**
 * An operator's scope from their memberships (agency-level roles open every client of the agency), and their
 * staff standing, read on the one connection of the operator's own scope.
 */
export async function actorAccess(ds: DataSource, userId: string): Promise<ActorAccess> {
  const base: TenantScope = { actorId: userId, agencyIds: [], clientIds: [], memberAgencyIds: [] };
  return runInTenantScope(ds, base, async () => {
    const rows: { agency_id: string; client_id: string | null }[] = await ds.query(
      'SELECT agency_id, client_id FROM memberships WHERE user_id = $1',
      [userId],
    );
    const agencyIds = [...new Set(rows.filter((r) => !r.client_id).map((r) => r.agency_id))];
    const direct = rows.filter((r) => r.client_id).map((r) => r.client_id!);
    const viaAgency: { ids: string[] }[] = agencyIds.length
      ? await ds.query('SELECT raize_agency_client_ids($1::uuid[]) AS ids', [`{${agencyIds.join(',')}}`])
      : [{ ids: [] }];
    return {
      scope: {
        actorId: userId,
        agencyIds,
        clientIds: [...new Set([...direct, ...viaAgency[0].ids])],
        memberAgencyIds: [...new Set(rows.map((r) => r.agency_id))],
      },
      staff: await new PlatformStaffRepository().scopeActorIsStaff(ds.manager),
    };
  });
}
