import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/** The ingest's functions: what its own role may execute, and nothing else (it has no table privilege at all). */
const INGEST_FUNCTIONS = [
  'raize_inbound_store(jsonb)',
  'raize_inbound_claim(int)',
  'raize_inbound_mark_drained(uuid[])',
  'raize_inbound_poll_accounts(text[])',
];

/**
 * Webhook and poll ingest (issue #13, C-31…C-34). Every verified inbound event (comment, reply, mention, DM) is a row
 * of `inbound_events`, committed before the platform gets its 2xx; `(source, delivery_id)` is unique, so a replayed
 * delivery, and a comment that arrives by webhook and by poll, is one row. The ingest knows no tenant when it stores:
 * the tenant columns stay null until the drainer resolves the platform account, and row-level security hides such
 * rows from the app role. The ingest connects as `raize_ingest`, a role that can only execute the security-definer
 * functions below (store, claim, mark drained, list the accounts to poll); the app role reads its tenants' rows and
 * may store (the poll activity) through the same function.
 */
export class InboundEvents1765200000000 implements MigrationInterface {
  name = 'InboundEvents1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inbound_events (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        source text NOT NULL CHECK (length(source) BETWEEN 1 AND 40),
        delivery_id text NOT NULL CHECK (length(delivery_id) BETWEEN 1 AND 300),
        external_account_id text NOT NULL CHECK (length(external_account_id) BETWEEN 1 AND 200),
        kind text NOT NULL CHECK (kind IN ('comment','reply','mention','dm')),
        external_id text NOT NULL CHECK (length(external_id) BETWEEN 1 AND 300),
        parent_external_id text CHECK (length(parent_external_id) <= 300),
        author_external_id text CHECK (length(author_external_id) <= 200),
        author_handle text CHECK (length(author_handle) <= 200),
        text text NOT NULL CHECK (length(text) <= 20000),
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        payload jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (octet_length(payload::text) <= 65536),
        agency_id uuid REFERENCES agencies(id),
        client_id uuid,
        platform_account_id uuid,
        status text NOT NULL DEFAULT 'stored' CHECK (status IN ('stored','drained','unroutable')),
        drained_at timestamptz,
        UNIQUE (source, delivery_id),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id)
      )`);
    // The drainer's queue: only what is still to route, oldest first.
    await q.query(`CREATE INDEX inbound_events_stored ON inbound_events (seq) WHERE status = 'stored'`);
    await q.query(`CREATE INDEX inbound_events_account ON inbound_events (platform_account_id, seq)`);
    // The app role reads its tenants' rows; it never writes them directly (stores go through the function).
    await q.query(`GRANT SELECT ON inbound_events TO raize_app`);
    await q.query(`ALTER TABLE inbound_events ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE inbound_events FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON inbound_events ${TENANT_POLICY}`);

    // Where each account's comment poll stopped (platforms and objects without webhooks).
    await q.query(`
      CREATE TABLE inbound_poll_cursors (
        platform_account_id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        cursor text NOT NULL CHECK (length(cursor) <= 500),
        polled_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id) ON DELETE CASCADE
      )`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON inbound_poll_cursors TO raize_app`);
    await q.query(`ALTER TABLE inbound_poll_cursors ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE inbound_poll_cursors FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON inbound_poll_cursors ${TENANT_POLICY}`);

    // One statement per group commit: many events, one multi-row insert, duplicates skipped (C-32, C-34).
    await q.query(`
      CREATE FUNCTION raize_inbound_store(events jsonb) RETURNS integer LANGUAGE sql VOLATILE SECURITY DEFINER
      SET search_path = public AS $$
        WITH ins AS (
          INSERT INTO inbound_events (source, delivery_id, external_account_id, kind, external_id, parent_external_id,
            author_external_id, author_handle, text, occurred_at, payload)
          SELECT e.source, e.delivery_id, e.external_account_id, e.kind, e.external_id, e.parent_external_id,
            e.author_external_id, e.author_handle, left(coalesce(e.text, ''), 20000), e.occurred_at,
            coalesce(e.payload, '{}'::jsonb)
          FROM jsonb_to_recordset(events) AS e(source text, delivery_id text, external_account_id text, kind text,
            external_id text, parent_external_id text, author_external_id text, author_handle text, text text,
            occurred_at timestamptz, payload jsonb)
          ON CONFLICT (source, delivery_id) DO NOTHING
          RETURNING 1)
        SELECT count(*)::int FROM ins $$`);
    // Claims the oldest stored rows (SKIP LOCKED: several drainers share the queue; the locks last until the caller's
    // transaction ends), writes the tenant of each from its connected account, and marks a row whose account Raize
    // does not know unroutable (kept, never signalled). Returns the routed rows, oldest first.
    await q.query(`
      CREATE FUNCTION raize_inbound_claim(n int)
      RETURNS TABLE (id uuid, agency_id uuid, client_id uuid, platform_account_id uuid)
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public AS $$
        WITH picked AS (
          SELECT e.id, e.source, e.external_account_id FROM inbound_events e
          WHERE e.status = 'stored' ORDER BY e.seq LIMIT n FOR UPDATE SKIP LOCKED
        ), routed AS (
          SELECT p.id, a.id AS account_id, a.agency_id, a.client_id FROM picked p
          LEFT JOIN LATERAL (
            SELECT pa.id, pa.agency_id, pa.client_id FROM platform_accounts pa
            WHERE pa.platform = p.source AND pa.external_account_id = p.external_account_id AND pa.status = 'connected'
            ORDER BY pa.connected_at DESC LIMIT 1
          ) a ON true
        ), upd AS (
          UPDATE inbound_events e SET agency_id = r.agency_id, client_id = r.client_id,
            platform_account_id = r.account_id,
            status = CASE WHEN r.account_id IS NULL THEN 'unroutable' ELSE 'stored' END
          FROM routed r WHERE e.id = r.id
          RETURNING e.id, e.agency_id, e.client_id, e.platform_account_id, e.seq, e.status
        )
        SELECT u.id, u.agency_id, u.client_id, u.platform_account_id FROM upd u
        WHERE u.status = 'stored' ORDER BY u.seq $$`);
    await q.query(`
      CREATE FUNCTION raize_inbound_mark_drained(ids uuid[]) RETURNS integer LANGUAGE sql VOLATILE SECURITY DEFINER
      SET search_path = public AS $$
        WITH upd AS (
          UPDATE inbound_events SET status = 'drained', drained_at = now()
          WHERE id = ANY (ids) AND status = 'stored' AND platform_account_id IS NOT NULL RETURNING 1)
        SELECT count(*)::int FROM upd $$`);
    // Ids only: which connected accounts of the polled platforms need a poll schedule.
    await q.query(`
      CREATE FUNCTION raize_inbound_poll_accounts(platforms text[])
      RETURNS TABLE (id uuid, agency_id uuid, client_id uuid, platform text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT pa.id, pa.agency_id, pa.client_id, pa.platform FROM platform_accounts pa
        WHERE pa.platform = ANY (platforms) AND pa.status = 'connected' ORDER BY pa.id $$`);

    // The ingest's own role: no superuser, no BYPASSRLS, no table privilege; the functions are all it can run.
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'raize_ingest') THEN
        CREATE ROLE raize_ingest LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
      END IF; END $$`);
    await q.query(
      `DO $$ BEGIN EXECUTE format('GRANT CONNECT ON DATABASE %I TO raize_ingest', current_database()); END $$`,
    );
    await q.query(`GRANT USAGE ON SCHEMA public TO raize_ingest`);
    for (const fn of INGEST_FUNCTIONS) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO raize_ingest`);
    }
    // The poll activity runs in the worker as the app role and stores through the same function.
    await q.query(`GRANT EXECUTE ON FUNCTION raize_inbound_store(jsonb) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const fn of INGEST_FUNCTIONS) await q.query(`DROP FUNCTION IF EXISTS ${fn}`);
    await q.query(`DROP TABLE IF EXISTS inbound_poll_cursors`);
    await q.query(`DROP TABLE IF EXISTS inbound_events`);
    await q.query(`DO $$ BEGIN
      IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'raize_ingest') THEN
        EXECUTE format('REVOKE ALL ON DATABASE %I FROM raize_ingest', current_database());
        REVOKE ALL ON SCHEMA public FROM raize_ingest;
      END IF; END $$`);
  }
}
