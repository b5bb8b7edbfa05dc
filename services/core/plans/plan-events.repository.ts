import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { PlanEventType } from '../../../workflows/contracts/vocabulary/plan-status';
import { isPlanEventType } from '../../../workflows/contracts/vocabulary/plan-status';
import { Plan, PlanEvent, PlanItem } from '../database/entities';
import type { PlanEventData, PlanEventDataInput } from './plan-event.schemas';
import { parsePlanEventData } from './plan-event.schemas';
import type { PlanItemRow, PlanProjection, ProjectedEvent } from './plan.projection';
import { applyPlanEvent, PlanProjectionError } from './plan.projection';

export { PlanProjectionError } from './plan.projection';
export type { PlanItemStatus, PlanEventType } from '../../../workflows/contracts/vocabulary/plan-status';
export { PLAN_ITEM_STATUSES, isPlanItemStatus } from '../../../workflows/contracts/vocabulary/plan-status';

/** One event to append: whose plan, what happened, who did it (`user:<id>`, `workflow:<id>`, `schedule:<id>`). */
export interface NewPlanEvent<T extends PlanEventType = PlanEventType> {
  planId: string;
  clientId: string;
  agencyId: string;
  type: T;
  data: PlanEventDataInput<T>;
  actor: string;
}

export interface AppendedPlanEvent {
  id: string;
  seq: number;
  /** the item row the event touched, as the projection now holds it */
  item?: PlanItemRow;
}

/** Refused appends: bad data, a type that cannot follow, another tenant's plan. Safe to show (no data echoed). */
export class PlanEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlanEventError';
  }
}

const ACTOR = /^(user|workflow|schedule|system):[A-Za-z0-9._:-]{1,300}$/;

/**
 * The plan graph's external memory (append-only `plan_events`) and its projections (`plans`, `plan_items`),
 * always written together: an event and the rows it changes commit in one transaction, under a per-plan lock so
 * each plan's sequence has no gaps or twins. Every read and write names the client too, and row-level security
 * scopes the connection (C-01, C-05).
 */
