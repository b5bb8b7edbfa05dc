/** The value a datetime-local input takes for `instant` on the clock of `timeZone` ('YYYY-MM-DDTHH:mm:ss'). */
export function localInputValue(instant: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The calendar day ('YYYY-MM-DD') of `instant` in `timeZone`. */
export function localDay(instant: Date, timeZone: string): string {
  return localInputValue(instant, timeZone).slice(0, 10);
}
