import { createHash } from 'node:crypto';
import { hexChallenge } from './tiktok-oauth';

describe('TikTok’s PKCE challenge', () => {
  it('is the same SHA-256 digest, hex-encoded instead of base64url', () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    const base64url = createHash('sha256').update(verifier).digest('base64url');
    expect(hexChallenge(base64url)).toBe(createHash('sha256').update(verifier).digest('hex'));
  });

  it('refuses something that is not a SHA-256 digest', () => {
    expect(() => hexChallenge('abc')).toThrow(/not a SHA-256 digest/);
  });
});
