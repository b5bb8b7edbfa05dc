import { pacingDelaySeconds } from './pacing';

describe('pacing between side effects on one account', () => {
  const pacing = { minSpacingSeconds: 60, jitterSeconds: 30 };
  it('[C-25] waits out the minimum spacing plus jitter since the last side effect', () => {
    expect(pacingDelaySeconds(10, pacing, () => 0)).toBe(50);
    expect(pacingDelaySeconds(10, pacing, () => 0.5)).toBe(65);
    expect(pacingDelaySeconds(100, pacing, () => 0.99)).toBe(0);
  });
  it('[C-25] jitter makes the gaps differ from one side effect to the next', () => {
    const values = [0.1, 0.7, 0.4].map((r) => pacingDelaySeconds(0, pacing, () => r));
    expect(new Set(values).size).toBe(3);
  });
  it('lets the first side effect of an account go at once, and does nothing when pacing is off', () => {
    expect(pacingDelaySeconds(null, pacing, () => 0.5)).toBe(0);
    expect(pacingDelaySeconds(0, { minSpacingSeconds: 0, jitterSeconds: 0 }, () => 0.5)).toBe(0);
  });
});
