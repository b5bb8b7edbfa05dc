import type { EntityManager } from 'typeorm';
import { QueueSlot } from '../database/entities';
import { SLOT_RELEASING_ITEM_STATUSES, SLOT_RELEASING_PLAN_STATUSES, SLOT_RELEASING_STATUSES } from './slot-statuses';
import { slotInstants } from './slot-instants';
import { localDateOf, addDays } from './zoned-time';

export interface NextFreeSlotsQuery {
  /** the account and its client, both: a slot query never crosses a tenant even with a wrong id (C-05) */
  clientId: string;
  accountId: string;
  /** slots strictly after this instant */
  after: Date;
  count: number;
  /** the client's timezone: the slots' weekdays and times are read in it */
  timezone: string;
  /** instants already promised to something else (earlier rows of the same import), as epoch milliseconds */
  exclude?: ReadonlySet<number>;
  /** how many local days ahead to look before giving up (default a year and a day) */
  searchDays?: number;
  /** a plan item looking for its own slot again: the slot it holds does not count as taken */
  ignorePlanItemId?: string;
}

// Slots are searched a month at a time: one query for the taken instants of each month searched.
const CHUNK_DAYS = 31;

/**
 * The next `count` queue slots of an account that no post of it holds yet (a post in a releasing status frees
 * its slot), nor a plan item on its way to one (created items and imported posts fill the same queue). Fewer come back when the account has no slots, or none free within `searchDays`. DST-safe: slots
 * are wall-clock times, converted per day (services/core/scheduling/zoned-time.ts).
 */
export async function nextFreeSlots(m: EntityManager, q: NextFreeSlotsQuery): Promise<Date[]> {
  const slots = await m.find(QueueSlot, { where: { platformAccountId: q.accountId, clientId: q.clientId } });
  if (!slots.length || q.count <= 0) return [];
  const searchDays = q.searchDays ?? 366;
  const start = localDateOf(q.after, q.timezone);
  const found: Date[] = [];
  for (let offset = 0; offset < searchDays && found.length < q.count; offset += CHUNK_DAYS) {
    const candidates = slotInstants(
      slots,
      addDays(start, offset),
      Math.min(CHUNK_DAYS, searchDays - offset),
      q.timezone,
    ).filter((at) => at.getTime() > q.after.getTime());
    if (!candidates.length) continue;
    const taken = await takenInstants(m, q, candidates[0], candidates[candidates.length - 1]);
    for (const at of candidates) {
      if (taken.has(at.getTime()) || q.exclude?.has(at.getTime())) continue;
      found.push(at);
      if (found.length === q.count) break;
    }
  }
  return found;
}

async function takenInstants(m: EntityManager, q: NextFreeSlotsQuery, from: Date, to: Date): Promise<Set<number>> {
  const rows: { at: Date }[] = await m.query(
    `SELECT scheduled_at AS at FROM publish_jobs
      WHERE client_id = $1 AND platform_account_id = $2 AND scheduled_at >= $3 AND scheduled_at <= $4
        AND status <> ALL ($5::text[])
     UNION ALL
     SELECT i.slot_at AS at FROM plan_items i JOIN plans p ON p.id = i.plan_id AND p.client_id = i.client_id
      WHERE i.client_id = $1 AND i.slot_at >= $3 AND i.slot_at <= $4
        AND (i.platform_account_id = $2 OR i.cross_posts @> jsonb_build_array(jsonb_build_object('platformAccountId', $2::text)))
        AND i.status <> ALL ($6::text[]) AND p.status <> ALL ($7::text[])
        AND ($8::uuid IS NULL OR i.id <> $8::uuid)`,
    [
      q.clientId,
      q.accountId,
      from,
      to,
      SLOT_RELEASING_STATUSES,
      SLOT_RELEASING_ITEM_STATUSES,
      SLOT_RELEASING_PLAN_STATUSES,
      q.ignorePlanItemId ?? null,
    ],
  );
  return new Set(rows.map((r) => new Date(r.at).getTime()));
}
