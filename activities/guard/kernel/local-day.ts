import { wallClock } from '../../../services/core/util/local-time';

/**
 * The instant the client's current day began, in its timezone: caps count per the client's day, not per UTC day.
 * On the morning of a DST change this may be off by the hour that moved, which only shifts a cap's reset by it.
 */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const c = wallClock(now, timeZone);
  const sinceMidnightMs = (c.hour * 3600 + c.minute * 60 + c.second) * 1000 + now.getMilliseconds();
  return new Date(now.getTime() - sinceMidnightMs);
}
