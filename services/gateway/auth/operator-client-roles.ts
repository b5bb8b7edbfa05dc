import type { Role } from '../../core/database/entities';
import { ROLES } from '../../core/database/entities';

/** A membership row: agency-wide when clientId is null. */
export interface MembershipRow {
  agencyId: string;
  clientId: string | null;
  role: Role;
}

/**
 * The operator's effective role on each client of their scope: the strongest of a direct grant on the client and an
 * agency-wide grant of the client's agency (services/core/tenancy/effective-role.ts, for many clients in one pass).
 */
export function clientRolesOf(memberships: MembershipRow[], clientAgency: Map<string, string>): Record<string, Role> {
  const out: Record<string, Role> = {};
  for (const [clientId, agencyId] of clientAgency) {
    const held = memberships
      .filter((m) => m.agencyId === agencyId && (m.clientId === null || m.clientId === clientId))
      .map((m) => m.role)
      .filter((r) => ROLES.includes(r))
      .sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
    if (held.length) out[clientId] = held[0];
  }
  return out;
}

/** The strongest role among several (for tools that take no client). */
export function strongestRole(roles: Role[]): Role | null {
  const known = roles.filter((r) => ROLES.includes(r)).sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  return known[0] ?? null;
}
