import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * Queue slots (posting times per account, stated in the client's timezone), import batches (one row per CSV
 * import: the dry run's digest, so the same plan is never imported twice, and the posts it created), and the
 * indexes the calendar needs at agency volume: a month of one client's calendar and its approvals queue read a
 * range of (client_id, scheduled_at, id) instead of sorting the client's every post.
 */
export class QueueSlotsAndImports1764950000000 implements MigrationInterface {
  name = 'QueueSlotsAndImports1764950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE queue_slots (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform_account_id uuid NOT NULL,
        weekday smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),
        minute_of_day smallint NOT NULL CHECK (minute_of_day BETWEEN 0 AND 1439),
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id) ON DELETE CASCADE,
        UNIQUE (platform_account_id, weekday, minute_of_day)
      )`);
    await q.query(`
      CREATE TABLE import_batches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        digest text NOT NULL,
        status text NOT NULL CHECK (status IN ('running','completed','failed')),
        row_count int NOT NULL,
        post_ids uuid[] NOT NULL DEFAULT '{}',
        error text,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    // A plan runs once: a second import of the same dry run (a double click, a retried request) finds this row.
    await q.query(
      `CREATE UNIQUE INDEX import_batches_once ON import_batches (client_id, digest) WHERE status <> 'failed'`,
    );
    await q.query(`GRANT SELECT, INSERT, DELETE ON queue_slots TO raize_app`);
    // Status and post ids are written when the batch ends; the audit trail, not this row, is the record (C-48).
    await q.query(`GRANT SELECT, INSERT, UPDATE ON import_batches TO raize_app`);
    for (const t of ['queue_slots', 'import_batches']) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant ON ${t} ${TENANT_POLICY}`);
    }
    // The calendar: a date range of one client in scheduled order, ties broken by id for stable pages.
    await q.query(`CREATE INDEX publish_jobs_client_schedule ON publish_jobs (client_id, scheduled_at, id)`);
    await q.query(
      `CREATE INDEX publish_jobs_awaiting_approval ON publish_jobs (client_id, scheduled_at, id) WHERE status = 'awaiting_approval'`,
    );
    // Free slots and daily caps look at one account's posts around a time.
    await q.query(`CREATE INDEX publish_jobs_account_schedule ON publish_jobs (platform_account_id, scheduled_at)`);
    // A calendar page reads its posts' approvals in one query.
    await q.query(`CREATE INDEX IF NOT EXISTS approvals_job ON approvals (publish_job_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS approvals_job`);
    await q.query(`DROP INDEX IF EXISTS publish_jobs_account_schedule`);
    await q.query(`DROP INDEX IF EXISTS publish_jobs_awaiting_approval`);
    await q.query(`DROP INDEX IF EXISTS publish_jobs_client_schedule`);
    await q.query(`DROP TABLE IF EXISTS import_batches`);
    await q.query(`DROP TABLE IF EXISTS queue_slots`);
  }
}
