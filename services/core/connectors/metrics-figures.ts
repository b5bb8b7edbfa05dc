import { z } from 'zod';
import { ConnectorError } from './connector.errors';

/**
 * What the metrics readers share: a count as platforms send it (a number, or a decimal string as YouTube sends its
 * unsigned longs), the sum of the interactions a platform gives, and a figure whose read the connection may lack
 * the permission for.
 */
export const countSchema = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d{1,18}$/)
    .transform(Number),
]);

/** The sum of the figures given; null when none is (a sum of unknowns is unknown, not 0). */
export function sumKnown(...figures: (number | null | undefined)[]): number | null {
  const known = figures.filter((f): f is number => typeof f === 'number');
  return known.length ? known.reduce((a, b) => a + b, 0) : null;
}

/**
 * A figure the connection may not be allowed to read (an analytics permission the account's consent did not grant):
 * null instead of failing the whole reading. A refused token, a rate limit or an outage still throws: those are the
 * episode's to classify.
 */
export async function optionalFigure<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ConnectorError && err.details.health === 'missing_permissions') return null;
    throw err;
  }
}

/**
 * An analytics permission a connection lacks, in an operator's words, for standing().missing: the account still
 * publishes; only its reports miss `lacks` until it is connected again (the consent now asks for the permission).
 */
export function missingInsightsWords(
  permission: string,
  lacks = 'reach and impressions',
  noun: 'permission' | 'scope' = 'permission',
): string {
  return `the ${permission} ${noun} (reports will lack ${lacks} until reconnected)`;
}

const DAY_MS = 86_400_000;

/** A UTC day's bounds; `day` is YYYY-MM-DD. */
export function utcDay(day: string): { start: Date; end: Date } {
  const start = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(start.getTime()))
    throw new ConnectorError('permanent', 'a metrics day must be YYYY-MM-DD');
  return { start, end: new Date(start.getTime() + DAY_MS) };
}
