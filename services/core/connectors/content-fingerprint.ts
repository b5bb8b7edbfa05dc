import { createHash } from 'node:crypto';
import type { PublishContent } from './connector.types';

/**
 * What a platform shows back of a post, hashed. Used to find a post whose creation outcome we do not know;
 * whitespace is normalised because platforms trim.
 */
export function contentFingerprint(content: Pick<PublishContent, 'text'>): string {
  const normalised = content.text.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}

/** The account fingerprint: a digest of the platform and the account id the platform reports. */
export function accountFingerprint(platform: string, externalAccountId: string): string {
  return createHash('sha256').update(`${platform}\n${externalAccountId}`, 'utf8').digest('hex');
}
