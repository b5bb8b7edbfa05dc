/** How a call is retried; random and sleep are injectable so tests can see every delay. */
export interface RetryOptions {
  /** attempts in all, the first included */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** [0, 1) */
  random: () => number;
  sleep: (ms: number) => Promise<void>;
}

/**
 * Exponential backoff with full jitter (a uniform delay in [0, base·2^(attempt-1)], capped): clients that failed
 * together do not come back together. A vendor's Retry-After wins when it asks for longer.
 */
export function backoffDelay(
  attempt: number,
  opts: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>,
  retryAfterMs?: number,
): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.floor(opts.random() * ceiling);
  return retryAfterMs !== undefined && retryAfterMs > jittered ? retryAfterMs : jittered;
}

export const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
