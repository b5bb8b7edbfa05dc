import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * The browser lane (issue #17).
 *
 * `browser_runners`: the runner processes and their heartbeats. Infrastructure, not tenant data: no tenant column, no
 * row-level security; the app role registers, beats and stops runners but never deletes one.
 *
 * `browser_profiles`: one per platform account. The session (storage state) lives encrypted in the secrets backend
 * under `secret_key` (C-40), never here; the row holds the signed manifest of the identity the pages must show
 * (C-41), and the mode: read-only until one Admin asks and a different Admin approves (C-42). The database refuses
 * an approval by the requester and side effects without both, whatever the application does.
 *
 * `raize_browser_runner_load`: how many profiles each runner holds, across tenants (ids and counts only), so a
 * client's scope can place a profile on the least loaded runner without reading other clients' profiles.
 * `raize_browser_profiles_due_check`: which profiles a runner should walk its self-check on (ids only); the check
 * itself runs in each profile's client scope.
 */
export class BrowserLane1766800000000 implements MigrationInterface {
  name = 'BrowserLane1766800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE browser_runners (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$'),
        task_queue text NOT NULL CHECK (length(task_queue) BETWEEN 1 AND 200),
        platforms text[] NOT NULL DEFAULT '{}' CHECK (cardinality(platforms) <= 20),
        slots int NOT NULL CHECK (slots BETWEEN 1 AND 1000),
        started_at timestamptz NOT NULL DEFAULT now(),
        heartbeat_at timestamptz NOT NULL DEFAULT now(),
        stopped_at timestamptz
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON browser_runners TO raize_app`);

    await q.query(`
      CREATE TABLE browser_profiles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform_account_id uuid NOT NULL UNIQUE,
        platform text NOT NULL CHECK (length(platform) BETWEEN 1 AND 50),
        -- where the encrypted storage state lives in the secrets backend; never the state itself
        secret_key text NOT NULL CHECK (length(secret_key) <= 300),
        manifest jsonb NOT NULL CHECK (jsonb_typeof(manifest) = 'object'),
        -- base64url HMAC-SHA256; null is an unsigned manifest, refused before any action
        manifest_signature text CHECK (length(manifest_signature) <= 200),
        mode text NOT NULL DEFAULT 'read_only' CHECK (mode IN ('read_only', 'side_effects')),
        mode_reason jsonb CHECK (mode_reason IS NULL OR jsonb_typeof(mode_reason) = 'object'),
        hybrid_writer text NOT NULL DEFAULT 'api' CHECK (hybrid_writer IN ('api', 'browser')),
        side_effects_requested_by uuid REFERENCES users(id),
        side_effects_requested_at timestamptz,
        side_effects_note text CHECK (length(side_effects_note) <= 500),
        side_effects_approved_by uuid REFERENCES users(id),
        side_effects_approved_at timestamptz,
        runner_id text REFERENCES browser_runners(id) ON DELETE SET NULL,
        selector_map_version text CHECK (length(selector_map_version) <= 100),
        last_check_at timestamptz,
        last_check jsonb CHECK (last_check IS NULL OR jsonb_typeof(last_check) = 'object'),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- C-42 in the schema: two different people, and side effects only with both
        CHECK (side_effects_approved_by IS NULL OR side_effects_approved_by <> side_effects_requested_by),
        CHECK (side_effects_approved_by IS NULL OR side_effects_requested_by IS NOT NULL),
        CHECK (mode <> 'side_effects' OR side_effects_approved_by IS NOT NULL),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        -- no cascade: an account goes only after its profile was detached, which also deletes the secret
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id),
        UNIQUE (id, client_id)
      )`);
    await q.query(`CREATE INDEX browser_profiles_client ON browser_profiles (client_id)`);
    await q.query(`CREATE INDEX browser_profiles_runner ON browser_profiles (runner_id) WHERE runner_id IS NOT NULL`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON browser_profiles TO raize_app`);
    await q.query(`ALTER TABLE browser_profiles ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE browser_profiles FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON browser_profiles ${TENANT_POLICY}`);

    await q.query(`
      CREATE FUNCTION raize_browser_runner_load(runner_ids text[])
      RETURNS TABLE (runner_id text, profiles int)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT r.id, (SELECT count(*)::int FROM browser_profiles p WHERE p.runner_id = r.id)
        FROM unnest(runner_ids) AS r(id)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION raize_browser_runner_load(text[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_browser_runner_load(text[]) TO raize_app`);

    await q.query(`
      CREATE FUNCTION raize_browser_profiles_due_check(p_runner_id text, p_platforms text[], p_older_than_seconds int)
      RETURNS TABLE (client_id uuid, profile_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT p.client_id, p.id FROM browser_profiles p
        WHERE (p.runner_id = p_runner_id OR p.runner_id IS NULL) AND p.platform = ANY (p_platforms)
          AND (p.last_check_at IS NULL OR p.last_check_at < now() - make_interval(secs => p_older_than_seconds))
        ORDER BY p.last_check_at NULLS FIRST LIMIT 50
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION raize_browser_profiles_due_check(text, text[], int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_browser_profiles_due_check(text, text[], int) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_browser_profiles_due_check(text, text[], int)`);
    await q.query(`DROP FUNCTION IF EXISTS raize_browser_runner_load(text[])`);
    await q.query(`DROP TABLE IF EXISTS browser_profiles`);
    await q.query(`DROP TABLE IF EXISTS browser_runners`);
  }
}
