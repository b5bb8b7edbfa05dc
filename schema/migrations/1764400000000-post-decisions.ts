import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * Decisions on posts and revisions of assets (C-21). A message to a workflow is only a reference to a decision row
 * the API checked and recorded; the workflow's activity verifies the row before acting. Every edit of an asset
 * is a revision row naming its editor, so everyone who wrote the text counts as an author under four eyes.
 */
export class PostDecisions1764400000000 implements MigrationInterface {
  name = 'PostDecisions1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        publish_job_id uuid NOT NULL REFERENCES publish_jobs(id),
        kind text NOT NULL CHECK (kind IN ('approve','reject','cancel','reschedule')),
        actor_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL,
        asset_checksum text,
        scheduled_at timestamptz,
        note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        CHECK (kind <> 'approve' OR asset_checksum IS NOT NULL),
        CHECK (kind <> 'reschedule' OR scheduled_at IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX post_decisions_job ON post_decisions (publish_job_id)`);
    await q.query(`
      CREATE TABLE asset_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        asset_id uuid NOT NULL REFERENCES assets(id),
        editor_id uuid NOT NULL REFERENCES users(id),
        checksum text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE INDEX asset_revisions_asset ON asset_revisions (asset_id)`);
    for (const t of ['post_decisions', 'asset_revisions']) {
      // Both are facts once written: the app role may add rows, never change or remove them.
      await q.query(`GRANT SELECT, INSERT ON ${t} TO raize_app`);
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant ON ${t} ${TENANT_POLICY}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS asset_revisions`);
    await q.query(`DROP TABLE IF EXISTS post_decisions`);
  }
}
