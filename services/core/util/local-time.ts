// Building an Intl.DateTimeFormat is far costlier than formatting with one: the guard asks for the client's wall
// clock several times per side effect, so formatters are kept per timezone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per timezone: hour (h23), minute, second and short weekday, in en-US. */
export function clockFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      hourCycle: 'h23',
    });
    if (formatters.size > 1000) formatters.clear();
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in a timezone, for rules such as quiet hours that are stated in the client's time. */
export function localTime(at: Date, timeZone: string): { hour: number; minute: number; weekday: number } {
  const { hour, minute, weekday } = wallClock(at, timeZone);
  return { hour, minute, weekday };
}

/** Hour, minute, second and weekday (0 = Sunday) of `at` in `timeZone`. */
export function wallClock(
  at: Date,
  timeZone: string,
): { hour: number; minute: number; second: number; weekday: number } {
  const parts = clockFormatter(timeZone).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { hour: Number(get('hour')) % 24, minute: Number(get('minute')), second: Number(get('second')), weekday };
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
