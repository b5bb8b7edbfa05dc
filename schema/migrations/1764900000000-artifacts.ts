import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * The artifact store's ledger (C-46, C-47): one row per stored object, naming its tenant, its sniffed type and the
 * sha256 recorded when it was written, so a read can refuse an object that changed on disk or in MinIO. Objects
 * are content-addressed and never rewritten: the app role may add rows, never change or remove them.
 */
export class Artifacts1764900000000 implements MigrationInterface {
  name = 'Artifacts1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE artifacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        key text NOT NULL UNIQUE,
        kind text NOT NULL CHECK (kind IN ('image','video','text','import','provider-output','proof')),
        checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
        size bigint NOT NULL CHECK (size >= 0),
        content_type text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        -- the key is derived from the row's own tenant and checksum; a row cannot point into another tenant's tree
        CHECK (key LIKE agency_id::text || '/' || client_id::text || '/' || kind || '/' || checksum || '.%')
      )`);
    await q.query(`CREATE INDEX artifacts_client ON artifacts (client_id, created_at)`);
    await q.query(`GRANT SELECT, INSERT ON artifacts TO raize_app`);
    await q.query(`ALTER TABLE artifacts ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE artifacts FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY tenant ON artifacts ${TENANT_POLICY}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS artifacts`);
  }
}
