import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { digestToken, newOpaqueToken } from '../auth/tokens';

/** A review link's token (in the link's URL fragment) and a portal session's (in its cookie): random, kept hashed. */
export const newReviewLinkToken = () => newOpaqueToken('rzr');
export const newPortalSessionToken = () => newOpaqueToken('rzp');
export { digestToken };

/** The shapes a token can have: anything else is refused before it reaches the database. */
export const REVIEW_LINK_TOKEN = /^rzr_[A-Za-z0-9_-]{43}$/;
export const PORTAL_SESSION_TOKEN = /^rzp_[A-Za-z0-9_-]{43}$/;

export const newCsrfToken = () => randomBytes(32).toString('base64url');

/** A six-digit one-time code, uniformly drawn. */
export const newOneTimeCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

/**
 * The stored form of a one-time code: keyed by its link, so a dumped table gives no code that works elsewhere; six
 * digits fall to brute force offline, which is why a code also expires in minutes and allows few attempts.
 */
export const codeDigest = (linkId: string, code: string): string =>
  createHmac('sha256', linkId).update(code).digest('hex');

export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
