import type { DataSource } from 'typeorm';
import type { ApiToken, Role } from '../../core/database/entities';
import type { AssistantCaller } from '../../core/gateway/caller';
import { actorAccess } from '../../core/tenancy/scope-for';
import { EMPTY_SCOPE, runInTenantScope } from '../../core/tenancy/tenant-scope';
import type { MembershipRow } from './operator-client-roles';
import { clientRolesOf } from './operator-client-roles';

/**
 * The caller an operator's API token makes: the operator's clients with their role on each, the token's scopes, and
 * staff standing only when the token names it (as the API does). Null when the operator is disabled or gone.
 */
export async function assistantCallerFor(ds: DataSource, token: ApiToken): Promise<AssistantCaller | null> {
  // A user row is readable only as that user (row-level security, C-01).
  const active = await runInTenantScope(ds, { ...EMPTY_SCOPE, actorId: token.userId }, async () => {
    const rows: { disabled: boolean }[] = await ds.query('SELECT disabled FROM users WHERE id = $1', [token.userId]);
    return rows.length === 1 && !rows[0].disabled;
  });
  if (!active) return null;
  const access = await actorAccess(ds, token.userId);
  const { memberships, clientAgency } = await runInTenantScope(ds, access.scope, async () => {
    const m: { agency_id: string; client_id: string | null; role: Role }[] = await ds.query(
      'SELECT agency_id, client_id, role FROM memberships WHERE user_id = $1',
      [token.userId],
    );
    const clients: { id: string; agency_id: string }[] = access.scope.clientIds.length
      ? await ds.query('SELECT id, agency_id FROM clients WHERE id = ANY ($1::uuid[])', [access.scope.clientIds])
      : [];
    return {
      memberships: m.map<MembershipRow>((r) => ({ agencyId: r.agency_id, clientId: r.client_id, role: r.role })),
      clientAgency: new Map(clients.map((c) => [c.id, c.agency_id])),
    };
  });
  return {
    kind: 'assistant',
    taskClass: 'assistant',
    userId: token.userId,
    tokenId: token.id,
    agencyIds: [...new Set(memberships.map((m) => m.agencyId))],
    clientRoles: clientRolesOf(memberships, clientAgency),
    scopes: [...token.scopes],
    staff: access.staff && token.scopes.includes('staff'),
  };
}
