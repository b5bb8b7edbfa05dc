import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';

export interface StaffMember {
  userId: string;
  email: string;
  grantedBy: string;
  grantedAt: Date;
}

/**
 * Platform staff, written with the database owner's connection only: the application role can neither read nor
 * write platform_staff (migration 1764300000000), so no API call, membership or header can make someone staff.
 * Every grant and revocation is audited on the global chain (C-04, C-14).
 */
export class PlatformStaffBootstrap {
  private readonly audit: AuditService;
  constructor(private readonly ds: DataSource) {
    this.audit = new AuditService(ds);
  }

  /** Grants staff to the operator with this email; false when they were staff already. */
  async grant(email: string, grantedBy: string): Promise<{ userId: string; granted: boolean }> {
    return this.ds.transaction(async (m) => {
      const userId = await this.userIdOf(m.query.bind(m), email);
      const rows: unknown[] = await m.query(
        `INSERT INTO platform_staff (user_id, granted_by) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
        [userId, grantedBy.slice(0, 200)],
      );
      if (rows.length)
        await this.audit.append({ ...GLOBAL, action: 'staff.granted', subjectType: 'user', subjectId: userId }, m);
      return { userId, granted: rows.length > 0 };
    });
  }

  /** Revokes staff; false when they were not staff. */
  async revoke(email: string): Promise<{ userId: string; revoked: boolean }> {
    return this.ds.transaction(async (m) => {
      const userId = await this.userIdOf(m.query.bind(m), email);
      const rows: unknown[] = await m.query(`DELETE FROM platform_staff WHERE user_id = $1 RETURNING user_id`, [
        userId,
      ]);
      if (rows.length)
        await this.audit.append({ ...GLOBAL, action: 'staff.revoked', subjectType: 'user', subjectId: userId }, m);
      return { userId, revoked: rows.length > 0 };
    });
  }

  async list(): Promise<StaffMember[]> {
    const rows: { user_id: string; email: string; granted_by: string; granted_at: Date }[] = await this.ds.query(
      `SELECT s.user_id, u.email, s.granted_by, s.granted_at FROM platform_staff s JOIN users u ON u.id = s.user_id ORDER BY s.granted_at`,
    );
    return rows.map((r) => ({ userId: r.user_id, email: r.email, grantedBy: r.granted_by, grantedAt: r.granted_at }));
  }

  private async userIdOf(query: (sql: string, params: unknown[]) => Promise<unknown>, email: string): Promise<string> {
    const rows = (await query('SELECT id FROM users WHERE email = $1', [email.trim().toLowerCase()])) as {
      id: string;
    }[];
    if (!rows.length) throw new Error('no operator has that email');
    return rows[0].id;
  }
}

// Who ran the command stays in platform_staff.granted_by (owner-only); the trail names the tool, never a person's login.
const GLOBAL = { agencyId: null, clientId: null, actor: 'system:staff-cli' } as const;
