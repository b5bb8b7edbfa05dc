import { timingSafeEqual } from 'node:crypto';

/**
 * Constant-time equality that never throws: `timingSafeEqual` throws on unequal lengths, and a length check that
 * returns early only tells an attacker the length of a MAC, which is public anyway (C-31).
 */
export function safeEqual(given: Buffer, expected: Buffer): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}
