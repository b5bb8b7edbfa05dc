import type { EntityManager } from 'typeorm';
import { nextFreeSlots } from '../scheduling/next-free-slots';
import type { PlanTemplate } from './plan-request';
import { addDays, daysBetween, MAX_QUEUE_SLOTS } from './plan-request';
import { zonedInstant } from './zoned-instant';

export interface PlanPeriod {
  startDate: string;
  endDate: string;
  timezone: string;
}

/**
 * The template's targets with each `queue` target's free queue slots in the period (from now on, never in the
 * past), read once where the request is built so the plan's slots stay a pure function of its request. A slot
 * that an import or another plan takes later is found taken again when the item is approved, and the item moves
 * to the account's next free slot then.
 */
export async function withFreeQueueSlots(
  m: EntityManager,
  clientId: string,
  template: PlanTemplate,
  period: PlanPeriod,
  now: Date,
): Promise<PlanTemplate['targets']> {
  const start = zonedInstant(period.startDate, '00:00', period.timezone);
  const end = zonedInstant(addDays(period.endDate, 1), '00:00', period.timezone);
  const after = new Date(Math.max(start.getTime() - 1, now.getTime()));
  return Promise.all(
    template.targets.map(async (t) => {
      if (t.timing !== 'queue') return { ...t, queueSlotsAt: [] };
      const free = await nextFreeSlots(m, {
        clientId,
        accountId: t.platformAccountId,
        after,
        count: MAX_QUEUE_SLOTS,
        timezone: period.timezone,
        searchDays: daysBetween(period.startDate, period.endDate) + 2,
      });
      return { ...t, queueSlotsAt: free.filter((at) => at < end).map((at) => at.toISOString()) };
    }),
  );
}

/** The accounts among `ids` that have no queue slot at all (a queue target needs posting times to fill). */
export async function accountsWithoutQueueSlots(m: EntityManager, clientId: string, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows: { id: string }[] = await m.query(
    `SELECT DISTINCT platform_account_id AS id FROM queue_slots WHERE client_id = $1 AND platform_account_id = ANY ($2::uuid[])`,
    [clientId, ids],
  );
  const having = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !having.has(id));
}
