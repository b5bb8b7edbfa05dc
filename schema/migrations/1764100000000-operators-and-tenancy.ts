import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenant-owned tables: every row has client_id; RLS lets the app role see only the clients in scope (C-01). */
const CLIENT_TABLES = [
  'credential_refs',
  'platform_accounts',
  'oauth_attempts',
  'assets',
  'publish_jobs',
  'approvals',
  'side_effect_ledger',
  'client_policy_settings',
];

/**
 * Operators and the tenant boundary: sessions, API tokens, login throttling, and row-level security for the
 * application's own role `raize_app` (no superuser, no BYPASSRLS). The tenant is carried in settings that
 * the application sets on its connection for one request or one activity (services/core/tenancy).
 */
export class OperatorsAndTenancy1764100000000 implements MigrationInterface {
  name = 'OperatorsAndTenancy1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN failed_logins int NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz, ADD COLUMN totp_secret_ref text, ADD COLUMN totp_enabled boolean NOT NULL DEFAULT false, ADD COLUMN disabled boolean NOT NULL DEFAULT false`,
    );
    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL UNIQUE,
        csrf_token text NOT NULL,
        second_factor_pending boolean NOT NULL DEFAULT false,
        ip text,
        user_agent text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX sessions_user ON sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        prefix text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        scopes text[] NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        last_used_ip text,
        last_used_user_agent text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE login_attempts (
        id bigserial PRIMARY KEY,
        email text NOT NULL,
        ip text,
        succeeded boolean NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX login_attempts_ip ON login_attempts (ip, at)`);

    // Helpers reading the tenant scope; an unset scope is an empty one, so a forgotten scope sees nothing.
    for (const [fn, setting] of [
      ['raize_clients', 'raize.client_ids'],
      ['raize_agencies', 'raize.agency_ids'],
      ['raize_member_agencies', 'raize.member_agency_ids'],
    ]) {
      await q.query(
        `CREATE FUNCTION ${fn}() RETURNS uuid[] LANGUAGE sql STABLE AS $$ SELECT coalesce(nullif(current_setting('${setting}', true), ''), '{}')::uuid[] $$`,
      );
    }
    await q.query(
      `CREATE FUNCTION raize_actor() RETURNS uuid LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting('raize.actor_id', true), '')::uuid $$`,
    );

    // The application's own role. Created once per cluster; privileges per database.
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'raize_app') THEN
        CREATE ROLE raize_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF; END $$`);
    await q.query(
      `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO raize_app', current_database()); END $$`,
    );
    await q.query(`GRANT USAGE ON SCHEMA public TO raize_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO raize_app`);
    await q.query(`REVOKE UPDATE, DELETE ON audit_events FROM raize_app`);
    await q.query(`REVOKE ALL ON migrations FROM raize_app`);
    await q.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO raize_app`);

    for (const t of CLIENT_TABLES) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant ON ${t} USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))`,
      );
    }
    await q.query(`ALTER TABLE clients ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant ON clients USING (id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (agency_id = ANY (raize_agencies()))`,
    );
    await q.query(`ALTER TABLE agencies ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant ON agencies USING (id = ANY (raize_agencies()) OR id = ANY (raize_member_agencies())) WITH CHECK (false)`,
    );
    await q.query(`ALTER TABLE memberships ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant ON memberships USING (user_id = raize_actor() OR agency_id = ANY (raize_agencies()) OR agency_id = ANY (raize_member_agencies()) OR client_id = ANY (raize_clients())) WITH CHECK (agency_id = ANY (raize_agencies()))`,
    );
    await q.query(`ALTER TABLE kill_switches ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON kill_switches
      USING (scope = 'global' OR agency_id = ANY (raize_agencies()) OR agency_id = ANY (raize_member_agencies()) OR client_id = ANY (raize_clients()))
      WITH CHECK (scope = 'global' OR agency_id = ANY (raize_agencies()) OR client_id = ANY (raize_clients()))`);
    await q.query(`ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON audit_events
      USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()) OR (client_id IS NULL AND agency_id = ANY (raize_member_agencies())) OR (client_id IS NULL AND agency_id IS NULL))
      WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()) OR (client_id IS NULL AND agency_id = ANY (raize_member_agencies())) OR (client_id IS NULL AND agency_id IS NULL))`);

    // The few lookups that must cross the boundary, each answering one narrow question (SECURITY DEFINER).
    await q.query(
      `CREATE FUNCTION raize_client_agency(c uuid) RETURNS uuid LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT agency_id FROM clients WHERE id = c $$`,
    );
    await q.query(
      `CREATE FUNCTION raize_agency_client_ids(a uuid[]) RETURNS uuid[] LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT coalesce(array_agg(id), '{}') FROM clients WHERE agency_id = ANY (a) $$`,
    );
    await q.query(
      `CREATE FUNCTION raize_oauth_attempt_scope(s text) RETURNS TABLE (agency_id uuid, client_id uuid, actor_id uuid) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT agency_id, client_id, actor_id FROM oauth_attempts WHERE state = s $$`,
    );
    await q.query(
      `CREATE FUNCTION raize_publish_job_scope(j uuid) RETURNS TABLE (agency_id uuid, client_id uuid) LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT agency_id, client_id FROM publish_jobs WHERE id = j $$`,
    );
    // Global caps count every tenant's side effects, but only as numbers.
    await q.query(
      `CREATE FUNCTION raize_global_side_effects_since(a text, since timestamptz) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT count(*) FROM side_effect_ledger WHERE action = a AND state = 'succeeded' AND updated_at >= since $$`,
    );
    for (const fn of [
      'raize_client_agency(uuid)',
      'raize_agency_client_ids(uuid[])',
      'raize_oauth_attempt_scope(text)',
      'raize_publish_job_scope(uuid)',
      'raize_global_side_effects_since(text, timestamptz)',
    ]) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO raize_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [...CLIENT_TABLES, 'clients', 'agencies', 'memberships', 'kill_switches', 'audit_events']) {
      await q.query(`DROP POLICY IF EXISTS tenant ON ${t}`);
      await q.query(`ALTER TABLE ${t} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`DROP TABLE IF EXISTS login_attempts, api_tokens, sessions`);
    await q.query(
      `ALTER TABLE users DROP COLUMN failed_logins, DROP COLUMN locked_until, DROP COLUMN totp_secret_ref, DROP COLUMN totp_enabled, DROP COLUMN disabled`,
    );
  }
}
