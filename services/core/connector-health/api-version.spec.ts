import { apiVersionView, daysToSunset } from './api-version';

const NOW = new Date('2026-11-22T12:00:00.000Z');

describe('daysToSunset', () => {
  it('counts calendar days to the sunset date: 0 on the day itself, negative after, null without a date', () => {
    expect(daysToSunset('2027-01-21', NOW)).toBe(60);
    expect(daysToSunset('2026-11-23', NOW)).toBe(1);
    expect(daysToSunset('2026-11-22', NOW)).toBe(0);
    expect(daysToSunset('2026-09-24', NOW)).toBe(-59);
    expect(daysToSunset(null, NOW)).toBeNull();
    expect(daysToSunset('not a date', NOW)).toBeNull();
  });

  it('has nothing to say without a descriptor', () => {
    expect(apiVersionView(undefined, NOW)).toEqual({
      version: null,
      sunsetsAt: null,
      daysToSunset: null,
      source: null,
    });
  });
});
