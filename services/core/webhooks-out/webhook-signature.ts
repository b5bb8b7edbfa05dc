import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'whsec_';

/** A new signing secret in the Standard Webhooks form: `whsec_` and the base64 of 32 random bytes. */
export function generateWebhookSecret(): string {
  return PREFIX + randomBytes(32).toString('base64');
}

/** The HMAC key a `whsec_…` secret stands for (the base64 after the prefix). */
function keyOf(secret: string): Buffer {
  if (!secret.startsWith(PREFIX)) throw new Error('a webhook secret starts with whsec_');
  const key = Buffer.from(secret.slice(PREFIX.length), 'base64');
  if (key.length < 16) throw new Error('a webhook secret holds 16 bytes at least');
  return key;
}

/**
 * One `v1,` signature per Standard Webhooks: base64 of HMAC-SHA256 over `${id}.${timestamp}.${body}` with the
 * secret's key. The body is signed as the exact bytes sent.
 */
export function signWebhook(secret: string, msgId: string, timestamp: number, body: string | Buffer): string {
  const mac = createHmac('sha256', keyOf(secret));
  mac.update(`${msgId}.${timestamp}.`);
  mac.update(body);
  return `v1,${mac.digest('base64')}`;
}

/** The `webhook-signature` header: one signature per secret in effect (two during a rotation), space-separated. */
export function signatureHeader(secrets: readonly string[], msgId: string, timestamp: number, body: string): string {
  return secrets.map((s) => signWebhook(s, msgId, timestamp, body)).join(' ');
}

/** Whether `header` carries a valid v1 signature of the message under `secret` (constant-time, length-safe). */
export function hasValidSignature(
  secret: string,
  header: string,
  msgId: string,
  timestamp: number,
  body: string,
): boolean {
  const expected = Buffer.from(signWebhook(secret, msgId, timestamp, body));
  return header
    .split(' ')
    .map((s) => Buffer.from(s))
    .some((s) => s.length === expected.length && timingSafeEqual(s, expected));
}
