/** A wall-clock date and time in some timezone (month 1–12), without seconds: schedules are stated to the minute. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

export type LocalDate = Pick<LocalDateTime, 'year' | 'month' | 'day'>;

// Building an Intl.DateTimeFormat costs far more than formatting with one; slot searches convert thousands of times.
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

/** The wall clock of `at` in `timeZone`, with seconds (for offset arithmetic). */
export function wallClockOf(at: Date, timeZone: string): LocalDateTime & { second: number } {
  const parts = formatter(timeZone).formatToParts(at);
  const get = (t: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === t)?.value ?? NaN);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour') % 24,
    minute: get('minute'),
    second: get('second'),
  };
}

/** The timezone's offset from UTC at instant `ms`, in milliseconds (Berlin in summer: +7_200_000). */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClockOf(new Date(ms), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` names. DST-safe the way RFC 5545 and Temporal's "compatible"
 * disambiguation are: a time that occurs twice (autumn) is its earlier instant; a time skipped by a spring-forward
 * gap moves forward by the gap (02:30 on a 02:00→03:00 night is 03:30), so a 02:30 queue slot still posts that day.
 */
export function zonedInstant(t: LocalDateTime, timeZone: string): Date {
  const naive = Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
  // The offsets a day either side bracket any transition near this time.
  const before = offsetAt(naive - 86_400_000, timeZone);
  const after = offsetAt(naive + 86_400_000, timeZone);
  const candidates = [...new Set([before, after])]
    .map((off) => naive - off)
    .filter((ms) => sameWallClock(wallClockOf(new Date(ms), timeZone), t))
    .sort((a, b) => a - b);
  if (candidates.length) return new Date(candidates[0]);
  // In the gap: the offset before the transition, applied to the skipped time, lands past the gap by its length.
  return new Date(naive - before);
}

function sameWallClock(a: LocalDateTime, b: LocalDateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour && a.minute === b.minute;
}

/** The calendar date `days` after `d` (negative goes back), independent of any timezone. */
export function addDays(d: LocalDate, days: number): LocalDate {
  const u = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: u.getUTCFullYear(), month: u.getUTCMonth() + 1, day: u.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekdayOf(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Local midnight at the start of a calendar date. */
export function startOfLocalDay(d: LocalDate, timeZone: string): Date {
  return zonedInstant({ ...d, hour: 0, minute: 0 }, timeZone);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::00)?$/;

function validDate(year: number, month: number, day: number): boolean {
  const u = new Date(Date.UTC(year, month - 1, day));
  return u.getUTCFullYear() === year && u.getUTCMonth() === month - 1 && u.getUTCDate() === day;
}

/** `2026-03-29` as a calendar date, or null when it is not one (2026-02-30, 2026-3-1). */
export function parseLocalDate(s: string): LocalDate | null {
  const m = LOCAL_DATE.exec(s.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDate(year, month, day) ? { year, month, day } : null;
}

/**
 * `2026-03-29T09:30` (or with a space, or `:00` seconds) as a wall-clock time. No offset or `Z`: the CSV states
 * times in the client's timezone, and a second source of truth for the offset would only disagree with it.
 */
export function parseLocalDateTime(s: string): LocalDateTime | null {
  const m = LOCAL_DATE_TIME.exec(s.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  if (!validDate(year, month, day) || hour > 23 || minute > 59) return null;
  return { year, month, day, hour, minute };
}

/** `YYYY-MM-DDTHH:MM` of a wall-clock time, for answers shown to operators. */
export function formatLocalDateTime(t: LocalDateTime): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(t.year, 4)}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}`;
}

/** The local calendar date of an instant. */
export function localDateOf(at: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClockOf(at, timeZone);
  return { year, month, day };
}
