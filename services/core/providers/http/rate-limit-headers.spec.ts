import { parseGoDuration, retryAfterMsFrom } from './rate-limit-headers';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const h = (init: Record<string, string>) => new Headers(init);

describe('retryAfterMsFrom', () => {
  it('reads Retry-After in seconds and as an HTTP-date', () => {
    expect(retryAfterMsFrom(h({ 'retry-after': '12' }), NOW)).toBe(12_000);
    expect(retryAfterMsFrom(h({ 'retry-after': 'Mon, 02 Mar 2026 10:00:30 GMT' }), NOW)).toBe(30_000);
  });

  it('prefers retry-after-ms, the precise form OpenAI and Anthropic add', () => {
    expect(retryAfterMsFrom(h({ 'retry-after-ms': '1500', 'retry-after': '2' }), NOW)).toBe(1500);
  });

  it("reads OpenAI's reset durations, the exhausted limit first", () => {
    const headers = h({
      'x-ratelimit-remaining-requests': '10',
      'x-ratelimit-reset-requests': '20ms',
      'x-ratelimit-remaining-tokens': '0',
      'x-ratelimit-reset-tokens': '6m0s',
    });
    expect(retryAfterMsFrom(headers, NOW)).toBe(360_000);
  });

  it("reads Anthropic's RFC 3339 reset instants", () => {
    const headers = h({
      'anthropic-ratelimit-tokens-remaining': '0',
      'anthropic-ratelimit-tokens-reset': '2026-03-02T10:00:05Z',
    });
    expect(retryAfterMsFrom(headers, NOW)).toBe(5000);
  });

  it("reads OpenRouter's epoch-millisecond reset", () => {
    expect(retryAfterMsFrom(h({ 'x-ratelimit-reset': String(NOW + 4000) }), NOW)).toBe(4000);
  });

  it('says nothing when the vendor says nothing', () => {
    expect(retryAfterMsFrom(h({}), NOW)).toBeUndefined();
    expect(retryAfterMsFrom(h({ 'x-ratelimit-reset-requests': 'soon' }), NOW)).toBeUndefined();
  });
});

describe('parseGoDuration', () => {
  it.each([
    ['1s', 1000],
    ['6m0s', 360_000],
    ['1h2m3.5s', 3_723_500],
    ['20ms', 20],
  ])('%s → %d ms', (v, ms) => expect(parseGoDuration(v)).toBe(ms));

  it('refuses what is not a duration', () => {
    expect(parseGoDuration('12')).toBeUndefined();
    expect(parseGoDuration('1d')).toBeUndefined();
  });
});
