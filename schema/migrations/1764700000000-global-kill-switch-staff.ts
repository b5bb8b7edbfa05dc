import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who may write a kill switch row: its tenant for agency, client and account switches; platform staff for global. */
const WRITABLE = `((scope = 'global' AND raize_staff()) OR (scope <> 'global' AND (agency_id = ANY (raize_agencies()) OR client_id = ANY (raize_clients()))))`;

/**
 * The global kill switch stops every agency; before this, the app role could write its row from any tenant's scope,
 * so one agency's Admin could stop all of them or release a stop the platform's staff had engaged (C-04). Everyone
 * still reads it (the guard must see it); inserting, updating or deleting it needs the scope's actor to be platform
 * staff. One policy per command, because a single permissive policy's USING would also let anyone DELETE the row.
 */
export class GlobalKillSwitchStaff1764700000000 implements MigrationInterface {
  name = 'GlobalKillSwitchStaff1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP POLICY tenant ON kill_switches`);
    await q.query(`CREATE POLICY tenant_read ON kill_switches FOR SELECT
      USING (scope = 'global' OR agency_id = ANY (raize_agencies()) OR agency_id = ANY (raize_member_agencies()) OR client_id = ANY (raize_clients()))`);
    await q.query(`CREATE POLICY tenant_insert ON kill_switches FOR INSERT WITH CHECK ${WRITABLE}`);
    await q.query(`CREATE POLICY tenant_update ON kill_switches FOR UPDATE USING ${WRITABLE} WITH CHECK ${WRITABLE}`);
    await q.query(`CREATE POLICY tenant_delete ON kill_switches FOR DELETE USING ${WRITABLE}`);
    // Staff hold no tenant scope, yet releasing the global switch must wake every paused post: the workflow ids
    // only (they carry no content), and only for staff.
    await q.query(
      `CREATE FUNCTION raize_staff_workflow_ids(s text, lim int) RETURNS SETOF text LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$ SELECT workflow_id FROM publish_jobs WHERE status = s AND raize_staff() LIMIT lim $$`,
    );
    await q.query(`REVOKE ALL ON FUNCTION raize_staff_workflow_ids(text, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_staff_workflow_ids(text, int) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_staff_workflow_ids(text, int)`);
    for (const p of ['tenant_read', 'tenant_insert', 'tenant_update', 'tenant_delete'])
      await q.query(`DROP POLICY IF EXISTS ${p} ON kill_switches`);
    await q.query(`CREATE POLICY tenant ON kill_switches
      USING (scope = 'global' OR agency_id = ANY (raize_agencies()) OR agency_id = ANY (raize_member_agencies()) OR client_id = ANY (raize_clients()))
      WITH CHECK (scope = 'global' OR agency_id = ANY (raize_agencies()) OR client_id = ANY (raize_clients()))`);
  }
}
