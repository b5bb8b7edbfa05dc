import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';

interface RoleFacts {
  role: string;
  superuser: boolean;
  bypassrls: boolean;
  /** superuser or BYPASSRLS reached through role membership (SET ROLE away from RLS) */
  privileged_via: string[] | null;
  owned: string[] | null;
  embedded: boolean;
}

/** The application's database role could escape row-level security; the message names every reason. */
export class UnsafeDatabaseRoleError extends Error {
  constructor(
    readonly role: string,
    readonly reasons: string[],
  ) {
    super(
      `refusing to start: the application's database role "${role}" is not confined by row-level security: ` +
        `${reasons.join('; ')}. Connect the API and the worker as raize_app (DATABASE_APP_URL), never as the owner.`,
    );
    this.name = 'UnsafeDatabaseRoleError';
  }
}

/**
 * Row-level security (C-01) holds only for a role that is no superuser, has no BYPASSRLS and owns no table (an
 * owner can switch RLS off), neither itself nor through a role it may SET ROLE to. Checked by every process
 * that opens the app DataSource, before it serves anything.
 *
 * The embedded demo Postgres (PGlite) has a single superuser session and cannot enforce RLS at all; it is
 * tolerated outside production only, as the README says.
 */
export async function assertAppRoleConfined(ds: DataSource, env: AppConfig['env']): Promise<void> {
  const [f]: RoleFacts[] = await ds.query(`
    SELECT r.rolname AS role, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
      (SELECT array_agg(s.rolname::text ORDER BY s.rolname) FROM pg_roles s
        WHERE (s.rolsuper OR s.rolbypassrls) AND s.oid <> r.oid AND pg_has_role(r.oid, s.oid, 'MEMBER')) AS privileged_via,
      (SELECT array_agg(n.nspname || '.' || c.relname ORDER BY n.nspname, c.relname) FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
          AND n.nspname NOT LIKE 'pg\\_%' AND pg_has_role(r.oid, c.relowner, 'MEMBER')) AS owned,
      version() LIKE '%PGlite%' AS embedded
    FROM pg_roles r WHERE r.rolname = current_user`);
  if (f.embedded && env !== 'production') return;
  const reasons: string[] = [];
  if (f.superuser) reasons.push('it is a superuser');
  if (f.bypassrls) reasons.push('it has BYPASSRLS');
  if (f.privileged_via?.length)
    reasons.push(`it is a member of ${f.privileged_via.join(', ')} (superuser or BYPASSRLS)`);
  if (f.owned?.length) {
    const shown = f.owned.slice(0, 5).join(', ');
    reasons.push(`it owns ${f.owned.length} table(s) (${shown}${f.owned.length > 5 ? ', …' : ''})`);
  }
  if (reasons.length) throw new UnsafeDatabaseRoleError(f.role, reasons);
}
