/**
 * Seconds to wait before each retry, after attempts 1…7: the Standard Webhooks reference schedule (5 s, 5 min,
 * 30 min, 2 h, 5 h, 10 h, 10 h), so eight attempts over about a day and a quarter before a delivery is given up.
 */
export const DEFAULT_RETRY_DELAYS_SECONDS: readonly number[] = [5, 300, 1800, 7200, 18000, 36000, 36000];

/** ±20 %: receivers that went down together are not all hit again in the same second when they come back. */
const JITTER = 0.2;

/**
 * When the next attempt is due after `attemptsSoFar` failed attempts of this round, or null when the schedule is
 * spent (the delivery has failed). `random` in [0, 1) is injectable so tests can pin it.
 */
export function nextAttemptAt(
  attemptsSoFar: number,
  now: Date,
  delays: readonly number[] = DEFAULT_RETRY_DELAYS_SECONDS,
  random: () => number = Math.random,
): Date | null {
  const base = delays[attemptsSoFar - 1];
  if (base === undefined) return null;
  const factor = 1 - JITTER + 2 * JITTER * random();
  return new Date(now.getTime() + Math.round(base * factor * 1000));
}
