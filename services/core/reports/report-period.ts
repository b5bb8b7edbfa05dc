import type { LocalDate } from '../scheduling/zoned-time';
import { addDays, localDateOf, parseLocalDate, startOfLocalDay } from '../scheduling/zoned-time';
import { ReportInputError } from './report.errors';

/** A report's period: whole local days of the client's timezone, both ends included (`YYYY-MM-DD`). */
export interface ReportPeriod {
  start: string;
  end: string;
}

/** The period as instants for timestamp columns: [startAt, endAt), local midnights of the client's timezone. */
export interface ReportWindow extends ReportPeriod {
  timezone: string;
  startAt: Date;
  endAt: Date;
}

const fmt = (d: LocalDate): string =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** The calendar month holding `date`. */
export function monthOf(date: LocalDate): ReportPeriod {
  const last = new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
  return { start: fmt({ ...date, day: 1 }), end: fmt({ ...date, day: last }) };
}

/** The whole month before the one `asOf` falls in, in `timeZone`: what the monthly delivery reports on. */
export function previousMonth(asOf: Date, timeZone: string): ReportPeriod {
  const today = localDateOf(asOf, timeZone);
  return monthOf(addDays({ ...today, day: 1 }, -1));
}

/**
 * An operator's period, checked: real dates, `from` not after `to`, at most a year (`to` before the same date a year
 * on), and not starting in the future. Without either end: the previous month, the report an agency sends.
 */
export function checkedPeriod(
  q: { from?: string | null; to?: string | null },
  now: Date,
  timeZone: string,
): ReportPeriod {
  if (!q.from && !q.to) return previousMonth(now, timeZone);
  if (!q.from || !q.to) throw new ReportInputError('give both from and to (YYYY-MM-DD), or neither for last month');
  const from = parseLocalDate(q.from);
  const to = parseLocalDate(q.to);
  if (!from || !to) throw new ReportInputError('from and to must be calendar dates (YYYY-MM-DD)');
  if (fmt(to) < fmt(from)) throw new ReportInputError('to must not be before from');
  const yearOn = fmt({ ...from, year: from.year + 1 });
  if (fmt(to) >= yearOn) throw new ReportInputError('a report covers at most a year');
  if (fmt(from) > fmt(localDateOf(now, timeZone))) throw new ReportInputError('the period starts in the future');
  return { start: fmt(from), end: fmt(to) };
}

/** The period's instants in `timeZone` (DST days are 23 or 25 hours long, as they were lived). */
export function windowOf(period: ReportPeriod, timeZone: string): ReportWindow {
  const start = parseLocalDate(period.start);
  const end = parseLocalDate(period.end);
  if (!start || !end) throw new ReportInputError('a report period needs calendar dates');
  return {
    ...period,
    timezone: timeZone,
    startAt: startOfLocalDay(start, timeZone),
    endAt: startOfLocalDay(addDays(end, 1), timeZone),
  };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "May 2026" for a whole month, else "3 May 2026 – 9 June 2026": how the report and its mail name the period. */
export function periodLabel(period: ReportPeriod): string {
  const s = parseLocalDate(period.start)!;
  const e = parseLocalDate(period.end)!;
  const whole = monthOf(s);
  if (whole.start === period.start && whole.end === period.end) return `${MONTHS[s.month - 1]} ${s.year}`;
  const day = (d: LocalDate) => `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
  return `${day(s)} – ${day(e)}`;
}

/** Every local date of the period, in order (the daily chart's x axis). */
export function daysOf(period: ReportPeriod): string[] {
  const out: string[] = [];
  let d = parseLocalDate(period.start)!;
  while (fmt(d) <= period.end && out.length < 400) {
    out.push(fmt(d));
    d = addDays(d, 1);
  }
  return out;
}
