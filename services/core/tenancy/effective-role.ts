import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import type { Role } from '../database/entities';
import { Membership, ROLES } from '../database/entities';

/** The strongest role a user holds on a client, directly or through its agency; null if none. */
export async function effectiveRole(
  m: EntityManager,
  userId: string,
  agencyId: string,
  clientId: string,
): Promise<Role | null> {
  const rows = await m.find(Membership, {
    where: [
      { userId, agencyId, clientId },
      { userId, agencyId, clientId: IsNull() },
    ],
  });
  if (!rows.length) return null;
  return rows.map((r) => r.role).sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b))[0];
}
