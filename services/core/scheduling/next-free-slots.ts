import type { EntityManager } from 'typeorm';
import { QueueSlot } from '../database/entities';
import { SLOT_RELEASING_STATUSES } from './slot-statuses';
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
}

// Slots are searched a month at a time: one query for the taken instants of each month searched.
const CHUNK_DAYS = 31;

/**
 * The next `count` queue slots of an account that no post of it holds yet (a post in a releasing status frees
 * its slot). Fewer come back when the account has no slots, or none free within `searchDays`. DST-safe: slots
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
    const taken = await takenInstants(m, q.clientId, q.accountId, candidates[0], candidates[candidates.length - 1]);
    for (const at of candidates) {
      if (taken.has(at.getTime()) || q.exclude?.has(at.getTime())) continue;
      found.push(at);
      if (found.length === q.count) break;
    }
  }
  return found;
}

async function takenInstants(
  m: EntityManager,
  clientId: string,
  accountId: string,
  from: Date,
  to: Date,
): Promise<Set<number>> {
  const rows: { scheduled_at: Date }[] = await m.query(
    `SELECT scheduled_at FROM publish_jobs
      WHERE client_id = $1 AND platform_account_id = $2 AND scheduled_at >= $3 AND scheduled_at <= $4
        AND status <> ALL ($5::text[])`,
    [clientId, accountId, from, to, SLOT_RELEASING_STATUSES],
  );
  return new Set(rows.map((r) => new Date(r.scheduled_at).getTime()));
}
