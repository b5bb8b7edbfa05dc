import { createHmac } from 'node:crypto';
import { safeEqual } from './timing-safe';
import type { Verdict } from './verdict';
import { freshTimestamp, refused, VERIFIED } from './verdict';

export interface StandardHeaders {
  id?: string;
  timestamp?: string;
  signature?: string;
}

const V1 = /^v1,([A-Za-z0-9+/]{43}=)$/;

/** `v1,<base64 HMAC-SHA256(key, "${id}.${timestamp}.${body}")>`, the Standard Webhooks symmetric signature. */
export function signStandard(key: Buffer, id: string, timestamp: string, body: Buffer | string): string {
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest('base64');
  return `v1,${mac}`;
}

/**
 * Standard Webhooks (https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md):
 * `webhook-id`, `webhook-timestamp` (Unix seconds, within the tolerance) and `webhook-signature`, a space-separated
 * list of `v1,<base64>` during a rotation. Any v1 signature made with any of our keys verifies; other versions are
 * skipped, as the spec says. Every pair is compared, without an early exit.
 */
export function verifyStandard(
  keys: readonly Buffer[],
  body: Buffer,
  h: StandardHeaders,
  o: { nowMs: number; toleranceSeconds: number },
): Verdict {
  if (!keys.length) return refused('not_configured');
  if (!h.id || !h.timestamp || !h.signature) return refused('missing_signature');
  if (!/^[\x21-\x7e]{1,256}$/.test(h.id)) return refused('bad_signature');
  const fresh = freshTimestamp(h.timestamp, o.nowMs, o.toleranceSeconds);
  if (fresh === false) return refused('stale_timestamp');
  const given = h.signature
    .split(' ')
    .map((s) => V1.exec(s)?.[1])
    .filter((s): s is string => s !== undefined)
    .map((s) => Buffer.from(s, 'base64'));
  if (!given.length) return refused('bad_signature');
  let ok = false;
  for (const key of keys) {
    const expected = createHmac('sha256', key).update(`${h.id}.${h.timestamp}.`).update(body).digest();
    for (const g of given) ok = safeEqual(g, expected) || ok;
  }
  return ok ? VERIFIED : refused('bad_signature');
}
