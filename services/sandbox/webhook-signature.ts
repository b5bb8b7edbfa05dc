// Signing and verification of sandbox webhook bodies: `x-sandbox-signature: sha256=<hex HMAC-SHA256(secret, rawBody)>`.
// Shared by the dispatcher, webhook receivers and tests.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-sandbox-signature';
export const DELIVERY_HEADER = 'x-sandbox-delivery';
export const TIMESTAMP_HEADER = 'x-sandbox-timestamp';

export function signSandboxPayload(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** True when `header` is `sha256=<hex>` and matches the HMAC of the exact raw body bytes. Never throws. */
export function verifySandboxSignature(secret: string, rawBody: Buffer | string, header: string): boolean {
  if (typeof header !== 'string') return false;
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  const given = Buffer.from(match[1]!, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
