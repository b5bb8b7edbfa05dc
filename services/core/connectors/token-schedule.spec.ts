import type { TokenLifecycle } from './connector.types';
import { isRefreshDue, nextRefreshAt, nextTokenStep, refreshExpiryAhead, tokenColumnsOf } from './token-schedule';

const NOW = new Date('2026-11-01T12:00:00.000Z');
const iso = (secondsFromNow: number) => new Date(NOW.getTime() + secondsFromNow * 1000).toISOString();
const H = 3600;
const D = 86_400;

const X: TokenLifecycle = {
  refreshable: true,
  refreshLeadSeconds: 600,
  rotatesRefreshToken: true,
  checkEverySeconds: 6 * H,
};
const INSTAGRAM: TokenLifecycle = {
  refreshable: true,
  refreshLeadSeconds: 7 * D,
  minAgeSeconds: D,
  rotatesRefreshToken: false,
  checkEverySeconds: 6 * H,
};
const LINKEDIN: TokenLifecycle = {
  refreshable: false,
  refreshLeadSeconds: 3 * D,
  rotatesRefreshToken: false,
  checkEverySeconds: 12 * H,
};
const PAGE: TokenLifecycle = {
  refreshable: true,
  refreshLeadSeconds: 0,
  rotatesRefreshToken: false,
  checkEverySeconds: 4 * H,
};

const facts = (lifecycle: TokenLifecycle, tokens: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  lifecycle,
  tokens,
  now: NOW,
  checkedAt: NOW,
  noticed: false,
  ...extra,
});

describe('the token schedule', () => {
  it('refreshes a 2-hour token its lead before it expires', () => {
    const tokens = { expiresAt: iso(2 * H), issuedAt: iso(0) };
    expect(nextRefreshAt(X, tokens)?.toISOString()).toBe(iso(2 * H - 600));
    expect(nextTokenStep(facts(X, tokens))).toEqual({ kind: 'refresh', at: new Date(iso(2 * H - 600)) });
    expect(isRefreshDue(X, tokens, NOW)).toBe(false);
    expect(isRefreshDue(X, tokens, new Date(iso(2 * H - 600)))).toBe(true);
  });

  it('never refreshes before the minimum age (Instagram: 24 h), even when the lead says so', () => {
    const young = { expiresAt: iso(3 * D), issuedAt: iso(-H) };
    expect(nextRefreshAt(INSTAGRAM, young)?.toISOString()).toBe(iso(D - H));
    expect(isRefreshDue(INSTAGRAM, young, NOW)).toBe(false);
    const old = { expiresAt: iso(50 * D), issuedAt: iso(-10 * D) };
    expect(nextRefreshAt(INSTAGRAM, old)?.toISOString()).toBe(iso(43 * D));
  });

  it('an expired but refreshable token is due at once (the worker was down)', () => {
    const tokens = { expiresAt: iso(-60), issuedAt: iso(-2 * H) };
    expect(isRefreshDue(X, tokens, NOW)).toBe(true);
    const step = nextTokenStep(facts(X, tokens));
    expect(step.kind).toBe('refresh');
    expect(step.at <= NOW).toBe(true);
  });

  it('checks a token without an expiry every checkEverySeconds from the last look', () => {
    const step = nextTokenStep(facts(PAGE, {}, { checkedAt: new Date(iso(-H)) }));
    expect(step).toEqual({ kind: 'check', at: new Date(iso(3 * H)) });
    expect(nextTokenStep(facts(PAGE, {}, { checkedAt: null })).at).toEqual(new Date(iso(4 * H)));
    expect(nextRefreshAt(PAGE, {})).toBeNull();
  });

  it('checks between far-apart refreshes, so a revocation is found before a post needs the token', () => {
    const step = nextTokenStep(facts(INSTAGRAM, { expiresAt: iso(50 * D), issuedAt: iso(-10 * D) }));
    expect(step).toEqual({ kind: 'check', at: new Date(iso(6 * H)) });
  });

  it('an unrefreshable token gets one re-consent notice ahead of its end, then expires', () => {
    const tokens = { expiresAt: iso(10 * D), issuedAt: iso(-50 * D) };
    const first = nextTokenStep(facts(LINKEDIN, tokens, { checkedAt: null, now: new Date(iso(3 * D + 1)) }));
    expect(first).toEqual({ kind: 'notice', at: new Date(iso(3 * D)), signal: 'reconsent_due' });
    const noticed = facts(LINKEDIN, tokens, { noticed: true, checkedAt: new Date(iso(9 * D + 23 * H)) });
    expect(nextTokenStep({ ...noticed, now: new Date(iso(9 * D + 23 * H)) })).toEqual({
      kind: 'expire',
      at: new Date(iso(10 * D)),
      signal: 'token_expired',
    });
    expect(nextRefreshAt(LINKEDIN, tokens)).toBeNull();
  });

  it('the refresh token ending ahead is noticed, and its end wins over a refresh due at the same time', () => {
    const tokens = { expiresAt: iso(H), issuedAt: iso(-H), refreshExpiresAt: iso(5 * D) };
    expect(refreshExpiryAhead(tokens, NOW)).toBe(true);
    expect(refreshExpiryAhead(tokens, NOW, 4 * D)).toBe(false);
    expect(refreshExpiryAhead({ expiresAt: iso(H) }, NOW)).toBe(false);
    expect(nextTokenStep(facts(X, tokens)).kind).toBe('notice');
    expect(nextTokenStep(facts(X, tokens, { noticed: true })).kind).toBe('refresh');
    const ended = { expiresAt: iso(-10), refreshExpiresAt: iso(-5) };
    expect(nextTokenStep(facts(X, ended))).toMatchObject({ kind: 'expire', signal: 'refresh_expired' });
  });

  it('ignores dates it cannot read instead of scheduling at NaN', () => {
    expect(nextRefreshAt(X, { expiresAt: 'soon' })).toBeNull();
    expect(nextTokenStep(facts(X, { expiresAt: 'soon' })).kind).toBe('check');
  });

  it('gives the account columns of a pair: its ends, or null when unknown or unreadable', () => {
    expect(tokenColumnsOf({ expiresAt: iso(H), refreshExpiresAt: 'never' }, NOW)).toEqual({
      tokenExpiresAt: new Date(iso(H)),
      refreshExpiresAt: null,
      tokenCheckedAt: NOW,
    });
  });
});
