import { DEFAULT_RETRY_DELAYS_SECONDS, nextAttemptAt } from './webhook-backoff';

const NOW = new Date('2025-01-01T00:00:00Z');
const after = (d: Date | null) => (d ? (d.getTime() - NOW.getTime()) / 1000 : null);

describe('webhook retry schedule', () => {
  it('grows from 5 s to 10 h over eight attempts, then gives up', () => {
    const mid = () => 0.5; // no jitter
    const delays = DEFAULT_RETRY_DELAYS_SECONDS.map((_, i) => after(nextAttemptAt(i + 1, NOW, undefined, mid)));
    expect(delays).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(nextAttemptAt(8, NOW, undefined, mid)).toBeNull();
  });

  it('jitters each wait within ±20 %', () => {
    expect(after(nextAttemptAt(2, NOW, undefined, () => 0))).toBe(240);
    expect(after(nextAttemptAt(2, NOW, undefined, () => 0.999999))).toBeCloseTo(360, 0);
  });

  it('follows a schedule it is given', () => {
    expect(after(nextAttemptAt(1, NOW, [1, 2], () => 0.5))).toBe(1);
    expect(nextAttemptAt(3, NOW, [1, 2], () => 0.5)).toBeNull();
  });
});
