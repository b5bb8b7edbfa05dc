/**
 * The instant a wall-clock date and time names in a timezone, DST-safe. A planned slot is stated in the client's
 * local time ("Tuesdays 09:30"), so it must stay 09:30 across a DST change, and a time that does not exist (the hour
 * skipped in spring) or exists twice (the hour repeated in autumn) must still give one deterministic instant:
 * skipped times move forward by the gap, repeated times take the first occurrence (as Temporal's `compatible`).
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    if (formatters.size > 1000) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `ms` in `timeZone`, read as if it were UTC (milliseconds). */
function wallAsUtc(ms: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
}

/** The zone's offset from UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAsUtc(whole, timeZone) - whole;
}

/** `localDate` (YYYY-MM-DD) at `localTime` (HH:MM) in `timeZone`, as an instant. */
export function zonedInstant(localDate: string, localTime: string, timeZone: string): Date {
  const [y, mo, d] = localDate.split('-').map(Number);
  const [h, mi] = localTime.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  // Offsets a day either side cover every transition (none is closer than that to another).
  const before = offsetAt(wall - 86_400_000, timeZone);
  const after = offsetAt(wall + 86_400_000, timeZone);
  const candidates = [...new Set([wall - before, wall - after])].filter((t) => wallAsUtc(t, timeZone) === wall);
  if (candidates.length) return new Date(Math.min(...candidates));
  // A skipped wall time: read it with the offset before the jump, which lands after it by the gap.
  return new Date(wall - before);
}

/** The local calendar date (YYYY-MM-DD) of `at` in `timeZone`. */
export function localDateOf(at: Date, timeZone: string): string {
  return new Date(wallAsUtc(at.getTime(), timeZone)).toISOString().slice(0, 10);
}
