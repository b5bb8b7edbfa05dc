import { createHash } from 'node:crypto';

/**
 * 16 hex digits of the key's sha256: enough to tell "the same key again" from a new one, far too little (and the
 * wrong direction) to recover anything of a high-entropy API key. The only thing derived from a key that is stored.
 */
export function keyFingerprint(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex').slice(0, 16);
}
