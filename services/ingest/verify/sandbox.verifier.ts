import { createHmac } from 'node:crypto';
import { safeEqual } from './timing-safe';
import type { Verdict } from './verdict';
import { freshTimestamp, refused, VERIFIED } from './verdict';

export interface SandboxHeaders {
  signature?: string;
  timestamp?: string;
  delivery?: string;
}

/**
 * The sandbox's scheme (services/sandbox/webhook-signature.ts): `x-sandbox-signature: sha256=<hex HMAC-SHA256(secret,
 * raw body)>`, with `x-sandbox-timestamp` and `x-sandbox-delivery`. The MAC covers the body only, so the timestamp
 * limits nothing a replayer cannot rewrite: the delivery-id dedupe is what stops replays of this scheme.
 */
export function verifySandbox(
  keys: readonly Buffer[],
  body: Buffer,
  h: SandboxHeaders,
  o: { nowMs: number; toleranceSeconds: number },
): Verdict {
  if (!keys.length) return refused('not_configured');
  if (!h.signature || !h.timestamp || !h.delivery) return refused('missing_signature');
  const m = /^sha256=([0-9a-f]{64})$/.exec(h.signature);
  if (!m) return refused('bad_signature');
  const fresh = freshTimestamp(h.timestamp, o.nowMs, o.toleranceSeconds);
  if (!fresh) return refused('stale_timestamp');
  const given = Buffer.from(m[1]!, 'hex');
  // Every key is tried (no early exit): the time taken says nothing about which one matched.
  let ok = false;
  for (const key of keys) ok = safeEqual(given, createHmac('sha256', key).update(body).digest()) || ok;
  return ok ? VERIFIED : refused('bad_signature');
}
