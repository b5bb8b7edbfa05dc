import { retryAfterSeconds, TokenBucket } from './token-bucket';

describe('TokenBucket (fake clock)', () => {
  it('[C-33] lets a burst through, then refuses with the wait until the next token', () => {
    const b = new TokenBucket(2, 3, 0);
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([0, 0, 0]);
    expect(b.take(0)).toBe(500);
    // A refusal takes nothing: the wait shrinks with time, and the token comes when it said.
    expect(b.take(200)).toBe(300);
    expect(b.take(499)).toBe(1);
    expect(b.take(500)).toBe(0);
    expect(b.take(500)).toBe(500);
  });

  it('refills at its rate and never above its burst', () => {
    const b = new TokenBucket(10, 5, 0);
    for (let i = 0; i < 5; i++) b.take(0);
    expect(b.wait(0)).toBe(100);
    expect(b.wait(100)).toBe(0);
    expect(b.full(100)).toBe(false);
    expect(b.full(500)).toBe(true);
    // An hour idle still gives one burst, no more.
    let taken = 0;
    while (b.take(3_600_000) === 0) taken++;
    expect(taken).toBe(5);
  });

  it('sustains its rate over time: 1,000 requests a second at 100/s, burst 10, let 110 through in a second', () => {
    const b = new TokenBucket(100, 10, 0);
    let passed = 0;
    for (let t = 0; t <= 1000; t++) if (b.take(t) === 0) passed++;
    expect(passed).toBe(110);
  });

  it('charge goes into debt down to one burst, and the wait grows with it', () => {
    const b = new TokenBucket(1, 2, 0);
    b.charge(0);
    b.charge(0);
    expect(b.wait(0)).toBe(1000);
    b.charge(0);
    expect(b.wait(0)).toBe(2000);
    for (let i = 0; i < 100; i++) b.charge(0);
    // Floor at -burst: one token needs 3 s of refill, however many failures came at once.
    expect(b.wait(0)).toBe(3000);
    expect(b.wait(3000)).toBe(0);
  });

  it('a clock stepping back neither adds nor removes tokens', () => {
    const b = new TokenBucket(1, 1, 10_000);
    expect(b.take(10_000)).toBe(0);
    expect(b.take(5_000)).toBe(1000);
    expect(b.take(11_000)).toBe(0);
  });

  it('refuses a rate or burst it could not honour', () => {
    expect(() => new TokenBucket(0, 1, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(1, 0, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(Number.NaN, 1, 0)).toThrow(RangeError);
  });

  it('Retry-After is whole seconds, rounded up, at least 1', () => {
    expect([retryAfterSeconds(1), retryAfterSeconds(999), retryAfterSeconds(1000), retryAfterSeconds(1001)]).toEqual([
      1, 1, 1, 2,
    ]);
  });
});
