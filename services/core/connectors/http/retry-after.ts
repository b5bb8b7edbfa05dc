/** What we wait when a platform says 429 without a usable Retry-After. */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

const DELTA_SECONDS = /^\d+$/;
// IMF-fixdate, RFC 850 and asctime all name a month; a bare number never reaches this branch.
const HTTP_DATE = /[A-Za-z]{3}/;

/**
 * Retry-After as RFC 9110 §10.2.3 allows it: delta-seconds or an HTTP-date. A date in the past means "now";
 * anything unreadable falls back to the default rather than to zero, so a garbled header never causes a
 * burst of retries.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number {
  const v = value?.trim();
  if (!v) return DEFAULT_RETRY_AFTER_SECONDS;
  if (DELTA_SECONDS.test(v)) return Number(v);
  if (!HTTP_DATE.test(v)) return DEFAULT_RETRY_AFTER_SECONDS;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return DEFAULT_RETRY_AFTER_SECONDS;
  return Math.max(0, Math.ceil((at - now) / 1000));
}
