import { DEFAULT_RETRY_AFTER_SECONDS, parseRetryAfter } from './retry-after';

describe('parseRetryAfter (RFC 9110 §10.2.3)', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');

  it('[C-52] reads delta-seconds', () => {
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 120 ', now)).toBe(120);
  });

  it('[C-52] reads an HTTP-date in each of the three forms, counting from now', () => {
    expect(parseRetryAfter('Sun, 01 Mar 2026 12:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter('Sunday, 01-Mar-26 12:00:10 GMT', now)).toBe(10);
    expect(parseRetryAfter('Sun, 01 Mar 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('falls back to the default on anything else', () => {
    for (const v of [undefined, null, '', '-5', '1.5', 'later', 'Mon, 99 Foo 2026'])
      expect(parseRetryAfter(v, now)).toBe(DEFAULT_RETRY_AFTER_SECONDS);
    expect(DEFAULT_RETRY_AFTER_SECONDS).toBe(60);
  });
});
