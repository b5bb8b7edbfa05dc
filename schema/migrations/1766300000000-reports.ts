import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

const KINDS_BEFORE = `'image','video','text','import','provider-output','proof'`;

/**
 * Client reports (issue #14): a report per client and period (its figures as a snapshot, its PDF in the artifact
 * store under the new `report` kind), read-only links to it (a random token stored as its sha256 only, expiring and
 * revocable), and one monthly delivery setting per client, which the API mirrors into a Temporal Schedule.
 *
 * The public route `/r/:token` has no operator: it finds a link's report through one security-definer function that
 * takes the token's hash and answers ids only, and only for a link neither expired nor revoked. Everything else it
 * reads runs in that report's client scope.
 */
export class Reports1766300000000 implements MigrationInterface {
  name = 'Reports1766300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE artifacts DROP CONSTRAINT IF EXISTS artifacts_kind_check`);
    await q.query(
      `ALTER TABLE artifacts ADD CONSTRAINT artifacts_kind_check CHECK (kind IN (${KINDS_BEFORE}, 'report'))`,
    );
    await q.query(`
      CREATE TABLE reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        status text NOT NULL DEFAULT 'generating' CHECK (status IN ('generating','ready','failed')),
        trigger text NOT NULL CHECK (trigger IN ('operator','schedule')),
        workflow_id text NOT NULL UNIQUE CHECK (length(workflow_id) <= 300),
        artifact_key text CHECK (length(artifact_key) <= 200),
        figures jsonb,
        error text CHECK (length(error) <= 500),
        emailed_at timestamptz,
        email_message_id text CHECK (length(email_message_id) <= 500),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- a period of at most a year (the API says so first; this is the backstop)
        CHECK (period_end >= period_start AND period_end - period_start < 366),
        CHECK (status <> 'ready' OR (artifact_key IS NOT NULL AND figures IS NOT NULL)),
        UNIQUE (id, client_id),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE INDEX reports_client ON reports (client_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE report_links (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id),
        -- null: made by the monthly delivery for its mail
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_at > created_at),
        FOREIGN KEY (report_id, client_id) REFERENCES reports(id, client_id),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE INDEX report_links_report ON report_links (report_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE report_schedules (
        client_id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        enabled boolean NOT NULL,
        recipients text[] NOT NULL DEFAULT '{}' CHECK (cardinality(recipients) <= 20),
        -- 1..28: every month has the day, so the Schedule never skips a short month
        day_of_month int NOT NULL CHECK (day_of_month BETWEEN 1 AND 28),
        timezone text NOT NULL CHECK (length(timezone) BETWEEN 1 AND 100),
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);

    // Reports and links are never deleted by the application: a link is revoked, a report stays the record of what
    // the client was sent.
    await q.query(`GRANT SELECT, INSERT, UPDATE ON reports, report_links, report_schedules TO raize_app`);
    for (const t of ['reports', 'report_links', 'report_schedules']) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant ON ${t} ${TENANT_POLICY}`);
    }

    // The read-only link's lookup, for a request with no tenant scope: a live link's ids, nothing else. An expired,
    // revoked or unknown hash answers no row alike.
    await q.query(`
      CREATE FUNCTION raize_report_link_target(hash text)
      RETURNS TABLE (link_id uuid, report_id uuid, agency_id uuid, client_id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT l.id, l.report_id, l.agency_id, l.client_id FROM report_links l
        WHERE l.token_hash = hash AND l.revoked_at IS NULL AND l.expires_at > now()
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION raize_report_link_target(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_report_link_target(text) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_report_link_target(text)`);
    await q.query(`DROP TABLE IF EXISTS report_links, report_schedules, reports`);
    await q.query(`DELETE FROM artifacts WHERE kind = 'report'`);
    await q.query(`ALTER TABLE artifacts DROP CONSTRAINT IF EXISTS artifacts_kind_check`);
    await q.query(`ALTER TABLE artifacts ADD CONSTRAINT artifacts_kind_check CHECK (kind IN (${KINDS_BEFORE}))`);
  }
}
