import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { canonicalJson } from '../../core/util/canonical-json';

/** base64url HMAC-SHA256 of the definition's canonical JSON: key order and jsonb round trips never change it. */
export function signDefinition(key: Buffer, definition: unknown): string {
  return createHmac('sha256', key).update(canonicalJson(definition)).digest('base64url');
}

/** Constant-time check of a row's signature against its definition. */
export function signatureMatches(key: Buffer, definition: unknown, signature: string): boolean {
  const expected = Buffer.from(signDefinition(key, definition));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Names the key a row was signed with without revealing it (a rotated key shows as a different id). */
export function registryKeyId(key: Buffer): string {
  return `hmac-sha256:${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
}

/** Whether two definitions are the same content, whatever their key order. */
export function sameDefinition(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
