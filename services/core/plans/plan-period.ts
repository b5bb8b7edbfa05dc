import { addDays } from './plan-request';
import { localDateOf } from './zoned-instant';

export type PlanCadence = 'weekly' | 'monthly';

/**
 * The period a recurring plan run covers, in the client's local dates: the next whole week (Monday to Sunday) or
 * the next calendar month after the day the Schedule fires, so a run always plans ahead and two runs never overlap.
 */
export function nextPeriod(cadence: PlanCadence, now: Date, timeZone: string): { startDate: string; endDate: string } {
  const today = localDateOf(now, timeZone);
  if (cadence === 'weekly') {
    const weekday = new Date(`${today}T00:00:00Z`).getUTCDay();
    const startDate = addDays(today, (8 - weekday) % 7 || 7);
    return { startDate, endDate: addDays(startDate, 6) };
  }
  const [y, m] = today.split('-').map(Number);
  const first = new Date(Date.UTC(y, m, 1));
  const last = new Date(Date.UTC(y, m + 1, 0));
  return { startDate: first.toISOString().slice(0, 10), endDate: last.toISOString().slice(0, 10) };
}
