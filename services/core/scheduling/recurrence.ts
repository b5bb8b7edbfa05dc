import { addDays, type LocalDateTime, wallClockOf, zonedInstant } from './zoned-time';

/** `daily:3` or `weekly:4`: that many posts in all (the first included), one day or one week apart. */
export interface Recurrence {
  every: 'daily' | 'weekly';
  count: number;
}

/** An evergreen post comes back every `intervalDays`, each time into the first free queue slot from then on. */
export interface Evergreen {
  intervalDays: number;
}

const RECURRENCE = /^(daily|weekly):(\d{1,3})$/i;

/** Parses the recurrence column; '' is "no recurrence"; anything else unreadable is an error message. */
export function parseRecurrence(raw: string, max: number): Recurrence | null | { error: string } {
  const s = raw.trim();
  if (!s) return null;
  const m = RECURRENCE.exec(s);
  if (!m) return { error: 'recurrence must be daily:N or weekly:N (N posts in all)' };
  const count = Number(m[2]);
  if (count < 2 || count > max) return { error: `recurrence count must be between 2 and ${max}` };
  return { every: m[1].toLowerCase() as Recurrence['every'], count };
}

const TRUE = new Set(['true', 'yes', '1', 'y']);
const FALSE = new Set(['false', 'no', '0', 'n', '']);

/** Parses the evergreen and evergreen_interval_days columns together. */
export function parseEvergreen(
  flag: string,
  interval: string,
  maxInterval: number,
): Evergreen | null | { error: string } {
  const f = flag.trim().toLowerCase();
  if (FALSE.has(f)) {
    return interval.trim() ? { error: 'evergreen_interval_days is set but evergreen is not true' } : null;
  }
  if (!TRUE.has(f)) return { error: 'evergreen must be true or false' };
  const n = Number(interval.trim());
  if (!interval.trim() || !Number.isInteger(n) || n < 1 || n > maxInterval)
    return { error: `an evergreen post needs evergreen_interval_days between 1 and ${maxInterval}` };
  return { intervalDays: n };
}

/**
 * The occurrences of a recurring post: the same local wall time every day or every seventh day, so a 09:00 post
 * stays at 09:00 across a DST change (the instants are 23 or 25 hours apart that night, never 24 by accident).
 */
export function expandRecurrence(first: Date, rule: Recurrence, timeZone: string): Date[] {
  const w = wallClockOf(first, timeZone);
  const start: LocalDateTime = { year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute };
  const step = rule.every === 'daily' ? 1 : 7;
  return Array.from({ length: rule.count }, (_, i) => {
    if (i === 0) return first;
    const d = addDays(start, i * step);
    return zonedInstant({ ...d, hour: start.hour, minute: start.minute }, timeZone);
  });
}
