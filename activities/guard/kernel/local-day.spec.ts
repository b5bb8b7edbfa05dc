import { startOfLocalDay } from './local-day';

describe('the client day caps count in', () => {
  it('starts at local midnight in the client timezone, not at UTC midnight', () => {
    const now = new Date('2026-06-10T01:30:00Z');
    expect(startOfLocalDay(now, 'Europe/Berlin').toISOString()).toBe('2026-06-09T22:00:00.000Z');
    expect(startOfLocalDay(now, 'America/New_York').toISOString()).toBe('2026-06-09T04:00:00.000Z');
    expect(startOfLocalDay(now, 'UTC').toISOString()).toBe('2026-06-10T00:00:00.000Z');
  });
});
