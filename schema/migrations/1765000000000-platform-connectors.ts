import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * Real platforms. A side effect's resume memory (an Instagram container id, a YouTube upload session URI, a TikTok
 * publish id) lives on its ledger row, so the attempt after an unknown outcome asks the platform instead of starting
 * again. Platform usage (X spend, YouTube quota units) is recorded per client, append-only; the YouTube quota is
 * the installation's Google project's, so its total across tenants is read through a function that returns only
 * a number. Platform accounts carry their token schedule, and each has a health row for the connector health centre.
 */
export class PlatformConnectors1765000000000 implements MigrationInterface {
  name = 'PlatformConnectors1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE side_effect_ledger ADD COLUMN resume jsonb NOT NULL DEFAULT '{}'::jsonb`);
    // Media facts read once at upload, so scheduling checks each platform's rules without reading the bytes again.
    await q.query(
      `ALTER TABLE artifacts ADD COLUMN width int, ADD COLUMN height int, ADD COLUMN duration_seconds double precision`,
    );
    await q.query(`
      CREATE TABLE platform_usage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform_account_id uuid NOT NULL,
        platform text NOT NULL,
        unit text NOT NULL CHECK (unit IN ('usd_micros','quota_units','requests')),
        amount bigint NOT NULL CHECK (amount >= 0),
        operation text NOT NULL,
        idempotency_key text,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id)
      )`);
    await q.query(`CREATE INDEX platform_usage_client_time ON platform_usage (client_id, unit, created_at)`);
    await q.query(`CREATE INDEX platform_usage_platform_time ON platform_usage (platform, unit, created_at)`);
    // Append-only: what was spent stays spent.
    await q.query(`GRANT SELECT, INSERT ON platform_usage TO raize_app`);
    await q.query(`ALTER TABLE platform_usage ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE platform_usage FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON platform_usage ${TENANT_POLICY}`);
    await q.query(
      `CREATE FUNCTION raize_platform_usage_since(p text, u text, since timestamptz) RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT coalesce(sum(amount), 0)::bigint FROM platform_usage WHERE platform = p AND unit = u AND created_at >= since $$`,
    );
    // The token lifecycle's schedule, readable without opening the secret: when the access and refresh tokens end,
    // when the refresh workflow last looked.
    await q.query(`ALTER TABLE platform_accounts ADD COLUMN token_expires_at timestamptz`);
    await q.query(`ALTER TABLE platform_accounts ADD COLUMN refresh_expires_at timestamptz`);
    await q.query(`ALTER TABLE platform_accounts ADD COLUMN token_checked_at timestamptz`);
    // One row per account: what the health centre shows (last success, last errors in an operator's words, meters,
    // restrictions) and which alert was already raised, so a broken token alerts once, not once per post.
    await q.query(`
      CREATE TABLE account_health (
        platform_account_id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        last_success_at timestamptz,
        last_failure_at timestamptz,
        recent_errors jsonb NOT NULL DEFAULT '[]'::jsonb,
        quotas jsonb NOT NULL DEFAULT '[]'::jsonb,
        restrictions jsonb NOT NULL DEFAULT '[]'::jsonb,
        missing jsonb NOT NULL DEFAULT '[]'::jsonb,
        standing_checked_at timestamptz,
        alerted_signal text,
        alerted_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id) ON DELETE CASCADE
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON account_health TO raize_app`);
    await q.query(`ALTER TABLE account_health ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE account_health FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON account_health ${TENANT_POLICY}`);
    await q.query(`REVOKE ALL ON FUNCTION raize_platform_usage_since(text, text, timestamptz) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_platform_usage_since(text, text, timestamptz) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_platform_usage_since(text, text, timestamptz)`);
    await q.query(`DROP TABLE IF EXISTS account_health`);
    await q.query(
      `ALTER TABLE platform_accounts DROP COLUMN IF EXISTS token_expires_at, DROP COLUMN IF EXISTS refresh_expires_at, DROP COLUMN IF EXISTS token_checked_at`,
    );
    await q.query(`DROP TABLE IF EXISTS platform_usage`);
    await q.query(
      `ALTER TABLE artifacts DROP COLUMN IF EXISTS width, DROP COLUMN IF EXISTS height, DROP COLUMN IF EXISTS duration_seconds`,
    );
    await q.query(`ALTER TABLE side_effect_ledger DROP COLUMN IF EXISTS resume`);
  }
}
