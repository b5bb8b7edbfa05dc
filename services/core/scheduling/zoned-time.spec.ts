import { expandRecurrence, parseEvergreen, parseRecurrence } from './recurrence';
import { parseLocalDate, parseLocalDateTime, startOfLocalDay, wallClockOf, zonedInstant } from './zoned-time';

const at = (y: number, mo: number, d: number, h: number, mi: number) => ({
  year: y,
  month: mo,
  day: d,
  hour: h,
  minute: mi,
});

describe('zoned time', () => {
  it('names the instant of a wall-clock time in summer and in winter', () => {
    expect(zonedInstant(at(2026, 7, 1, 9, 0), 'Europe/Berlin').toISOString()).toBe('2026-07-01T07:00:00.000Z');
    expect(zonedInstant(at(2026, 1, 1, 9, 0), 'Europe/Berlin').toISOString()).toBe('2026-01-01T08:00:00.000Z');
    expect(zonedInstant(at(2026, 1, 1, 9, 0), 'America/New_York').toISOString()).toBe('2026-01-01T14:00:00.000Z');
  });

  it('moves a time skipped by spring-forward past the gap, and takes the earlier of a repeated autumn time', () => {
    // Berlin 2026-03-29: 02:00 CET becomes 03:00 CEST.
    expect(zonedInstant(at(2026, 3, 29, 2, 30), 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(wallClockOf(new Date('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toMatchObject({ hour: 3, minute: 30 });
    // Berlin 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:30 happens twice.
    expect(zonedInstant(at(2026, 10, 25, 2, 30), 'Europe/Berlin').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('parses local dates and date-times strictly', () => {
    expect(parseLocalDateTime('2026-03-29T09:30')).toEqual(at(2026, 3, 29, 9, 30));
    expect(parseLocalDateTime('2026-03-29 09:30:00')).toEqual(at(2026, 3, 29, 9, 30));
    for (const bad of ['2026-02-30T09:00', '2026-3-1T09:00', '2026-03-01T24:00', '2026-03-01T09:00Z', 'next', ''])
      expect(parseLocalDateTime(bad)).toBeNull();
    expect(parseLocalDate('2026-12-31')).toEqual({ year: 2026, month: 12, day: 31 });
    expect(parseLocalDate('2026-13-01')).toBeNull();
    expect(startOfLocalDay({ year: 2026, month: 11, day: 1 }, 'Europe/Berlin').toISOString()).toBe(
      '2026-10-31T23:00:00.000Z',
    );
  });
});

describe('recurrence', () => {
  it('keeps the local wall time of each occurrence across a DST change', () => {
    const first = zonedInstant(at(2026, 3, 26, 9, 0), 'Europe/Berlin');
    const days = expandRecurrence(first, { every: 'daily', count: 5 }, 'Europe/Berlin');
    expect(days.map((d) => d.toISOString())).toEqual([
      '2026-03-26T08:00:00.000Z',
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    const weeks = expandRecurrence(first, { every: 'weekly', count: 3 }, 'Europe/Berlin');
    expect(weeks.map((d) => wallClockOf(d, 'Europe/Berlin'))).toEqual([
      { ...at(2026, 3, 26, 9, 0), second: 0 },
      { ...at(2026, 4, 2, 9, 0), second: 0 },
      { ...at(2026, 4, 9, 9, 0), second: 0 },
    ]);
  });

  it('reads daily:N and weekly:N and refuses anything else', () => {
    expect(parseRecurrence('weekly:4', 52)).toEqual({ every: 'weekly', count: 4 });
    expect(parseRecurrence(' Daily:3 ', 52)).toEqual({ every: 'daily', count: 3 });
    expect(parseRecurrence('', 52)).toBeNull();
    for (const bad of ['weekly', 'monthly:3', 'weekly:1', 'weekly:53', 'daily:-1'])
      expect(parseRecurrence(bad, 52)).toHaveProperty('error');
  });

  it('reads evergreen with its interval and refuses an interval without the flag', () => {
    expect(parseEvergreen('true', '14', 365)).toEqual({ intervalDays: 14 });
    expect(parseEvergreen('', '', 365)).toBeNull();
    expect(parseEvergreen('no', '', 365)).toBeNull();
    expect(parseEvergreen('true', '', 365)).toHaveProperty('error');
    expect(parseEvergreen('true', '0', 365)).toHaveProperty('error');
    expect(parseEvergreen('maybe', '3', 365)).toHaveProperty('error');
    expect(parseEvergreen('false', '3', 365)).toHaveProperty('error');
  });
});
