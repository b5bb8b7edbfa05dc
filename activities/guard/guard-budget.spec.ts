import { assertGuardBudget } from './guard-budget';

const timing = {
  requestTimeoutMs: 15_000,
  settleSeconds: 30,
  reconcileLooks: 2,
  maxCallsPerAttempt: 6,
  pacing: { minSpacingSeconds: 0, jitterSeconds: 0 },
};

describe('the guard activity budget, checked at start-up', () => {
  it('refuses a start-to-close shorter than the connector calls of one attempt', () => {
    expect(() => assertGuardBudget(60, { sandbox: timing })).toThrow(
      /RAIZE_PUBLISH_TIMEOUT_SECONDS=60.*sandbox needs more than 91 s/,
    );
  });
  it('accepts one that covers them', () => {
    expect(() => assertGuardBudget(120, { sandbox: timing })).not.toThrow();
  });
});
