import { createHmac } from 'node:crypto';
import { safeEqual } from './timing-safe';
import type { Verdict } from './verdict';
import { refused, VERIFIED } from './verdict';

/**
 * Meta's scheme for Instagram and Facebook Pages webhooks: `X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret,
 * raw payload)>` (https://developers.facebook.com/docs/graph-api/webhooks/getting-started, "Validate Payloads"). Meta
 * sends no timestamp and no delivery id: replays are stopped by the dedupe on the comment or message id.
 */
export function verifyMeta(appSecrets: readonly Buffer[], body: Buffer, header: string | undefined): Verdict {
  if (!appSecrets.length) return refused('not_configured');
  if (!header) return refused('missing_signature');
  // Lower-case hex is what Meta sends; anything else (sha1=, upper case, a short value) is not this scheme.
  const m = /^sha256=([0-9a-f]{64})$/.exec(header);
  if (!m) return refused('bad_signature');
  const given = Buffer.from(m[1]!, 'hex');
  let ok = false;
  for (const key of appSecrets) ok = safeEqual(given, createHmac('sha256', key).update(body).digest()) || ok;
  return ok ? VERIFIED : refused('bad_signature');
}

/**
 * The subscription handshake: GET ?hub.mode=subscribe&hub.verify_token=…&hub.challenge=… is answered with the
 * challenge when the token is ours (same reference page, "Verification Requests"). The challenge is echoed as plain
 * text, so only a short run of safe characters is accepted.
 */
export function metaChallenge(verifyToken: Buffer | null, query: URLSearchParams): string | null {
  if (!verifyToken) return null;
  const token = query.get('hub.verify_token');
  const challenge = query.get('hub.challenge');
  if (query.get('hub.mode') !== 'subscribe' || token === null || challenge === null) return null;
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(challenge)) return null;
  return safeEqual(Buffer.from(token, 'utf8'), verifyToken) ? challenge : null;
}
