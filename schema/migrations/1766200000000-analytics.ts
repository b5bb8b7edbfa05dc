import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * Post and account metrics per platform and per day (issue #14), written by the analytics episode of each account and
 * read by reports. One row per account and UTC day, one per post and day: a second reading of the same day replaces
 * the first (the latest reading of a day wins), so a re-run never duplicates. NULL means the platform's API does not
 * give that figure (or the connection may not read it), never 0. A post's figures are its lifetime totals at the
 * reading; an account's reach, impressions and engagement are that day's, its followers the count at the reading.
 */
export class Analytics1766200000000 implements MigrationInterface {
  name = 'Analytics1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE account_metrics_daily (
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform_account_id uuid NOT NULL,
        day date NOT NULL,
        followers int CHECK (followers >= 0),
        reach bigint CHECK (reach >= 0),
        impressions bigint CHECK (impressions >= 0),
        engagement bigint CHECK (engagement >= 0),
        collected_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (platform_account_id, day),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id) ON DELETE CASCADE
      )`);
    // Reports read a client's period.
    await q.query(`CREATE INDEX account_metrics_daily_client_day ON account_metrics_daily (client_id, day)`);
    await q.query(`
      CREATE TABLE post_metrics_daily (
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform_account_id uuid NOT NULL,
        publish_job_id uuid NOT NULL REFERENCES publish_jobs(id),
        platform_post_id text NOT NULL,
        day date NOT NULL,
        reach bigint CHECK (reach >= 0),
        impressions bigint CHECK (impressions >= 0),
        engagement bigint CHECK (engagement >= 0),
        likes bigint CHECK (likes >= 0),
        comments bigint CHECK (comments >= 0),
        shares bigint CHECK (shares >= 0),
        collected_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (publish_job_id, day),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX post_metrics_daily_client_day ON post_metrics_daily (client_id, day)`);
    // A reading is replaced by a later one of the same day (upsert), never deleted by the app.
    for (const table of ['account_metrics_daily', 'post_metrics_daily']) {
      await q.query(`GRANT SELECT, INSERT, UPDATE ON ${table} TO raize_app`);
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant ON ${table} ${TENANT_POLICY}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS post_metrics_daily`);
    await q.query(`DROP TABLE IF EXISTS account_metrics_daily`);
  }
}
