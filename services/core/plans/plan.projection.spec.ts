import { randomUUID } from 'node:crypto';
import type { PlanEventType } from '../../../workflows/contracts/vocabulary/plan-status';
import { planDecisionRefusal } from './plan-decision.rules';
import { parsePlanEventData } from './plan-event.schemas';
import type { PlanProjection, ProjectedEvent } from './plan.projection';
import { applyPlanEvent, PlanProjectionError } from './plan.projection';

const planId = randomUUID();
const agencyId = randomUUID();
const clientId = randomUUID();
const account = randomUUID();
const user = randomUUID();

function event<T extends PlanEventType>(seq: number, type: T, data: unknown): ProjectedEvent {
  const parsed = parsePlanEventData(type, data);
  if (!parsed.ok) throw new Error(parsed.message);
  return { planId, agencyId, clientId, seq, type, data: parsed.data, createdAt: new Date(1_900_000_000_000 + seq) };
}

const requested = event(1, 'plan.requested', {
  request: {
    goals: 'g',
    startDate: '2030-01-07',
    endDate: '2030-01-13',
    timezone: 'Europe/Berlin',
    targets: [{ platformAccountId: account, platform: 'sandbox', postsPerWeek: 1 }],
    pillars: [{ name: 'tips', weight: 1 }],
    requiresApproval: true,
  },
  source: 'operator',
  createdBy: user,
  workflowId: 'plan-x',
});
const itemId = randomUUID();
const planned = (seq: number) =>
  event(seq, 'item.planned', {
    itemId,
    position: 0,
    platformAccountId: account,
    platform: 'sandbox',
    format: 'text',
    pillar: 'tips',
    slotAt: '2030-01-07T08:30:00.000Z',
    localDate: '2030-01-07',
    localTime: '09:30',
    timezone: 'Europe/Berlin',
    brief: 'a brief',
  });

describe('the plan projection', () => {
  it('records a creation start that arrives after the item reported its own progress, without moving it back', () => {
    const p: PlanProjection = { plan: null, items: new Map() };
    for (const e of [
      requested,
      planned(2),
      event(3, 'plan.drafted', { itemCount: 1 }),
      event(4, 'plan.approved', { decisionId: randomUUID(), actorId: user }),
      event(5, 'item.status_changed', { itemId, status: 'generating' }),
      event(6, 'item.creation_started', { itemId, workflowId: 'create-x' }),
    ])
      applyPlanEvent(p, e);
    expect(p.items.get(itemId)).toMatchObject({ status: 'generating', workflowId: 'create-x' });
    expect(p.plan?.status).toBe('creating');
  });

  it('follows a plan from request to a scheduled item', () => {
    const p: PlanProjection = { plan: null, items: new Map() };
    const seq = [
      requested,
      planned(2),
      event(3, 'plan.drafted', { itemCount: 1 }),
      event(4, 'plan.approved', { decisionId: randomUUID(), actorId: user }),
      event(5, 'item.creation_started', { itemId, workflowId: 'create-x' }),
      event(6, 'item.asset_generated', { itemId, assetId: randomUUID(), checksum: 'a'.repeat(64) }),
      event(7, 'item.status_changed', { itemId, status: 'in_review' }),
      event(8, 'item.reviewed', { itemId, outcome: 'approved' }),
      event(9, 'item.scheduled', { itemId, publishJobIds: [randomUUID()] }),
    ];
    const statuses = seq.map((e) => {
      applyPlanEvent(p, e);
      return `${p.plan!.status}/${p.items.get(itemId)?.status ?? '-'}`;
    });
    expect(statuses).toEqual([
      'drafting/-',
      'drafting/planned',
      'awaiting_approval/planned',
      'approved/planned',
      'creating/creating',
      'creating/checking',
      'creating/in_review',
      'creating/scheduling',
      'creating/scheduled',
    ]);
    expect(p.plan).toMatchObject({ itemCount: 1, lastSeq: 9, decidedBy: user });
    expect(p.items.get(itemId)).toMatchObject({ revision: 1, lastSeq: 9, workflowId: 'create-x' });
  });

  it('refuses a sequence that cannot be: events before the request, items never planned, twice requested', () => {
    const p: PlanProjection = { plan: null, items: new Map() };
    expect(() => applyPlanEvent(p, planned(1))).toThrow(PlanProjectionError);
    applyPlanEvent(p, requested);
    expect(() => applyPlanEvent(p, requested)).toThrow(PlanProjectionError);
    expect(() => applyPlanEvent(p, event(2, 'item.reviewed', { itemId, outcome: 'approved' }))).toThrow(
      /never planned/,
    );
  });

  it('keeps secrets and large outputs out: event data is checked against its type', () => {
    expect(parsePlanEventData('item.planned', { ...planned(2).data, brief: 'x'.repeat(5000) }).ok).toBe(false);
    expect(parsePlanEventData('plan.waiting', { code: 'budget_exhausted', message: 'm', apiKey: 'sk-1' })).toEqual({
      ok: true,
      data: { code: 'budget_exhausted', message: 'm' },
    });
    expect(parsePlanEventData('item.scheduled', { itemId, publishJobIds: [] }).ok).toBe(false);
  });
});

describe('[C-21] plan decisions', () => {
  const ctx = { createdBy: user, fourEyes: true, status: 'awaiting_approval' };
  it('refuses the requester under four eyes, roles without plan.approve, and plans not waiting', () => {
    expect(planDecisionRefusal({ kind: 'approve', actorId: user, role: 'Manager' }, ctx)?.refusal).toBe('four_eyes');
    expect(planDecisionRefusal({ kind: 'approve', actorId: user, role: 'Manager' }, { ...ctx, fourEyes: false })).toBe(
      undefined,
    );
    expect(planDecisionRefusal({ kind: 'reject', actorId: user, role: 'Manager' }, ctx)).toBe(undefined);
    expect(planDecisionRefusal({ kind: 'approve', actorId: 'other', role: 'Analyst' }, ctx)?.refusal).toBe('role');
    expect(planDecisionRefusal({ kind: 'approve', actorId: 'other', role: null }, ctx)?.refusal).toBe('role');
    expect(planDecisionRefusal({ kind: 'approve', actorId: 'other', role: 'Reviewer' }, ctx)).toBe(undefined);
    expect(
      planDecisionRefusal({ kind: 'approve', actorId: 'other', role: 'Manager' }, { ...ctx, status: 'creating' })
        ?.refusal,
    ).toBe('not_awaiting');
  });
});
