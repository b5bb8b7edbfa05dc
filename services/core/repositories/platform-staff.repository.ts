import type { EntityManager } from 'typeorm';

/**
 * Platform staff as the application sees it: one question about the actor its tenant scope names, answered by
 * raize_staff() from platform_staff, a table the application role cannot read or write (C-04, C-14).
 */
export class PlatformStaffRepository {
  async scopeActorIsStaff(m: EntityManager): Promise<boolean> {
    const rows: { staff: boolean }[] = await m.query('SELECT raize_staff() AS staff');
    return rows[0]?.staff === true;
  }
}
