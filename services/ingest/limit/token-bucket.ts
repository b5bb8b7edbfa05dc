// Fractions of a token add up in floating point (0.1 + 0.2 …): a token that is there to within this counts as there.
const EPSILON = 1e-9;

/**
 * A token bucket on a caller-given clock (milliseconds, monotonic): `burst` tokens at most, refilled at
 * `ratePerSecond`. O(1) and two numbers of state, so one can be kept per source and per remote address.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new RangeError('a token bucket needs a rate > 0 and a burst >= 1');
    this.tokens = burst;
    this.last = nowMs;
  }

  /** Takes a token when there is one: 0, else the milliseconds until there will be one (nothing taken). */
  take(nowMs: number): number {
    this.refill(nowMs);
    if (this.tokens >= 1 - EPSILON) {
      this.tokens -= 1;
      return 0;
    }
    return this.msUntilToken();
  }

  /**
   * Takes a token whether or not there is one, down to a debt of one burst. For costs known only afterwards (a
   * failed verification): requests that were let in together and all failed push the wait out in proportion, while
   * the floor keeps the wait bounded.
   */
  charge(nowMs: number): void {
    this.refill(nowMs);
    this.tokens = Math.max(this.tokens - 1, -this.burst);
  }

  /** Milliseconds until a token is there (0: one is there now); takes nothing. */
  wait(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens >= 1 - EPSILON ? 0 : this.msUntilToken();
  }

  /** Refilled to the brim: keeping it would remember nothing. */
  full(nowMs: number): boolean {
    this.refill(nowMs);
    return this.tokens >= this.burst - EPSILON;
  }

  private msUntilToken(): number {
    return Math.max(1, Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000 - EPSILON * 1000));
  }

  private refill(nowMs: number): void {
    // A clock that steps back (it should not: callers pass a monotonic one) neither adds nor removes tokens.
    const elapsed = Math.max(0, nowMs - this.last);
    this.last = Math.max(this.last, nowMs);
    this.tokens = Math.min(this.burst, this.tokens + (elapsed / 1000) * this.ratePerSecond);
  }
}

/** Retry-After is whole seconds (RFC 9110 §10.2.3); rounded up so a client that waits that long gets a token. */
export const retryAfterSeconds = (waitMs: number): number => Math.max(1, Math.ceil(waitMs / 1000));
