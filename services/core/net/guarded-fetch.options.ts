import { z } from 'zod';
import type { IpRange } from './ip-address';
import { parseRange } from './ip-address';

/** One answer of a name lookup, as `dns.lookup(name, { all: true })` gives it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it has. Injectable so tests can play a rebinding DNS server. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardedFetchOptions {
  /** extra request headers; `authorization` and `cookie` are dropped when a redirect leaves the origin */
  headers?: Record<string, string>;
  /** body cap in bytes, counted as the body streams in (after decompression); default 10 MB */
  maxBytes?: number;
  /** cap on the whole fetch, redirects and body included; default 10 s */
  timeoutMs?: number;
  /** default 5 */
  maxRedirects?: number;
  /** plain http is refused unless the deployment allows it */
  allowHttp?: boolean;
  /** private ranges (CIDR) a deployment reaches on purpose, e.g. an intranet wiki; empty by default */
  allowPrivate?: readonly string[];
  /** default: `dns.lookup(name, { all: true })` */
  resolver?: Resolver;
  /** the caller's cancellation (an activity's) */
  signal?: AbortSignal;
  /** GET unless given; a request with a body (a webhook delivery) is never redirected: its body and signature would follow */
  method?: 'GET' | 'POST';
  body?: Buffer;
}

export interface GuardedFetchResponse {
  status: number;
  /** the final URL, after redirects */
  url: string;
  /** lower-case names; repeated headers joined with `, ` */
  headers: Record<string, string>;
  contentType?: string;
  body: Buffer;
  /** the checked address the last hop's socket was pinned to */
  remoteAddress?: string;
}

export interface ResolvedFetchOptions {
  headers: Record<string, string>;
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  allowHttp: boolean;
  allowPrivate: IpRange[];
  resolver?: Resolver;
  signal?: AbortSignal;
  method: 'GET' | 'POST';
  body?: Buffer;
}

export const FETCH_DEFAULTS = { maxBytes: 10 * 1024 * 1024, timeoutMs: 10_000, maxRedirects: 5 } as const;

const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

/**
 * What the deployment configures (C-35): `RAIZE_FETCH_ALLOW_HTTP=1` lets plain http through, and
 * `RAIZE_FETCH_ALLOW_PRIVATE` lists the private CIDRs fetches may reach. Both default to off: an operator must
 * decide to open them, and a bad range stops the process at start-up instead of being ignored.
 */
const envSchema = z.object({
  RAIZE_FETCH_ALLOW_HTTP: z.enum(['0', '1']).optional(),
  RAIZE_FETCH_ALLOW_PRIVATE: csv.refine(
    (list) => list.every((c) => tryRange(c)),
    'RAIZE_FETCH_ALLOW_PRIVATE must be a comma-separated list of CIDR ranges',
  ),
});

function tryRange(c: string): boolean {
  try {
    parseRange(c);
    return true;
  } catch {
    return false;
  }
}

/** The fetch options a deployment's environment sets; callers spread them under their own. */
export function fetchOptionsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
): Pick<GuardedFetchOptions, 'allowHttp' | 'allowPrivate'> {
  const parsed = envSchema.parse(env);
  return { allowHttp: parsed.RAIZE_FETCH_ALLOW_HTTP === '1', allowPrivate: parsed.RAIZE_FETCH_ALLOW_PRIVATE };
}

export function resolveOptions(opts: GuardedFetchOptions = {}): ResolvedFetchOptions {
  const positive = (v: number | undefined, d: number) => (v !== undefined && Number.isFinite(v) && v > 0 ? v : d);
  return {
    headers: opts.headers ?? {},
    maxBytes: positive(opts.maxBytes, FETCH_DEFAULTS.maxBytes),
    timeoutMs: positive(opts.timeoutMs, FETCH_DEFAULTS.timeoutMs),
    // Callers may follow fewer redirects, never more: a long chain is how a fetch is walked somewhere it should not go.
    maxRedirects: Math.min(
      Math.max(Math.floor(opts.maxRedirects ?? FETCH_DEFAULTS.maxRedirects), 0),
      FETCH_DEFAULTS.maxRedirects,
    ),
    allowHttp: opts.allowHttp ?? false,
    allowPrivate: (opts.allowPrivate ?? []).map(parseRange),
    resolver: opts.resolver,
    signal: opts.signal,
    method: opts.method ?? 'GET',
    body: opts.body,
  };
}
