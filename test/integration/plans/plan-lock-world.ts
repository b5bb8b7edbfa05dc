import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PlanEventsRepository } from '../../../services/core/plans/plan-events.repository';
import { creationItemWorkflowId } from '../../../workflows/contracts/creation.contract';
import type { SeededTenant } from '../../factories/tenant.factory';

/** One plan of the lock-order tests: its id and its items' ids in position order. */
export interface SeededPlan {
  planId: string;
  itemIds: string[];
}

const DAY_MS = 86_400_000;

/** A local date `days` from now (UTC date; the tests do not depend on the client's calendar). */
export function dayFromNow(days: number): string {
  return new Date(Date.now() + days * DAY_MS).toISOString().slice(0, 10);
}

/** A request for one week a few days ahead on one account, asked for by `createdBy`. */
export function weekRequest(accountId: string, requiresApproval: boolean) {
  return {
    goals: 'Launch the spring range',
    targets: [{ platformAccountId: accountId, platform: 'sandbox', postsPerWeek: 2, postingTimes: ['09:30'] }],
    pillars: [{ name: 'Launch', weight: 1 }],
    formats: [],
    requiresApproval,
    startDate: dayFromNow(3),
    endDate: dayFromNow(9),
    timezone: 'Europe/Berlin',
  };
}

/**
 * A plan as the planning episode leaves it, written through the repository (set-up only, outside any probe):
 * requested by the tenant's author, `items` text items planned on the account a few days ahead, then optionally
 * drafted (awaiting approval or approved) and its items' creation started.
 */
export async function seedPlan(
  ds: DataSource,
  t: SeededTenant,
  accountId: string,
  o: { items: number; drafted?: 'awaiting_approval' | 'approved'; creationStarted?: boolean },
): Promise<SeededPlan> {
  const planId = randomUUID();
  const itemIds = Array.from({ length: o.items }, () => randomUUID());
  await ds.transaction(async (m) => {
    const base = { planId, clientId: t.clientId, agencyId: t.agencyId, actor: `user:${t.users.author}` };
    await PlanEventsRepository.append(m, {
      ...base,
      type: 'plan.requested',
      data: {
        request: weekRequest(accountId, o.drafted !== 'approved'),
        source: 'operator',
        createdBy: t.users.author,
        workflowId: null,
      },
    });
    for (const [position, itemId] of itemIds.entries()) {
      const slot = new Date(Date.now() + 3 * DAY_MS + position * 3_600_000);
      await PlanEventsRepository.append(m, {
        ...base,
        actor: 'system:test',
        type: 'item.planned',
        data: {
          itemId,
          position,
          platformAccountId: accountId,
          platform: 'sandbox',
          format: 'text',
          pillar: 'Launch',
          slotAt: slot.toISOString(),
          localDate: slot.toISOString().slice(0, 10),
          localTime: '09:30',
          timezone: 'Europe/Berlin',
          brief: `Light jackets in three colours, post ${position + 1}`,
        },
      });
    }
    if (o.drafted)
      await PlanEventsRepository.append(m, {
        ...base,
        actor: 'system:test',
        type: 'plan.drafted',
        data: { itemCount: itemIds.length },
      });
    if (o.creationStarted)
      for (const itemId of itemIds)
        await PlanEventsRepository.append(m, {
          ...base,
          actor: 'system:test',
          type: 'item.creation_started',
          data: { itemId, workflowId: creationItemWorkflowId(t.clientId, itemId) },
        });
  });
  return { planId, itemIds };
}

/** A plan's event types in sequence order, and whether the sequence is 1..n without gaps or twins. */
export async function planEvents(ds: DataSource, planId: string): Promise<{ types: string[]; gapless: boolean }> {
  const rows: { seq: number; type: string }[] = await ds.query(
    'SELECT seq, type FROM plan_events WHERE plan_id = $1 ORDER BY seq',
    [planId],
  );
  return { types: rows.map((r) => r.type), gapless: rows.every((r, i) => Number(r.seq) === i + 1) };
}
