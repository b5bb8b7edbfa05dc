import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

const RESULTS = `'intact','removed','edited','author_changed','unchecked'`;
const RECEIPTS = `'intact','removed','edited','author_changed'`;

/**
 * Receipts that stay true (issue #15): each later re-check of a published post is a row of `receipt_checks` (one per
 * post and position in the schedule, so a retried check is recorded once), and the post carries what its receipt says
 * since (`publish_jobs.receipt`, null until a check could be made) and when it last changed. Checks are never updated
 * or deleted by the application: they are the record of what the platform showed and when.
 *
 * The receipt sweep (a worker loop that starts a receipt episode whose start was lost) lists posts of every tenant
 * through one security-definer function answering ids only: posts verified within the schedule's month, due a first
 * check, with none recorded.
 */
export class ReceiptChecks1766600000000 implements MigrationInterface {
  name = 'ReceiptChecks1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE publish_jobs ADD COLUMN receipt text CHECK (receipt IN (${RECEIPTS}))`);
    await q.query(`ALTER TABLE publish_jobs ADD COLUMN receipt_changed_at timestamptz`);
    await q.query(`
      CREATE TABLE receipt_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        publish_job_id uuid NOT NULL REFERENCES publish_jobs(id),
        platform_account_id uuid NOT NULL,
        check_no int NOT NULL CHECK (check_no BETWEEN 1 AND 100),
        result text NOT NULL CHECK (result IN (${RESULTS})),
        -- why a check could not be made, or what changed, in an operator's words (never the post's text)
        detail text CHECK (length(detail) <= 500),
        platform_post_id text NOT NULL CHECK (length(platform_post_id) <= 300),
        workflow_id text NOT NULL CHECK (length(workflow_id) <= 300),
        checked_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (publish_job_id, check_no),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX receipt_checks_client ON receipt_checks (client_id, checked_at)`);
    // The health centre counts each account's recently broken receipts; reports list a period's.
    await q.query(
      `CREATE INDEX publish_jobs_receipt_broken ON publish_jobs (client_id, receipt_changed_at) WHERE receipt IN ('removed','edited','author_changed')`,
    );
    await q.query(
      `CREATE INDEX publish_jobs_verified_at ON publish_jobs (verified_at) WHERE status = 'verified' AND platform_post_id IS NOT NULL`,
    );
    await q.query(`GRANT SELECT, INSERT ON receipt_checks TO raize_app`);
    await q.query(`ALTER TABLE receipt_checks ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE receipt_checks FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON receipt_checks ${TENANT_POLICY}`);

    await q.query(`
      CREATE FUNCTION raize_receipt_sweep_posts(due_before timestamptz, verified_after timestamptz, n int)
      RETURNS TABLE (id uuid, agency_id uuid, client_id uuid, verified_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT j.id, j.agency_id, j.client_id, j.verified_at FROM publish_jobs j
        WHERE j.status = 'verified' AND j.verified_at < due_before AND j.verified_at > verified_after
          AND j.platform_post_id IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM receipt_checks c WHERE c.publish_job_id = j.id)
        ORDER BY j.verified_at LIMIT n
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION raize_receipt_sweep_posts(timestamptz, timestamptz, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_receipt_sweep_posts(timestamptz, timestamptz, int) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_receipt_sweep_posts(timestamptz, timestamptz, int)`);
    await q.query(`DROP TABLE IF EXISTS receipt_checks`);
    await q.query(`DROP INDEX IF EXISTS publish_jobs_receipt_broken`);
    await q.query(`DROP INDEX IF EXISTS publish_jobs_verified_at`);
    await q.query(`ALTER TABLE publish_jobs DROP COLUMN IF EXISTS receipt_changed_at`);
    await q.query(`ALTER TABLE publish_jobs DROP COLUMN IF EXISTS receipt`);
  }
}
