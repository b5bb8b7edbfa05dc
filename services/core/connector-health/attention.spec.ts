import type { AttentionFacts } from './attention';
import { deriveAttention, worstSeverity } from './attention';

const NOW = new Date('2026-11-22T12:00:00.000Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

const healthy = (over: Partial<AttentionFacts> = {}): AttentionFacts => ({
  platformName: 'Instagram',
  status: 'connected',
  statusReason: null,
  token: {
    expiresAt: at(40),
    refreshExpiresAt: null,
    checkedAt: at(-1),
    refreshable: true,
    nextRefreshAt: at(33),
    signInAgainBy: null,
  },
  apiVersion: { version: 'v24.0', sunsetsAt: '2028-01-01', daysToSunset: 404, source: 'page' },
  restrictions: [],
  missing: [],
  quotas: [],
  recentErrors: [],
  lastSuccessAt: at(-1),
  now: NOW,
  ...over,
});
const codes = (f: AttentionFacts) => deriveAttention(f).map((i) => `${i.code}:${i.severity}`);

describe('deriveAttention', () => {
  it('has nothing to say about a healthy account or a disconnected one', () => {
    expect(deriveAttention(healthy())).toEqual([]);
    expect(deriveAttention(healthy({ status: 'disconnected', statusReason: 'token_revoked' }))).toEqual([]);
  });

  it('says why an account needs reconnecting, from its status reason', () => {
    const [item] = deriveAttention(healthy({ status: 'needs_reconnect', statusReason: 'refresh_expired' }));
    expect(item).toMatchObject({ code: 'refresh_expired', signal: 'refresh_expired', severity: 'critical' });
    expect(item!.headline).toContain('Instagram');
    expect(codes(healthy({ status: 'needs_reconnect', statusReason: 'something else' }))).toEqual([
      'token_revoked:critical',
    ]);
  });

  it('names quarantine and read-only as Raize’s own states', () => {
    expect(deriveAttention(healthy({ status: 'quarantined' }))[0]).toMatchObject({
      code: 'account_quarantined',
      signal: null,
      severity: 'critical',
    });
    expect(codes(healthy({ status: 'read_only' }))).toEqual(['account_read_only:warning']);
  });

  it('reads the token schedule: re-consent due soon, an overdue refresh, an ended refresh token', () => {
    const token = healthy().token;
    expect(codes(healthy({ token: { ...token, refreshable: false, expiresAt: at(3), signInAgainBy: at(3) } }))).toEqual(
      ['reconsent_due:warning'],
    );
    expect(codes(healthy({ token: { ...token, refreshable: false, expiresAt: at(-1) } }))).toEqual([
      'token_expired:critical',
    ]);
    expect(codes(healthy({ token: { ...token, expiresAt: at(-0.1) } }))).toEqual(['token_expired:warning']);
    expect(codes(healthy({ token: { ...token, refreshExpiresAt: at(-1), signInAgainBy: at(-1) } }))).toEqual([
      'refresh_expired:critical',
    ]);
    expect(codes(healthy({ token: { ...token, refreshExpiresAt: at(20), signInAgainBy: at(20) } }))).toEqual([]);
  });

  it('warns of an API version that retires within 60 days and is critical once it has', () => {
    const soon = deriveAttention(
      healthy({ apiVersion: { version: 'v21.0', sunsetsAt: '2027-01-21', daysToSunset: 59, source: 'p' } }),
    );
    expect(soon).toEqual([
      expect.objectContaining({
        code: 'api_version_sunset',
        severity: 'warning',
        headline: 'Instagram retires API version v21.0 in 59 days',
      }),
    ]);
    expect(
      codes(healthy({ apiVersion: { version: 'v20.0', sunsetsAt: '2026-09-24', daysToSunset: -60, source: 'p' } })),
    ).toEqual(['api_version_sunset:critical']);
    expect(
      codes(healthy({ apiVersion: { version: 'v', sunsetsAt: '2026-11-22', daysToSunset: 0, source: 'p' } })),
    ).toEqual(['api_version_sunset:critical']);
    expect(
      codes(healthy({ apiVersion: { version: 'v', sunsetsAt: '2027-01-22', daysToSunset: 60, source: 'p' } })),
    ).toEqual([]);
  });

  it('lists restrictions with the connector’s own words, missing permissions, and full meters', () => {
    const items = deriveAttention(
      healthy({
        restrictions: [{ code: 'private_only', message: 'Request the audit, then mark the project audited.' }],
        missing: ['the CREATE_CONTENT task on the Page'],
        quotas: [
          { id: 'a', label: 'Posts', used: 25, limit: 25, unit: 'posts', resetsAt: at(0.5).toISOString() },
          { id: 'b', label: 'Units', used: 9_000, limit: 10_000, unit: 'quota_units' },
          { id: 'c', label: 'Stale', used: 10, limit: 10, unit: 'quota_units', resetsAt: at(-0.5).toISOString() },
        ],
      }),
    );
    expect(items.map((i) => i.code)).toEqual(['missing_permissions', 'private_only', 'daily_limit']);
    expect(items.find((i) => i.code === 'private_only')!.whatToDo).toBe(
      'Request the audit, then mark the project audited.',
    );
    expect(items.find((i) => i.code === 'missing_permissions')!.whatToDo).toContain('CREATE_CONTENT');
  });

  it('counts only the errors since the last call that worked, once per signal, most severe first', () => {
    const err = (days: number, signal: 'rate_limited' | 'action_blocked' | null) => ({
      at: at(days).toISOString(),
      signal,
      kind: 'permanent',
      status: 400,
      platformCode: null,
      message: 'm',
      whatToDo: 'w',
    });
    const items = deriveAttention(
      healthy({
        lastSuccessAt: at(-2),
        recentErrors: [err(-0.5, 'rate_limited'), err(-1, 'action_blocked'), err(-1.5, 'rate_limited'), err(-3, null)],
      }),
    );
    expect(items.map((i) => `${i.code}:${i.severity}`)).toEqual(['action_blocked:critical', 'rate_limited:info']);
    expect(worstSeverity(items)).toBe('critical');
    expect(codes(healthy({ lastSuccessAt: at(0), recentErrors: [err(-1, 'action_blocked')] }))).toEqual([]);
    // A refused token, then a reconnect (the token's check is newer): over, though no post has gone out since.
    const refused = { ...err(-1, null), signal: 'token_revoked' as const };
    const token = healthy().token;
    expect(
      codes(healthy({ lastSuccessAt: null, recentErrors: [refused], token: { ...token, checkedAt: at(-2) } })),
    ).toEqual(['token_revoked:critical']);
    expect(
      codes(healthy({ lastSuccessAt: null, recentErrors: [refused], token: { ...token, checkedAt: at(-0.5) } })),
    ).toEqual([]);
    expect(worstSeverity([])).toBeNull();
  });
  it('raises posts removed or changed on the platform after publishing (issue #15), with how many', () => {
    const [item] = deriveAttention(healthy({ brokenReceipts: 2 }));
    expect(item).toMatchObject({ code: 'receipts_broken', signal: null, severity: 'warning' });
    expect(item!.headline).toBe('Posts were removed or changed on Instagram after publishing: 2 in the last 7 days');
    expect(deriveAttention(healthy({ brokenReceipts: 0 }))).toEqual([]);
  });
});
