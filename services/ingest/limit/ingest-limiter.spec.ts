import type { IngestLimits } from '../ingest-config';
import { IngestLimiter } from './ingest-limiter';

const limits = (o: Partial<IngestLimits> = {}): IngestLimits => ({
  sources: { sandbox: { ratePerSecond: 1, burst: 2 }, meta: { ratePerSecond: 1, burst: 2 }, standard: null },
  unverified: { burst: 2, perMinute: 60 },
  maxAddresses: 100,
  trustedProxies: [],
  ...o,
});

function setup(o: Partial<IngestLimits> = {}) {
  let now = 0;
  const lines: { fields: Record<string, unknown>; msg: string }[] = [];
  const log = {
    debug: () => undefined,
    warn: (fields: Record<string, unknown>, msg: string) => lines.push({ fields, msg }),
  };
  const limiter = new IngestLimiter({ limits: limits(o), log, clock: () => now, reportEveryMs: 10_000 });
  return { limiter, lines, tick: (ms: number) => (now += ms) };
}

describe('IngestLimiter (fake clock)', () => {
  it('[C-33] one bucket per source: a flood on one endpoint leaves the others their capacity', () => {
    const { limiter } = setup();
    expect(limiter.admit('sandbox', 'a').ok).toBe(true);
    expect(limiter.admit('sandbox', 'b').ok).toBe(true);
    expect(limiter.admit('sandbox', 'c')).toEqual({ ok: false, reason: 'source_rate_limited', retryAfterSeconds: 1 });
    expect(limiter.admit('meta', 'a').ok).toBe(true);
    // A source configured without a limit is never refused by one.
    for (let i = 0; i < 1000; i++) expect(limiter.admit('standard', 'a').ok).toBe(true);
    expect(limiter.stats.source_rate_limited).toEqual({ sandbox: 1, meta: 0, standard: 0 });
  });

  it('[C-33] an address over its failure budget is refused before its source spends a token on it', () => {
    const { limiter, tick } = setup({
      sources: { sandbox: { ratePerSecond: 1, burst: 3 }, meta: null, standard: null },
    });
    limiter.failedVerification('bad');
    limiter.failedVerification('bad');
    for (let i = 0; i < 100; i++)
      expect(limiter.admit('sandbox', 'bad')).toEqual({
        ok: false,
        reason: 'address_rate_limited',
        retryAfterSeconds: 1,
      });
    // The sandbox's three tokens are all still there for a valid sender.
    expect([1, 2, 3].map(() => limiter.admit('sandbox', 'good').ok)).toEqual([true, true, true]);
    expect(limiter.stats.address_rate_limited.sandbox).toBe(100);
    tick(1000);
    expect(limiter.admit('meta', 'bad').ok).toBe(true);
  });

  it('is off where configured off', () => {
    const { limiter } = setup({ sources: { sandbox: null, meta: null, standard: null }, unverified: null });
    for (let i = 0; i < 100; i++) limiter.failedVerification('bad');
    expect(limiter.admit('sandbox', 'bad').ok).toBe(true);
    expect(limiter.trackedAddresses).toBe(0);
  });

  it('logs a refusal count per source and reason, at most once an interval, and never the address', () => {
    const { limiter, lines, tick } = setup();
    limiter.failedVerification('203.0.113.7');
    limiter.failedVerification('203.0.113.7');
    for (let i = 0; i < 5; i++) limiter.admit('meta', '203.0.113.7');
    for (let i = 0; i < 12; i++) limiter.admit('sandbox', 'x');
    expect(lines.map((l) => [l.fields['raize.platform'], l.fields['raize.outcome']])).toEqual([
      ['meta', 'address_rate_limited'],
      ['sandbox', 'source_rate_limited'],
    ]);
    tick(10_000);
    // 10 s refill 10 tokens (burst 2): two pass, the third is refused and reports what the interval held.
    for (let i = 0; i < 3; i++) limiter.admit('sandbox', 'x');
    expect(lines.at(-1)!.msg).toBe('ingest requests refused by a rate limit: 10 since the last report, 11 in all');
    expect(lines.at(-1)!.fields).toEqual({
      'raize.platform': 'sandbox',
      'raize.outcome': 'source_rate_limited',
      'http.status_code': 429,
    });
    expect(JSON.stringify(lines)).not.toContain('203.0.113.7');
  });
});
