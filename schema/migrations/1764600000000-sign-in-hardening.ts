import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows that belong to one operator: the app role reaches them only as that operator (raize_actor()). */
const USER_OWNED = [
  ['users', 'id'],
  ['sessions', 'user_id'],
  ['api_tokens', 'user_id'],
] as const;

/**
 * The questions asked before anyone is authenticated, each answering one thing with SECURITY DEFINER (the scope
 * has no actor yet): who owns this live session or token, which user has this email, how many failed sign-ins
 * came from this address. The rest of sign-in runs as the user it is about, under the policies below.
 */
const PRE_AUTH_FUNCTIONS = [
  [
    'raize_live_session(h text)',
    'TABLE (session_id uuid, owner_id uuid)',
    'SELECT id, user_id FROM sessions WHERE token_hash = h AND revoked_at IS NULL AND expires_at > now()',
  ],
  [
    'raize_live_api_token(h text)',
    'TABLE (token_id uuid, owner_id uuid)',
    'SELECT id, user_id FROM api_tokens WHERE token_hash = h AND revoked_at IS NULL AND expires_at > now()',
  ],
  ['raize_user_id_by_email(e text)', 'uuid', 'SELECT id FROM users WHERE email = lower(e)'],
  [
    'raize_failed_logins_from(from_ip text, since timestamptz)',
    'bigint',
    'SELECT count(*) FROM login_attempts WHERE ip = from_ip AND NOT succeeded AND at > since',
  ],
  // Appending to the global audit chain needs its head, not its rows (which only staff may read).
  [
    'raize_audit_global_head()',
    'TABLE (seq bigint, hash text)',
    "SELECT seq, hash FROM audit_events WHERE chain_key = 'global' ORDER BY seq DESC LIMIT 1",
  ],
] as const;

/**
 * Sign-in hardening (C-06, C-10) and row-level security for the operators' own tables (C-01): sessions, API tokens
 * and user rows are visible and writable only to the operator they belong to; login attempts can be recorded but
 * not read; global audit events (sign-ins, tokens) are readable by platform staff and by the operator they name.
 */
export class SignInHardening1764600000000 implements MigrationInterface {
  name = 'SignInHardening1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // The last TOTP time step accepted for the user: a code of that step or an earlier one is a replay.
    await q.query(`ALTER TABLE users ADD COLUMN totp_last_step bigint`);

    for (const [table, owner] of USER_OWNED) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY own ON ${table} USING (${owner} = raize_actor()) WITH CHECK (${owner} = raize_actor())`,
      );
    }
    // Operators are created and removed by the owner's tools (bootstrap, create-admin), never by the app.
    await q.query(`REVOKE INSERT, DELETE ON users FROM raize_app`);
    // Sessions and tokens end by revocation (kept for the audit of what they did), never by deletion.
    await q.query(`REVOKE DELETE ON sessions, api_tokens FROM raize_app`);

    await q.query(`ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE login_attempts FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY record ON login_attempts FOR INSERT WITH CHECK (true)`);
    await q.query(`REVOKE SELECT, UPDATE, DELETE ON login_attempts FROM raize_app`);

    // Restrictive: whatever the tenant policy lets a scope read, a global event also needs staff or its own actor.
    await q.query(`CREATE POLICY global_events_private ON audit_events AS RESTRICTIVE FOR SELECT
      USING (client_id IS NOT NULL OR agency_id IS NOT NULL OR raize_staff() OR actor = 'user:' || raize_actor()::text)`);

    for (const [fn, returns, body] of PRE_AUTH_FUNCTIONS) {
      await q.query(
        `CREATE FUNCTION ${fn} RETURNS ${returns} LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ ${body} $$`,
      );
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO raize_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const [fn] of PRE_AUTH_FUNCTIONS) await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    await q.query(`DROP POLICY IF EXISTS global_events_private ON audit_events`);
    await q.query(`DROP POLICY IF EXISTS record ON login_attempts`);
    await q.query(`ALTER TABLE login_attempts NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY`);
    await q.query(`GRANT SELECT, UPDATE, DELETE ON login_attempts TO raize_app`);
    await q.query(`GRANT INSERT, DELETE ON users TO raize_app`);
    await q.query(`GRANT DELETE ON sessions, api_tokens TO raize_app`);
    for (const [table] of USER_OWNED) {
      await q.query(`DROP POLICY IF EXISTS own ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`ALTER TABLE users DROP COLUMN totp_last_step`);
  }
}
