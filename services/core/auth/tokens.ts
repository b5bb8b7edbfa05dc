import { createHash, randomBytes } from 'node:crypto';

/** Opaque bearer secrets: random, shown once, stored only as a SHA-256 digest (fast to look up, useless if dumped). */
export function newOpaqueToken(prefix: string): { token: string; hash: string; display: string } {
  const token = `${prefix}_${randomBytes(32).toString('base64url')}`;
  return { token, hash: digestToken(token), display: token.slice(0, prefix.length + 7) };
}

export function digestToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
