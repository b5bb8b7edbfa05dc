import type { PlatformUsage } from '../connector.types';
import { containsUrl } from './x-text';

/**
 * What X bills per write under pay-per-use (https://docs.x.com/x-api/getting-started/pricing, "Content: Create" and
 * "Content: Create (with URL)"), in micro-dollars. The one place these figures live: X changes them in its
 * Developer Console, and the recorded usage is only as right as this table.
 */
export const X_COSTS_USD_MICROS = {
  postCreate: 15_000,
  postCreateWithUrl: 200_000,
} as const;

/** The cost of creating this post: a post with a link is billed at the link rate. */
export function postCreateUsage(text: string): PlatformUsage {
  const withUrl = containsUrl(text);
  return {
    unit: 'usd_micros',
    amount: withUrl ? X_COSTS_USD_MICROS.postCreateWithUrl : X_COSTS_USD_MICROS.postCreate,
    operation: withUrl ? 'POST /2/tweets with a link' : 'POST /2/tweets',
  };
}
