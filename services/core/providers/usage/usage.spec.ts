import { costOf, priceOf } from './price-table';
import { nextMonthStart, usageMonth } from './usage-month';

describe('usage month in the client timezone', () => {
  it('bills an instant to the month of the client calendar', () => {
    const at = new Date('2025-01-31T23:30:00Z');
    expect(usageMonth(at, 'UTC')).toBe('2025-01');
    expect(usageMonth(at, 'Europe/Berlin')).toBe('2025-02');
    expect(usageMonth(at, 'America/New_York')).toBe('2025-01');
  });

  it('finds the first instant of the next month, across DST and year ends', () => {
    expect(nextMonthStart(new Date('2025-03-15T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2025-03-31T22:00:00.000Z',
    );
    expect(nextMonthStart(new Date('2025-02-10T12:00:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2025-02-28T23:00:00.000Z',
    );
    expect(nextMonthStart(new Date('2025-12-31T23:30:00Z'), 'Europe/Berlin').toISOString()).toBe(
      '2026-01-31T23:00:00.000Z',
    );
    expect(nextMonthStart(new Date('2025-12-20T00:00:00Z'), 'America/Los_Angeles').toISOString()).toBe(
      '2026-01-01T08:00:00.000Z',
    );
    expect(nextMonthStart(new Date('2025-06-01T00:00:00Z'), 'UTC').toISOString()).toBe('2025-07-01T00:00:00.000Z');
  });
});

describe('price table', () => {
  it('prices tokens, images and seconds at list price, and the local provider at zero', () => {
    expect(
      costOf('anthropic', 'claude-sonnet-4-5', { inputTokens: 1_000_000, outputTokens: 100_000, costMicros: 0 }),
    ).toBe(4_500_000);
    expect(costOf('openai', 'gpt-image-1', { images: 2, costMicros: 0 })).toBe(84_000);
    expect(costOf('kie', 'veo3_fast', { videoSeconds: 8, costMicros: 0 })).toBe(400_000);
    expect(
      costOf('local', 'local-template-v1', { inputTokens: 500, outputTokens: 500, images: 3, costMicros: 0 }),
    ).toBe(0);
  });

  it('never prices an unknown model as free, and takes a vendor-reported cost as it is', () => {
    expect(priceOf('anthropic', 'claude-unknown')).toEqual(priceOf('anthropic', '*'));
    expect(costOf('openrouter', 'some/model', { inputTokens: 10, costMicros: 1234 })).toBe(1234);
  });
});
