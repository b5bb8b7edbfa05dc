import { parseLocalDate, startOfLocalDay } from './zoned-time';

/** The longest range one calendar query may span: a year view is the widest any screen shows. */
export const MAX_CALENDAR_DAYS = 366;

export type CalendarRange = { from: Date; to: Date } | { error: string };

/**
 * [from, to) given as local calendar dates in the client's timezone, as instants: local midnight to local
 * midnight. So a post at 23:30 local on the last day of a month belongs to that month, whatever UTC says.
 */
export function calendarRange(from: string, to: string, timeZone: string): CalendarRange {
  const f = parseLocalDate(from);
  const t = parseLocalDate(to);
  if (!f || !t) return { error: 'from and to must be dates, YYYY-MM-DD' };
  const start = startOfLocalDay(f, timeZone);
  const end = startOfLocalDay(t, timeZone);
  if (end.getTime() <= start.getTime()) return { error: 'to must be after from (to is exclusive)' };
  if (end.getTime() - start.getTime() > (MAX_CALENDAR_DAYS + 1) * 86_400_000)
    return { error: `a calendar range spans at most ${MAX_CALENDAR_DAYS} days` };
  return { from: start, to: end };
}
