import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * AI providers, bring your own key (C-11, C-51):
 * - `provider_credentials`: which CredentialRef holds a client's key for a provider, or (client_id NULL) the
 *   agency's fallback key. The key itself lives only in the secrets backend; the row keeps a sha256 prefix to tell
 *   "the same key again" from a new one, nothing else derived from it.
 * - `credential_refs.client_id` becomes nullable for agency-level provider keys only (a CHECK keeps OAuth tokens
 *   client-bound). Under the existing tenant policy such a row is visible to agency-level scopes only; a client's
 *   background work reaches its agency's fallback through one security-definer function that answers for a
 *   client in the caller's scope and returns agency rows only (never another client's key).
 * - `ai_usage`: one row per billed call, append-only (no UPDATE/DELETE for the app role).
 * - `ai_settings`: per client monthly budget, step contract and preferred provider per kind.
 */
export class ProviderKeysAndUsage1764920000000 implements MigrationInterface {
  name = 'ProviderKeysAndUsage1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credential_refs ALTER COLUMN client_id DROP NOT NULL`);
    await q.query(
      `ALTER TABLE credential_refs ADD CONSTRAINT credential_refs_client_bound CHECK (client_id IS NOT NULL OR kind = 'provider_key')`,
    );
    await q.query(`
      CREATE TABLE provider_credentials (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid,
        provider text NOT NULL CHECK (provider IN ('anthropic','openai','gemini','openrouter','kie','heygen')),
        credential_ref_id uuid NOT NULL UNIQUE REFERENCES credential_refs(id),
        fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{16}$'),
        set_by uuid REFERENCES users(id),
        set_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX provider_credentials_client ON provider_credentials (client_id, provider) WHERE client_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX provider_credentials_agency ON provider_credentials (agency_id, provider) WHERE client_id IS NULL`,
    );
    await q.query(`
      CREATE TABLE ai_usage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        provider text NOT NULL,
        credential_ref_id uuid REFERENCES credential_refs(id),
        step_id text NOT NULL CHECK (length(step_id) BETWEEN 1 AND 200),
        step_kind text NOT NULL,
        depth int NOT NULL DEFAULT 0,
        kind text NOT NULL CHECK (kind IN ('text','image','video','avatar')),
        model text NOT NULL,
        outcome text NOT NULL CHECK (outcome IN ('ok','failed')),
        input_tokens int NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
        output_tokens int NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
        images int NOT NULL DEFAULT 0 CHECK (images >= 0),
        video_seconds double precision NOT NULL DEFAULT 0 CHECK (video_seconds >= 0),
        cost_micros bigint NOT NULL CHECK (cost_micros >= 0),
        month text NOT NULL CHECK (month ~ '^[0-9]{4}-[0-9]{2}$'),
        started_at timestamptz NOT NULL,
        duration_ms int NOT NULL CHECK (duration_ms >= 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE INDEX ai_usage_month ON ai_usage (client_id, month)`);
    await q.query(`CREATE INDEX ai_usage_step ON ai_usage (client_id, step_id)`);
    await q.query(`
      CREATE TABLE ai_settings (
        client_id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        monthly_budget_micros bigint NOT NULL CHECK (monthly_budget_micros >= 0),
        contract jsonb NOT NULL,
        preferred jsonb NOT NULL,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);

    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON provider_credentials TO raize_app`);
    // Usage is a record of money spent: rows are added, never changed or removed by the application.
    await q.query(`GRANT SELECT, INSERT ON ai_usage TO raize_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON ai_settings TO raize_app`);
    for (const t of ['provider_credentials', 'ai_usage', 'ai_settings']) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant ON ${t} ${TENANT_POLICY}`);
    }

    // The agency fallback keys that apply to client c, for a caller whose scope holds c (a client's background work
    // runs with the client in scope, not its agency): agency rows only, of c's own agency.
    await q.query(`
      CREATE FUNCTION raize_agency_provider_keys(c uuid)
      RETURNS TABLE (provider text, credential_ref_id uuid, backend text, secret_key text, agency_id uuid, set_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT k.provider, r.id, r.backend, r.secret_key, k.agency_id, k.set_at
        FROM clients cl
        JOIN provider_credentials k ON k.agency_id = cl.agency_id AND k.client_id IS NULL
        JOIN credential_refs r ON r.id = k.credential_ref_id AND r.client_id IS NULL AND r.agency_id = cl.agency_id
        WHERE cl.id = c AND (c = ANY (raize_clients()) OR cl.agency_id = ANY (raize_agencies()))
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION raize_agency_provider_keys(uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_agency_provider_keys(uuid) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_agency_provider_keys(uuid)`);
    await q.query(`DROP TABLE IF EXISTS ai_settings, ai_usage, provider_credentials`);
    await q.query(`DELETE FROM credential_refs WHERE client_id IS NULL`);
    await q.query(`ALTER TABLE credential_refs DROP CONSTRAINT IF EXISTS credential_refs_client_bound`);
    await q.query(`ALTER TABLE credential_refs ALTER COLUMN client_id SET NOT NULL`);
  }
}
