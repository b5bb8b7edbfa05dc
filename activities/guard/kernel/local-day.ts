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

/** The instant the client's current month began, in its timezone: monthly spend caps reset then. */
export function startOfLocalMonth(now: Date, timeZone: string): Date {
  const day = Number(new Intl.DateTimeFormat('en-US', { timeZone, day: 'numeric' }).format(now));
  const dayStart = startOfLocalDay(now, timeZone);
  // Back to the 1st at local midnight, through noon of that day, so a DST change in between cannot skip a day.
  const firstNoon = new Date(dayStart.getTime() - (day - 1) * 86_400_000 + 12 * 3600_000);
  return startOfLocalDay(firstNoon, timeZone);
}
