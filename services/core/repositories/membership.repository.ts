import { type EntityManager, IsNull } from 'typeorm';
import { Client, Membership, type Role } from '../database/entities';

/** Memberships as the access checks read them: roles of a user, never another user's (C-02, C-03). */
export class MembershipRepository {
  /** All of the user's memberships, agency-wide ones first within each agency. */
  ofUser(m: EntityManager, userId: string): Promise<Pick<Membership, 'agencyId' | 'clientId' | 'role'>[]> {
    return m
      .createQueryBuilder(Membership, 'm')
      .select(['m.agencyId', 'm.clientId', 'm.role'])
      .where('m.userId = :userId', { userId })
      .orderBy('m.agencyId')
      .addOrderBy('m.clientId', 'ASC', 'NULLS FIRST')
      .getMany();
  }

  /** The user's agency-wide roles on one agency (memberships without a client). */
  async agencyRoles(m: EntityManager, q: { userId: string; agencyId: string }): Promise<Role[]> {
    const rows = await m.find(Membership, {
      select: { role: true },
      where: { userId: q.userId, agencyId: q.agencyId, clientId: IsNull() },
    });
    return rows.map((r) => r.role);
  }

  /** Clients the user can see: every client of an agency they belong to as a whole, and clients they belong to. */
  async visibleClientIds(m: EntityManager, userId: string): Promise<string[]> {
    const rows: { id: string }[] = await m
      .createQueryBuilder(Client, 'c')
      .select('c.id', 'id')
      .innerJoin(Membership, 'm', 'm.agency_id = c.agency_id AND (m.client_id IS NULL OR m.client_id = c.id)')
      .where('m.user_id = :userId', { userId })
      .groupBy('c.id')
      .getRawMany();
    return rows.map((r) => r.id);
  }
}
