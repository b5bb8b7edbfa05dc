import type { MigrationInterface, QueryRunner } from 'typeorm';

const AGENCY_READ = 'agency_id = ANY (raize_agencies()) OR agency_id = ANY (raize_member_agencies())';

/**
 * The MCP tool gateway (issue #16).
 *
 * `tool_registry`: every version of every tool definition, each signed (HMAC-SHA256 over its canonical JSON with the
 * registry key held in the secrets backend). Global, not tenant data: the app role only reads it; bootstrap (the
 * owner) signs and inserts. A row changed in the database no longer matches its signature and is refused at load.
 *
 * `gateway_settings`: an agency's gateway, set by its Admins: tools turned off for the agency (the tenant's
 * permission map; the role and task-class allowlists are policy data), script execution (off by default) and the
 * domains scripts may reach, per-caller rate and monthly cost budget.
 *
 * `gateway_usage`: calls and cost per caller per minute, for the rate limit and the budget across gateway replicas.
 */
export class ToolGateway1766700000000 implements MigrationInterface {
  name = 'ToolGateway1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tool_registry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (name ~ '^[a-z][a-z0-9_]{1,62}$'),
        version int NOT NULL CHECK (version >= 1),
        definition jsonb NOT NULL,
        -- base64url HMAC-SHA256; null is an unsigned entry, refused at load
        signature text CHECK (length(signature) <= 200),
        key_id text CHECK (length(key_id) <= 200),
        signed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (name, version)
      )`);
    await q.query(`GRANT SELECT ON tool_registry TO raize_app`);

    await q.query(`
      CREATE TABLE gateway_settings (
        agency_id uuid PRIMARY KEY REFERENCES agencies(id),
        -- tool name -> false: off for every caller of the agency, whatever the role or task allows
        tool_permissions jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(tool_permissions) = 'object'),
        scripts_enabled boolean NOT NULL DEFAULT false,
        script_domains text[] NOT NULL DEFAULT '{}' CHECK (cardinality(script_domains) <= 50),
        calls_per_minute int NOT NULL DEFAULT 60 CHECK (calls_per_minute BETWEEN 1 AND 10000),
        monthly_budget_usd_micros bigint CHECK (monthly_budget_usd_micros >= 0),
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON gateway_settings TO raize_app`);
    await q.query(`ALTER TABLE gateway_settings ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE gateway_settings FORCE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant ON gateway_settings USING (${AGENCY_READ}) WITH CHECK (agency_id = ANY (raize_agencies()))`,
    );

    await q.query(`
      CREATE TABLE gateway_usage (
        caller_key text NOT NULL CHECK (length(caller_key) <= 300),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        window_start timestamptz NOT NULL,
        calls int NOT NULL DEFAULT 0,
        cost_usd_micros bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (caller_key, window_start)
      )`);
    await q.query(`CREATE INDEX gateway_usage_agency ON gateway_usage (agency_id, window_start)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON gateway_usage TO raize_app`);
    await q.query(`ALTER TABLE gateway_usage ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE gateway_usage FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON gateway_usage USING (${AGENCY_READ}) WITH CHECK (${AGENCY_READ})`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS gateway_usage`);
    await q.query(`DROP TABLE IF EXISTS gateway_settings`);
    await q.query(`DROP TABLE IF EXISTS tool_registry`);
  }
}
