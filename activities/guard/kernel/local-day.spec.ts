import { startOfLocalDay, startOfLocalMonth } from './local-day';

describe('the client day caps count in', () => {
  it('starts at local midnight in the client timezone, not at UTC midnight', () => {
    const now = new Date('2026-06-10T01:30:00Z');
    expect(startOfLocalDay(now, 'Europe/Berlin').toISOString()).toBe('2026-06-09T22:00:00.000Z');
    expect(startOfLocalDay(now, 'America/New_York').toISOString()).toBe('2026-06-09T04:00:00.000Z');
    expect(startOfLocalDay(now, 'UTC').toISOString()).toBe('2026-06-10T00:00:00.000Z');
  });
});

describe('startOfLocalMonth', () => {
  // Like startOfLocalDay, off by the hour that moved when the 1st itself is a DST day (a cap resets an hour late).
  it("is the 1st at midnight in the client's timezone", () => {
    // 2026-11-30 10:00 UTC is 11:00 in Berlin (CET); the month began 2026-11-01 00:00 CET = 2026-10-31 23:00 UTC.
    expect(startOfLocalMonth(new Date('2026-11-30T10:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-10-31T23:00:00.000Z',
    );
    // New York in daylight time: April began at EDT midnight (UTC-4).
    expect(startOfLocalMonth(new Date('2026-04-20T12:00:00Z'), 'America/New_York').toISOString()).toBe(
      '2026-04-01T04:00:00.000Z',
    );
    expect(startOfLocalMonth(new Date('2026-03-01T00:30:00Z'), 'UTC').toISOString()).toBe('2026-03-01T00:00:00.000Z');
  });
});
