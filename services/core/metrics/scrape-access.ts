import { createHash, timingSafeEqual } from 'node:crypto';
import type { RaizeEnv } from '../config/app-config';

export type ScrapeAccess = 'allow' | 'unauthorized' | 'disabled';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Who may read `/metrics`. With a scrape token configured, only a request carrying it (`Authorization: Bearer …`).
 * Without one, development and tests answer anyone (the API binds to 127.0.0.1 there), and production serves no
 * metrics at all: a deployment opts in by giving Prometheus a token, never by leaving the endpoint open.
 */
export function scrapeAccess(o: { env: RaizeEnv; token?: string }, authorization: string | undefined): ScrapeAccess {
  if (!o.token) return o.env === 'production' ? 'disabled' : 'allow';
  const sent = /^Bearer\s+(\S+)$/.exec(authorization ?? '')?.[1];
  // Digests first: equal lengths for the constant-time compare, and the token's length is not told either.
  return sent && timingSafeEqual(digest(sent), digest(o.token)) ? 'allow' : 'unauthorized';
}
