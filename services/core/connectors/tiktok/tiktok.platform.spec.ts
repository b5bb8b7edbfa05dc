import { assertGuardBudget } from '../../../../activities/guard/guard-budget';
import { TIKTOK_MAX_PROCESSING_SECONDS, tiktokPlatform } from './tiktok.platform';

describe('the TikTok descriptor', () => {
  it('plans with TikTok’s timing, which settings can override', () => {
    const t = tiktokPlatform.timing({ baseUrl: 'https://open.tiktokapis.com' });
    expect(t).toEqual({
      requestTimeoutMs: 15_000,
      settleSeconds: 345,
      reconcileLooks: 3,
      maxCallsPerAttempt: 15,
      pacing: { minSpacingSeconds: 15, jitterSeconds: 5 },
    });
    // A write that timed out may still finish processing after our deadline: the settle time covers both.
    expect(t.settleSeconds * 1000).toBeGreaterThan(TIKTOK_MAX_PROCESSING_SECONDS * 1000 + t.requestTimeoutMs);
    expect(tiktokPlatform.timing({ baseUrl: 'x', settleSeconds: 2, timeoutMs: 500 })).toMatchObject({
      settleSeconds: 2,
      requestTimeoutMs: 500,
    });
  });

  it('fits the guarded publish activity’s default budget (240 s)', () => {
    expect(() => assertGuardBudget(240, { tiktok: tiktokPlatform.timing({ baseUrl: 'x' }) })).not.toThrow();
  });

  it('pins v2 without a sunset date, asks for the minimal scopes, and says what it cannot do', () => {
    expect(tiktokPlatform.apiVersion).toMatchObject({ version: 'v2', sunsetsAt: null });
    expect(tiktokPlatform.scopes).toEqual([
      'user.info.basic',
      'user.info.profile',
      'video.publish',
      'video.list',
      'user.info.stats',
    ]);
    expect(tiktokPlatform.capabilities).toMatchObject({
      text: false,
      image: false,
      video: true,
      idempotencyKey: false,
    });
    expect(tiktokPlatform.mediaRules).toMatchObject({ requiresMedia: true, maxMediaCount: 1, maxTextLength: 2200 });
    expect(tiktokPlatform.tokens.rotatesRefreshToken).toBe(true);
  });
});
