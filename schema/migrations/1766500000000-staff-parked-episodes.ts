import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Diagnostics (issue #15): platform staff see every tenant's failed and parked episodes, yet hold no tenant scope
 * (C-04). One security-definer function answers that one question, and only when the scope's actor is staff: ids,
 * statuses, reason codes and messages of failed publish jobs and of parked or failed plans and plan items, never
 * their content. The statuses are those of PARKED_STATES (services/core/diagnostics/parked-episodes.repository.ts).
 */
export class StaffParkedEpisodes1766500000000 implements MigrationInterface {
  name = 'StaffParkedEpisodes1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION raize_staff_parked_episodes(since timestamptz, lim int)
      RETURNS TABLE (kind text, subject_type text, subject_id uuid, workflow_id text, agency_id uuid, client_id uuid,
                     status text, reasons jsonb, updated_at timestamptz)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT * FROM (
          SELECT 'publish'::text AS kind, 'publish_job'::text AS subject_type, id, workflow_id, agency_id, client_id, status,
                 status_reasons AS reasons, updated_at
            FROM publish_jobs WHERE status = 'failed' AND updated_at > since
          UNION ALL
          SELECT 'planning', 'plan', id, workflow_id, agency_id, client_id, status, reasons, updated_at
            FROM plans WHERE status IN ('parked', 'failed') AND updated_at > since
          UNION ALL
          SELECT 'creation', 'plan_item', id, workflow_id, agency_id, client_id, status, reasons, updated_at
            FROM plan_items WHERE status IN ('parked', 'failed') AND updated_at > since
        ) e WHERE raize_staff() ORDER BY 9 DESC LIMIT least(lim, 500)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION raize_staff_parked_episodes(timestamptz, int) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION raize_staff_parked_episodes(timestamptz, int) TO raize_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS raize_staff_parked_episodes(timestamptz, int)`);
  }
}
