// Wall-clock time in a client's IANA timezone from the browser's Intl data: no library, no guessing from
// the operator's own timezone. Calendar days are keys 'YYYY-MM-DD' in the client's zone.

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(tz: string): Intl.DateTimeFormat {
  let f = formats.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(tz, f);
  }
  return f;
}

export function partsIn(instant: Date, tz: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of partsFormat(tz).formatToParts(instant)) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return {
    year: out.year,
    month: out.month,
    day: out.day,
    hour: out.hour % 24,
    minute: out.minute,
    second: out.second,
  };
}

function offsetMs(instant: Date, tz: string): number {
  const p = partsIn(instant, tz);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant at which the clock in `tz` shows `local` (the later one when a DST change repeats it). */
export function instantFrom(local: LocalParts, tz: string): Date {
  const guess = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  let t = guess - offsetMs(new Date(guess), tz);
  const again = guess - offsetMs(new Date(t), tz);
  if (again !== t) t = again;
  return new Date(t);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function dayKeyOf(instant: Date, tz: string): string {
  const p = partsIn(instant, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export function parseDayKey(key: string): { year: number; month: number; day: number } {
  const [year, month, day] = key.split('-').map(Number);
  return { year, month, day };
}

export function addDays(key: string, n: number): string {
  const { year, month, day } = parseDayKey(key);
  const d = new Date(Date.UTC(year, month - 1, day + n));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addMonths(key: string, n: number): string {
  const { year, month } = parseDayKey(key);
  const d = new Date(Date.UTC(year, month - 1 + n, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
}

/** 0 = Monday … 6 = Sunday */
export function weekdayOf(key: string): number {
  const { year, month, day } = parseDayKey(key);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

export function startOfWeek(key: string): string {
  return addDays(key, -weekdayOf(key));
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function formatTime(instant: Date, tz: string): string {
  const p = partsIn(instant, tz);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

export function formatDateTime(iso: string | Date, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}

export function formatDay(key: string, opts: Intl.DateTimeFormatOptions): string {
  const { year, month, day } = parseDayKey(key);
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', ...opts }).format(
    new Date(Date.UTC(year, month - 1, day, 12)),
  );
}

/** The value of an <input type="datetime-local" step="1"> showing `instant` on the client's clock. */
export function toInputValue(instant: Date, tz: string): string {
  const p = partsIn(instant, tz);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

export function fromInputValue(value: string, tz: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!m) return null;
  return instantFrom({ year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0) }, tz);
}

/** Moves an instant to another calendar day in `tz`, keeping its wall-clock time (calendar drag and drop). */
export function moveToDay(instant: Date, dayKey: string, tz: string): Date {
  const p = partsIn(instant, tz);
  const { year, month, day } = parseDayKey(dayKey);
  return new Date(instantFrom({ ...p, year, month, day }, tz).getTime() + instant.getUTCMilliseconds());
}

export function timeZones(): string[] {
  const withSupported = Intl as typeof Intl & { supportedValuesOf?: (k: string) => string[] };
  const list = withSupported.supportedValuesOf?.('timeZone') ?? [
    'UTC',
    'Europe/Berlin',
    'Europe/London',
    'America/New_York',
  ];
  return list.includes('UTC') ? list : ['UTC', ...list];
}
