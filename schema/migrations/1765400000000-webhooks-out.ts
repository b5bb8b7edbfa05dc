import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * Outbound lifecycle webhooks (issue #13): customers' subscriptions, the deliveries derived from the audit trail,
 * every attempt's log line, and one cursor per (subscription, client chain).
 *
 * - `webhook_subscriptions.client_id` NULL: the subscription covers every client of its agency (visible to
 *   agency-level scopes only, under the usual tenant policy). Its secret is a CredentialRef of kind
 *   `webhook_secret`, which may then be agency-bound too: the `credential_refs_client_bound` CHECK now allows it.
 * - `webhook_deliveries.client_id` is the client whose event it carries (NULL for an agency subscription's test
 *   event), so a client's operators read the deliveries of their own events only.
 * - The delivery loop lists due work across tenants through two security-definer functions that return ids and
 *   owners only; every read and write of the rows themselves then happens in the subscription's own scope.
 */
export class WebhooksOut1765400000000 implements MigrationInterface {
  name = 'WebhooksOut1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE credential_refs DROP CONSTRAINT credential_refs_client_bound`);
    await q.query(
      `ALTER TABLE credential_refs ADD CONSTRAINT credential_refs_client_bound CHECK (client_id IS NOT NULL OR kind IN ('provider_key', 'webhook_secret'))`,
    );
    await q.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid,
        url text NOT NULL,
        event_types text[] NOT NULL,
        description text NOT NULL DEFAULT '',
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        disabled_at timestamptz,
        secret_ref_id uuid NOT NULL REFERENCES credential_refs(id),
        previous_secret_ref_id uuid REFERENCES credential_refs(id),
        previous_secret_expires_at timestamptz,
        failing_since timestamptz,
        created_by uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE INDEX webhook_subscriptions_owner ON webhook_subscriptions (agency_id, client_id)`);
    await q.query(`
      CREATE TABLE webhook_cursors (
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        last_seq bigint NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (subscription_id, client_id),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
        message_id text NOT NULL UNIQUE,
        event_type text NOT NULL,
        audit_event_id bigint,
        body text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        round_attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        locked_until timestamptz,
        last_status_code int,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz,
        UNIQUE (subscription_id, audit_event_id),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX webhook_deliveries_list ON webhook_deliveries (subscription_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE webhook_attempts (
        id bigserial PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries(id) ON DELETE CASCADE,
        attempt int NOT NULL,
        started_at timestamptz NOT NULL,
        duration_ms int NOT NULL,
        status_code int,
        error_class text,
        response_snippet text,
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE INDEX webhook_attempts_delivery ON webhook_attempts (delivery_id, attempt)`);

    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON webhook_subscriptions, webhook_cursors TO raize_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON webhook_deliveries TO raize_app`);
    // The log of what was sent is append-only for the application.
    await q.query(`GRANT SELECT, INSERT ON webhook_attempts TO raize_app`);
    await q.query(`GRANT USAGE, SELECT ON SEQUENCE webhook_attempts_id_seq TO raize_app`);
    for (const t of ['webhook_subscriptions', 'webhook_cursors', 'webhook_deliveries', 'webhook_attempts']) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant ON ${t} ${TENANT_POLICY}`);
    }

    // The pump's work list: every enabled subscription, its owner and nothing else.
    await q.query(`
      CREATE FUNCTION raize_webhook_pump_targets() RETURNS TABLE (subscription_id uuid, agency_id uuid, client_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT id, agency_id, client_id FROM webhook_subscriptions WHERE enabled ORDER BY id
      $$`);
    // Claims due deliveries for one worker (SKIP LOCKED: several workers never take the same row) with a lease, so a
    // worker that dies mid-attempt leaves the row to be taken again once the lease ends. Ids and owners only.
    await q.query(`
      CREATE FUNCTION raize_webhook_claim(n int, lease_seconds int)
      RETURNS TABLE (delivery_id uuid, subscription_id uuid, agency_id uuid, client_id uuid, subscription_client_id uuid)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH due AS (
          SELECT d.id FROM webhook_deliveries d
          WHERE d.status = 'pending' AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until < now())
          ORDER BY d.next_attempt_at, d.created_at
          LIMIT n FOR UPDATE SKIP LOCKED
        )
        UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => lease_seconds)
        FROM due, webhook_subscriptions s
        WHERE d.id = due.id AND s.id = d.subscription_id
        RETURNING d.id, d.subscription_id, d.agency_id, d.client_id, s.client_id
      $$`);
    for (const fn of ['raize_webhook_pump_targets()', 'raize_webhook_claim(int, int)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO raize_app`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_webhook_claim(int, int)`);
    await q.query(`DROP FUNCTION IF EXISTS raize_webhook_pump_targets()`);
    await q.query(`DROP TABLE IF EXISTS webhook_attempts, webhook_deliveries, webhook_cursors, webhook_subscriptions`);
    await q.query(`DELETE FROM credential_refs WHERE client_id IS NULL AND kind = 'webhook_secret'`);
    await q.query(`ALTER TABLE credential_refs DROP CONSTRAINT credential_refs_client_bound`);
    await q.query(
      `ALTER TABLE credential_refs ADD CONSTRAINT credential_refs_client_bound CHECK (client_id IS NOT NULL OR kind = 'provider_key')`,
    );
  }
}