export const PlanEventsRepository = {
  /**
   * Takes the plan's writer lock first: a transaction that will also lock one of its item rows takes this before it,
   * in the order append() does, so the planning and creation lanes never deadlock on a plan.
   */
  lock: (m: EntityManager, planId: string): Promise<void> => lockPlan(m, planId),

  /** Appends one event and applies it to the projection, in the caller's transaction (or a new one). */
  async append<T extends PlanEventType>(m: EntityManager, e: NewPlanEvent<T>): Promise<AppendedPlanEvent> {
    if (!m.queryRunner?.isTransactionActive) return m.transaction((tx) => PlanEventsRepository.append(tx, e));
    if (!isPlanEventType(e.type)) throw new PlanEventError('unknown plan event type');
    if (!ACTOR.test(e.actor))
      throw new PlanEventError('an event names its actor as user:, workflow:, schedule: or system:');
    const parsed = parsePlanEventData(e.type, e.data);
    if (!parsed.ok) throw new PlanEventError(`${e.type}: ${parsed.message}`);

    await lockPlan(m, e.planId);
    const projection: PlanProjection = { plan: null, items: new Map() };
    projection.plan = await m.findOne(Plan, { where: { id: e.planId, clientId: e.clientId } });
    if (projection.plan && projection.plan.agencyId !== e.agencyId) throw new PlanEventError('no such plan');
    const itemId = (parsed.data as { itemId?: string }).itemId;
    if (itemId) {
      const item = await m.findOne(PlanItem, { where: { id: itemId, planId: e.planId, clientId: e.clientId } });
      if (item) projection.items.set(item.id, item);
    }
    const seq = (await lastSeq(m, e.planId)) + 1;
    if (e.type !== 'plan.requested' && !projection.plan) throw new PlanEventError('no such plan');
    if (e.type === 'plan.requested' && seq !== 1) throw new PlanEventError('the plan already exists');
    const row: ProjectedEvent = {
      planId: e.planId,
      agencyId: e.agencyId,
      clientId: e.clientId,
      seq,
      type: e.type,
      data: parsed.data,
      createdAt: new Date(),
    };
    let touched: PlanItemRow | undefined;
    try {
      touched = applyPlanEvent(projection, row);
    } catch (err) {
      if (err instanceof PlanProjectionError) throw new PlanEventError(err.message);
      throw err;
    }
    const id = randomUUID();
    // TypeORM's partial-entity type cannot see through a jsonb Record; the data was checked by its schema above.
    const event = { id, ...row, actor: e.actor, data: parsed.data as Record<string, unknown> };
    await m.insert(PlanEvent, event as QueryDeepPartialEntity<PlanEvent>);
    await m.save(Plan, m.create(Plan, projection.plan!));
    if (touched) await m.save(PlanItem, m.create(PlanItem, touched));
    return { id, seq, ...(touched ? { item: touched } : {}) };
  },

  /** A plan's events in order; another client's plan has none. */
  events(m: EntityManager, q: { planId: string; clientId: string }): Promise<PlanEvent[]> {
    return m.find(PlanEvent, { where: { planId: q.planId, clientId: q.clientId }, order: { seq: 'ASC' } });
  },

  /**
   * The asset a creator step already generated for an item's round: a retry whose first attempt got that far (the
   * worker died before Temporal heard of it) answers it instead of generating and paying again (C-53).
   */
  async generatedAsset(
    m: EntityManager,
    q: { planId: string; clientId: string; itemId: string; round: number },
  ): Promise<{ assetId: string; checksum: string } | null> {
    const e = await m
      .createQueryBuilder(PlanEvent, 'e')
      .where('e.plan_id = :planId AND e.client_id = :clientId AND e.type = :type', {
        planId: q.planId,
        clientId: q.clientId,
        type: 'item.asset_generated',
      })
      .andWhere("e.data->>'itemId' = :itemId AND e.data->>'round' = :round", {
        itemId: q.itemId,
        round: String(q.round),
      })
      .orderBy('e.seq', 'DESC')
      .getOne();
    const d = e?.data as PlanEventData<'item.asset_generated'> | undefined;
    return d ? { assetId: d.assetId, checksum: d.checksum } : null;
  },

  /** One event by id, only when it belongs to this plan of this client. */
  findEvent(m: EntityManager, q: { id: string; planId: string; clientId: string }): Promise<PlanEvent | null> {
    return m.findOne(PlanEvent, { where: { id: q.id, planId: q.planId, clientId: q.clientId } });
  },
};

/** The projection recomputed from the plan's events alone (nothing written). */
export async function projectPlan(m: EntityManager, planId: string): Promise<PlanProjection> {
  const events = await m.find(PlanEvent, { where: { planId }, order: { seq: 'ASC' } });
  const p: PlanProjection = { plan: null, items: new Map() };
  for (const e of events) {
    const parsed = isPlanEventType(e.type) ? parsePlanEventData(e.type, e.data) : undefined;
    if (!parsed?.ok) throw new PlanEventError(`event ${e.seq} of the plan does not read back as a ${e.type}`);
    applyPlanEvent(p, {
      planId: e.planId,
      agencyId: e.agencyId,
      clientId: e.clientId,
      seq: e.seq,
      type: e.type,
      data: parsed.data,
      createdAt: e.createdAt,
    });
  }
  return p;
}

/**
 * Rebuilds a plan's projection rows from its events alone and replaces what the tables hold (after a lost or
 * doubted projection, or a change of what an event means). Row-level security limits it to the scope's clients.
 */
export async function rebuildPlan(m: EntityManager, planId: string): Promise<PlanProjection> {
  if (!m.queryRunner?.isTransactionActive) return m.transaction((tx) => rebuildPlan(tx, planId));
  await lockPlan(m, planId);
  const p = await projectPlan(m, planId);
  await m.delete(PlanItem, { planId });
  await m.delete(Plan, { id: planId });
  if (p.plan) await m.insert(Plan, p.plan);
  if (p.items.size) await m.insert(PlanItem, [...p.items.values()]);
  return p;
}

/** One writer per plan at a time: the sequence and the projection move together. */
async function lockPlan(m: EntityManager, planId: string): Promise<void> {
  await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [`plan:${planId}`]);
}

async function lastSeq(m: EntityManager, planId: string): Promise<number> {
  const rows: { seq: number | null }[] = await m.query('SELECT max(seq) AS seq FROM plan_events WHERE plan_id = $1', [
    planId,
  ]);
  return Number(rows[0]?.seq ?? 0);
}
