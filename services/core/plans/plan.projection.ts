import type { PlanEventType, PlanItemStatus } from '../../../workflows/contracts/vocabulary/plan-status';
import type { Plan, PlanItem } from '../database/entities';
import type { PlanEventData } from './plan-event.schemas';

/** A plan's projection as plain values: its row and the rows of its items, by id. */
export interface PlanProjection {
  plan: PlanRow | null;
  items: Map<string, PlanItemRow>;
}
export type PlanRow = { [K in keyof Plan]: Plan[K] };
export type PlanItemRow = { [K in keyof PlanItem]: PlanItem[K] };

/** One event as the projection reads it: its place in the plan's sequence and its (checked) data. */
export interface ProjectedEvent<T extends PlanEventType = PlanEventType> {
  planId: string;
  agencyId: string;
  clientId: string;
  seq: number;
  type: T;
  data: PlanEventData<T>;
  createdAt: Date;
}

export class PlanProjectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanProjectionError';
  }
}

const REVIEW_STATUS: Record<PlanEventData<'item.reviewed'>['outcome'], PlanItemStatus> = {
  approved: 'scheduling',
  changes_requested: 'generating',
  rejected: 'rejected',
};

/**
 * Applies one event to a projection, in place; the one place that says what an event means for the rows, used both
 * when an event is appended (the rows it touches) and when a plan is rebuilt from its events alone. Returns the item
 * the event touched, if any. Refuses what cannot follow (an item event for an item never planned, anything before
 * the request), so a broken sequence fails loudly instead of projecting half a plan.
 */
export function applyPlanEvent(p: PlanProjection, e: ProjectedEvent): PlanItemRow | undefined {
  if (e.type === 'plan.requested') {
    if (p.plan) throw new PlanProjectionError('a plan is requested once, as its first event');
    const d = e.data as PlanEventData<'plan.requested'>;
    p.plan = {
      id: e.planId,
      agencyId: e.agencyId,
      clientId: e.clientId,
      status: 'drafting',
      reasons: [],
      request: d.request,
      requiresApproval: d.request.requiresApproval,
      createdBy: d.createdBy,
      source: d.source,
      workflowId: d.workflowId,
      itemCount: 0,
      decidedBy: null,
      lastSeq: e.seq,
      createdAt: e.createdAt,
      updatedAt: e.createdAt,
    };
    return undefined;
  }
  const plan = p.plan;
  if (!plan) throw new PlanProjectionError(`${e.type} before the plan was requested`);
  plan.lastSeq = e.seq;
  plan.updatedAt = e.createdAt;

  switch (e.type) {
    case 'plan.waiting':
    case 'plan.parked':
    case 'plan.failed': {
      const d = e.data as PlanEventData<'plan.waiting'>;
      plan.status = e.type === 'plan.waiting' ? 'waiting' : e.type === 'plan.parked' ? 'parked' : 'failed';
      plan.reasons = [{ code: d.code, message: d.message, ...(d.retryAt ? { retryAt: d.retryAt } : {}) }];
      return undefined;
    }
    case 'plan.resumed':
      plan.status = 'drafting';
      plan.reasons = [];
      return undefined;
    case 'plan.drafted':
      plan.status = plan.requiresApproval ? 'awaiting_approval' : 'approved';
      plan.reasons = [];
      return undefined;
    case 'plan.decision_recorded':
      return undefined;
    case 'plan.approved': {
      const d = e.data as PlanEventData<'plan.approved'>;
      plan.status = 'approved';
      plan.decidedBy = d.actorId;
      plan.reasons = [];
      return undefined;
    }
    case 'plan.rejected': {
      const d = e.data as PlanEventData<'plan.rejected'>;
      plan.status = 'rejected';
      plan.decidedBy = d.actorId;
      plan.reasons = [{ code: 'rejected', message: d.note ?? 'rejected by a reviewer' }];
      return undefined;
    }
    case 'item.planned': {
      const d = e.data as PlanEventData<'item.planned'>;
      const known = p.items.get(d.itemId);
      if (known) throw new PlanProjectionError('an item is planned once');
      const row: PlanItemRow = {
        id: d.itemId,
        planId: e.planId,
        agencyId: e.agencyId,
        clientId: e.clientId,
        position: d.position,
        platformAccountId: d.platformAccountId,
        platform: d.platform,
        crossPosts: d.crossPosts,
        timing: d.timing,
        format: d.format,
        pillar: d.pillar,
        slotAt: new Date(d.slotAt),
        localDate: d.localDate,
        localTime: d.localTime,
        timezone: d.timezone,
        brief: d.brief,
        briefRef: d.briefRef ?? null,
        status: 'planned',
        reasons: [],
        assetId: null,
        assetChecksum: null,
        workflowId: null,
        publishJobIds: [],
        revision: 0,
        lastSeq: e.seq,
        updatedAt: e.createdAt,
      };
      p.items.set(row.id, row);
      plan.itemCount += 1;
      return row;
    }
    case 'item.creation_started':
    case 'item.status_changed':
    case 'item.asset_generated':
    case 'item.reviewed':
    case 'item.scheduled':
      return applyItemEvent(p, e as ProjectedEvent<LaterItemEvent>);
  }
}

/** The events of an item after it was planned (the creation episode appends most of them). */
type LaterItemEvent = Exclude<Extract<PlanEventType, `item.${string}`>, 'item.planned'>;

function applyItemEvent(p: PlanProjection, e: ProjectedEvent<LaterItemEvent>): PlanItemRow {
  const { itemId } = e.data as { itemId: string };
  const item = p.items.get(itemId);
  if (!item) throw new PlanProjectionError(`${e.type} for an item this plan never planned`);
  item.lastSeq = e.seq;
  item.updatedAt = e.createdAt;
  switch (e.type) {
    case 'item.creation_started': {
      // A fast child may have recorded its own progress before the parent records the start: never go back.
      if (item.status === 'planned') {
        item.status = 'creating';
        item.reasons = [];
      }
      item.workflowId = (e.data as PlanEventData<'item.creation_started'>).workflowId;
      p.plan!.status = 'creating';
      p.plan!.reasons = [];
      break;
    }
    case 'item.status_changed': {
      const d = e.data as PlanEventData<'item.status_changed'>;
      item.status = d.status;
      item.reasons = d.reasons;
      break;
    }
    case 'item.asset_generated': {
      const d = e.data as PlanEventData<'item.asset_generated'>;
      item.assetId = d.assetId;
      item.assetChecksum = d.checksum;
      item.revision += 1;
      item.status = 'checking';
      item.reasons = [];
      break;
    }
    case 'item.reviewed': {
      item.status = REVIEW_STATUS[(e.data as PlanEventData<'item.reviewed'>).outcome];
      item.reasons = [];
      break;
    }
    case 'item.scheduled': {
      item.status = 'scheduled';
      item.reasons = [];
      item.publishJobIds = [...(e.data as PlanEventData<'item.scheduled'>).publishJobIds];
      break;
    }
  }
  return item;
}
