import type { EntityManager } from 'typeorm';
import type { PlanItemStatus, PlanStatus } from '../../../workflows/contracts/vocabulary/plan-status';
import type { PublishStatus } from '../../../workflows/contracts/vocabulary/publish-status';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';

/**
 * Raize's own ends that need an engineer or an operator, which Temporal may see as a healthy run: a publish job
 * that failed (its run completed with status failed), a plan or a plan item parked for a human or failed.
 * Migration 1766500000000 holds the same lists in `raize_staff_parked_episodes`, the staff's cross-tenant read.
 */
export const PARKED_STATES: {
  publish: readonly PublishStatus[];
  planning: readonly PlanStatus[];
  creation: readonly PlanItemStatus[];
} = {
  publish: ['failed'],
  planning: ['parked', 'failed'],
  creation: ['parked', 'failed'],
};

export type ParkedKind = keyof typeof PARKED_STATES;

export interface ParkedEpisode {
  kind: ParkedKind;
  subjectType: 'publish_job' | 'plan' | 'plan_item';
  subjectId: string;
  workflowId: string | null;
  agencyId: string;
  clientId: string;
  status: string;
  reasons: Reason[];
  updatedAt: Date;
}

interface Row {
  kind: ParkedKind;
  subject_type: ParkedEpisode['subjectType'];
  subject_id: string;
  workflow_id: string | null;
  agency_id: string;
  client_id: string;
  status: string;
  reasons: Reason[] | null;
  updated_at: Date;
}

const toEpisode = (r: Row): ParkedEpisode => ({
  kind: r.kind,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  workflowId: r.workflow_id,
  agencyId: r.agency_id,
  clientId: r.client_id,
  status: r.status,
  reasons: Array.isArray(r.reasons) ? r.reasons : [],
  updatedAt: new Date(r.updated_at),
});

const UNION = `
  SELECT 'publish' AS kind, 'publish_job' AS subject_type, id AS subject_id, workflow_id, agency_id, client_id, status,
         status_reasons AS reasons, updated_at
    FROM publish_jobs WHERE status = ANY ($3::text[]) AND updated_at > $1
  UNION ALL
  SELECT 'planning', 'plan', id, workflow_id, agency_id, client_id, status, reasons, updated_at
    FROM plans WHERE status = ANY ($4::text[]) AND updated_at > $1
  UNION ALL
  SELECT 'creation', 'plan_item', id, workflow_id, agency_id, client_id, status, reasons, updated_at
    FROM plan_items WHERE status = ANY ($5::text[]) AND updated_at > $1`;

/** Failed and parked episodes as Raize recorded them, newest first. */
export class ParkedEpisodesRepository {
  /**
   * Within the caller's tenant scope (row-level security) and, on top, only the agencies and clients given: an
   * operator's scope may hold agencies where they are not an Admin.
   */
  async inTenants(
    m: EntityManager,
    q: { since: Date; limit: number; agencyIds: string[]; clientIds: string[] },
  ): Promise<ParkedEpisode[]> {
    const rows: Row[] = await m.query(
      `SELECT * FROM (${UNION}) e WHERE agency_id = ANY ($6::uuid[]) OR client_id = ANY ($7::uuid[])
       ORDER BY updated_at DESC LIMIT $2`,
      [
        q.since,
        q.limit,
        PARKED_STATES.publish,
        PARKED_STATES.planning,
        PARKED_STATES.creation,
        q.agencyIds,
        q.clientIds,
      ],
    );
    return rows.map(toEpisode);
  }

  /**
   * Every tenant's, for platform staff, who hold no tenant scope: a security-definer function that answers only when
   * the scope's actor is staff (raize_staff()), with ids, statuses and reasons, never content.
   */
  async forStaff(m: EntityManager, q: { since: Date; limit: number }): Promise<ParkedEpisode[]> {
    const rows: Row[] = await m.query('SELECT * FROM raize_staff_parked_episodes($1, $2)', [q.since, q.limit]);
    return rows.map(toEpisode);
  }
}
