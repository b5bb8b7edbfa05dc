import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * Engagement side effects (issue #13, C-19, C-25, C-30): one row per reply, DM, like or hide Raize takes on an inbound
 * event, from the draft to what the platform shows. The text is read from here by id when the guard sends it (never
 * from a workflow's history); its checksum is fixed when drafted, and an approval counts only for the checksum it
 * approved (C-23). Proof and reasons are written by the guard; the inbox reads and approves drafts.
 */
export class EngagementReplies1765300000000 implements MigrationInterface {
  name = 'EngagementReplies1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE engagement_replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        platform_account_id uuid NOT NULL,
        inbound_event_id uuid NOT NULL REFERENCES inbound_events(id),
        action text NOT NULL CHECK (action IN ('reply','dm','like','hide')),
        text text NOT NULL DEFAULT '' CHECK (length(text) <= 5000),
        checksum text NOT NULL CHECK (length(checksum) BETWEEN 1 AND 200),
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','approved','sent','failed','refused')),
        author_kind text NOT NULL CHECK (author_kind IN ('ai','human')),
        author_id uuid REFERENCES users(id),
        approved_by uuid REFERENCES users(id),
        approved_checksum text,
        approved_at timestamptz,
        sent_at timestamptz,
        platform_reply_id text CHECK (length(platform_reply_id) <= 300),
        proof jsonb,
        reasons jsonb NOT NULL DEFAULT '[]'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (author_kind = 'ai' OR author_id IS NOT NULL),
        CHECK ((approved_by IS NULL) = (approved_checksum IS NULL)),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        FOREIGN KEY (platform_account_id, client_id) REFERENCES platform_accounts(id, client_id)
      )`);
    await q.query(`CREATE INDEX engagement_replies_event ON engagement_replies (inbound_event_id, created_at)`);
    // A like or a hide of one inbound event is one record, however often the episode asks (retries, redelivery).
    await q.query(
      `CREATE UNIQUE INDEX engagement_replies_once ON engagement_replies (inbound_event_id, action) WHERE action IN ('like','hide')`,
    );
    // Rows are drafted, approved and settled; never deleted (they are the inbox's record of what was said).
    await q.query(`GRANT SELECT, INSERT, UPDATE ON engagement_replies TO raize_app`);
    await q.query(`ALTER TABLE engagement_replies ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE engagement_replies FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON engagement_replies ${TENANT_POLICY}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS engagement_replies`);
  }
}
