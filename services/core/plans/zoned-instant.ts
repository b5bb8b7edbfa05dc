import { localDateOf as localCalendarDateOf, wallClockOf, zonedInstant as instantOf } from '../scheduling/zoned-time';

/**
 * Plans state their slots as strings (`YYYY-MM-DD`, `HH:MM`) in the client's timezone; the DST rules (a skipped
 * time moves forward by the gap, a repeated one takes its first occurrence) are the scheduler's, in one place.
 */

/** `localDate` (YYYY-MM-DD) at `localTime` (HH:MM) in `timeZone`, as an instant. */
export function zonedInstant(localDate: string, localTime: string, timeZone: string): Date {
  const [year, month, day] = localDate.split('-').map(Number);
  const [hour, minute] = localTime.split(':').map(Number);
  return instantOf({ year, month, day, hour, minute }, timeZone);
}

/** The local calendar date (YYYY-MM-DD) of `at` in `timeZone`. */
export function localDateOf(at: Date, timeZone: string): string {
  const { year, month, day } = localCalendarDateOf(at, timeZone);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(year, 4)}-${p(month)}-${p(day)}`;
}

/** The local wall-clock time (HH:MM) of `at` in `timeZone`. */
export function localTimeOf(at: Date, timeZone: string): string {
  const { hour, minute } = wallClockOf(at, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
