import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_POLICY =
  'USING (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies())) WITH CHECK (client_id = ANY (raize_clients()) OR agency_id = ANY (raize_agencies()))';

/**
 * The plan graph. `plan_events` is the external memory: append-only, one gapless sequence per plan, from which
 * `plans` and `plan_items` (projections, written in the same transaction as each event) can be rebuilt; so the
 * events carry no foreign key to the projections, which a rebuild deletes and writes again. `recurring_plans`
 * holds each client's template for its recurring planning Schedule.
 */
export class Plans1764930000000 implements MigrationInterface {
  name = 'Plans1764930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_events (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        seq int NOT NULL CHECK (seq > 0),
        type text NOT NULL CHECK (type ~ '^(plan|item)\\.[a-z_]+$'),
        data jsonb NOT NULL,
        actor text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id),
        UNIQUE (plan_id, seq),
        -- the external memory holds summaries and references, not outputs (history and rows stay small)
        CHECK (octet_length(data::text) <= 16384)
      )`);
    await q.query(`CREATE INDEX plan_events_client ON plan_events (client_id, created_at)`);
    await q.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        status text NOT NULL,
        reasons jsonb NOT NULL DEFAULT '[]',
        request jsonb NOT NULL,
        requires_approval boolean NOT NULL,
        created_by uuid REFERENCES users(id),
        source text NOT NULL CHECK (source IN ('operator','schedule')),
        workflow_id text,
        item_count int NOT NULL DEFAULT 0,
        decided_by uuid REFERENCES users(id),
        last_seq int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE INDEX plans_client ON plans (client_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE plan_items (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        client_id uuid NOT NULL,
        position int NOT NULL,
        platform_account_id uuid NOT NULL REFERENCES platform_accounts(id),
        platform text NOT NULL,
        format text NOT NULL,
        pillar text NOT NULL,
        slot_at timestamptz NOT NULL,
        local_date text NOT NULL,
        local_time text NOT NULL,
        timezone text NOT NULL,
        brief text NOT NULL,
        brief_ref jsonb,
        status text NOT NULL,
        reasons jsonb NOT NULL DEFAULT '[]',
        asset_id uuid REFERENCES assets(id),
        asset_checksum text,
        workflow_id text,
        publish_job_ids uuid[] NOT NULL DEFAULT '{}',
        revision int NOT NULL DEFAULT 0,
        last_seq int NOT NULL,
        updated_at timestamptz NOT NULL,
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX plan_items_plan ON plan_items (plan_id, position)`);
    await q.query(`CREATE INDEX plan_items_client_slot ON plan_items (client_id, slot_at)`);
    await q.query(`
      CREATE TABLE recurring_plans (
        client_id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        cadence text NOT NULL CHECK (cadence IN ('weekly','monthly')),
        template jsonb NOT NULL,
        updated_by uuid NOT NULL REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (client_id, agency_id) REFERENCES clients(id, agency_id)
      )`);

    // Events are facts once written: the app role may add and read them, never change or remove them.
    await q.query(`GRANT SELECT, INSERT ON plan_events TO raize_app`);
    // Projections and templates are rewritten by the projection, a rebuild and the settings screen.
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON plans, plan_items, recurring_plans TO raize_app`);
    for (const t of ['plan_events', 'plans', 'plan_items', 'recurring_plans']) {
      await q.query(`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY tenant ON ${t} ${TENANT_POLICY}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS recurring_plans`);
    await q.query(`DROP TABLE IF EXISTS plan_items`);
    await q.query(`DROP TABLE IF EXISTS plans`);
    await q.query(`DROP TABLE IF EXISTS plan_events`);
  }
}
