import { createHash, randomBytes } from 'node:crypto';

export function randomUrlToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** RFC 7636 S256: the challenge goes out with the authorize request, the verifier only to the token endpoint. */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
