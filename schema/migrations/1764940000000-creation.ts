import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * Decisions on plan items under review (C-21): approve, request changes (with the feedback), reject, and hand edits.
 * The creation episode only ever receives a row's id and verifies the row before acting; the feedback text stays
 * here, out of workflow history. Plans and items are projections of plan_events that a rebuild may delete and
 * write again, so the item is named by id without a foreign key; the API and the activity look it up.
 */
export class Creation1764940000000 implements MigrationInterface {
  name = 'Creation1764940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE creation_decisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        plan_id uuid NOT NULL,
        item_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('approve','request_changes','reject','edit')),
        actor_id uuid NOT NULL REFERENCES users(id),
        role text NOT NULL,
        asset_id uuid REFERENCES assets(id),
        asset_checksum text,
        note text CHECK (note IS NULL OR char_length(note) <= 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        CHECK (kind NOT IN ('approve','edit') OR (asset_id IS NOT NULL AND asset_checksum IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX creation_decisions_item ON creation_decisions (item_id, created_at)`);
    // A fact once written: the app role may add rows, never change or remove them.
    await q.query(`GRANT SELECT, INSERT ON creation_decisions TO raize_app`);
    await q.query(`ALTER TABLE creation_decisions ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE creation_decisions FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON creation_decisions ${TENANT_POLICY}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS creation_decisions`);
  }
}
