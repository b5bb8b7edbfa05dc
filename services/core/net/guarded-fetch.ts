import { lookup } from 'node:dns/promises';
import { logger } from '../telemetry/logger';
import { addressAllowed } from './address-policy';
import { FetchBlockedError } from './fetch-blocked.error';
import type {
  GuardedFetchOptions,
  GuardedFetchResponse,
  ResolvedAddress,
  ResolvedFetchOptions,
  Resolver,
} from './guarded-fetch.options';
import { resolveOptions } from './guarded-fetch.options';
import { parseIp } from './ip-address';
import { pinnedGet } from './pinned-request';

export { FetchBlockedError, FetchNetworkError } from './fetch-blocked.error';
export type { FetchBlockedReason } from './fetch-blocked.error';
export type { GuardedFetchOptions, GuardedFetchResponse, ResolvedAddress, Resolver } from './guarded-fetch.options';
export { fetchOptionsFromEnv } from './guarded-fetch.options';

const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** Headers that authenticate to one origin and must not follow a redirect to another. */
const ORIGIN_BOUND_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * The one way Raize fetches a URL that came from a user, a model, a feed or a tool (C-35): scheme allowlist, no
 * credentials in the URL, every resolved address checked, the socket pinned to the checked address, every
 * redirect checked again, and size and time capped. Throws FetchBlockedError with a reason code when the guard
 * refuses; any HTTP status comes back as an answer for the caller to judge.
 */
export async function guardedFetch(url: string, opts?: GuardedFetchOptions): Promise<GuardedFetchResponse> {
  const o = resolveOptions(opts);
  const deadline = AbortSignal.timeout(o.timeoutMs);
  const signal = o.signal ? AbortSignal.any([deadline, o.signal]) : deadline;
  let host: string | undefined;
  try {
    let target = checkedUrl(url, o);
    let headers = { ...o.headers };
    for (let redirects = 0; ; redirects++) {
      host = target.hostname;
      const pinned = await resolveChecked(target, o, signal);
      const hop = await pinnedGet(target, pinned, {
        headers,
        maxBytes: o.maxBytes,
        signal,
        ...(redirects === 0 ? { method: o.method, body: o.body } : {}),
      });
      if (hop.location === undefined) {
        return {
          status: hop.status,
          url: target.href,
          headers: hop.headers,
          contentType: hop.headers['content-type'],
          body: hop.body,
          remoteAddress: hop.remoteAddress,
        };
      }
      if (redirects >= o.maxRedirects || o.body !== undefined) throw new FetchBlockedError('too_many_redirects', host);
      const next = checkedUrl(hop.location, o, target);
      if (next.origin !== target.origin) headers = withoutOriginBound(headers);
      target = next;
    }
  } catch (err) {
    const mapped = timedOut(err, deadline) ? new FetchBlockedError('timeout', host) : err;
    if (mapped instanceof FetchBlockedError) logBlocked(mapped.reason, mapped.host ?? host);
    throw mapped;
  }
}

/**
 * The guard's checks of a URL without fetching it (scheme, credentials, every resolved address), for a URL stored
 * now and fetched later (a webhook target): refuses with FetchBlockedError like a fetch would. The fetch checks
 * again and pins, so a name that resolves differently later is still refused then.
 */
export async function checkFetchTarget(url: string, opts?: GuardedFetchOptions): Promise<ResolvedAddress> {
  const o = resolveOptions(opts);
  const signal = AbortSignal.timeout(o.timeoutMs);
  let host: string | undefined;
  try {
    const target = checkedUrl(url, o);
    host = target.hostname;
    return await resolveChecked(target, o, signal);
  } catch (err) {
    const mapped = timedOut(err, signal) ? new FetchBlockedError('timeout', host) : err;
    if (mapped instanceof FetchBlockedError) logBlocked(mapped.reason, mapped.host ?? host);
    throw mapped;
  }
}

/** Parses and checks a URL (or a redirect's Location against the URL that sent it). */
function checkedUrl(raw: string, o: ResolvedFetchOptions, base?: URL): URL {
  let u: URL;
  try {
    u = new URL(raw, base);
  } catch {
    throw new FetchBlockedError('bad_url');
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && o.allowHttp))
    throw new FetchBlockedError('scheme', u.hostname || undefined);
  if (u.username || u.password) throw new FetchBlockedError('credentials_in_url', u.hostname);
  if (!u.hostname) throw new FetchBlockedError('bad_url');
  return u;
}

/**
 * The address to connect to. An IP literal (the URL parser has already turned `2130706433`, `0177.0.0.1`,
 * `0x7f.1` and `127.1` into dotted form) is checked as it is; a name is resolved once, every answer is checked
 * (one bad answer refuses the whole name: a resolver may rotate them), and the first is the one connected to.
 */
async function resolveChecked(u: URL, o: ResolvedFetchOptions, signal: AbortSignal): Promise<ResolvedAddress> {
  const literal = parseIp(u.hostname);
  if (literal) {
    if (!addressAllowed(literal, o.allowPrivate)) throw new FetchBlockedError('private_address', u.hostname);
    return { address: u.hostname.replace(/^\[(.*)\]$/, '$1'), family: literal.family };
  }
  if (/^\[|\]$/.test(u.hostname)) throw new FetchBlockedError('bad_url', u.hostname);
  let answers: ResolvedAddress[];
  try {
    answers = await abortable((o.resolver ?? systemResolver)(u.hostname), signal);
  } catch (err) {
    if (signal.aborted) throw err;
    throw new FetchBlockedError('dns', u.hostname);
  }
  if (!answers.length) throw new FetchBlockedError('dns', u.hostname);
  for (const a of answers) {
    const ip = parseIp(a.address);
    if (!ip) throw new FetchBlockedError('dns', u.hostname);
    if (!addressAllowed(ip, o.allowPrivate)) throw new FetchBlockedError('private_address', u.hostname);
  }
  return { address: answers[0].address, family: parseIp(answers[0].address)!.family };
}

function abortable<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Whatever an expired deadline tore down (the lookup, the socket, the body) is reported as the one timeout. */
function timedOut(err: unknown, deadline: AbortSignal): boolean {
  return deadline.aborted && !(err instanceof FetchBlockedError);
}

function withoutOriginBound(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !ORIGIN_BOUND_HEADERS.includes(k.toLowerCase())));
}

/**
 * Blocked attempts are worth an alert (someone probing for internal services), but the URL is not logged: its
 * path, query and userinfo are where tokens and signed parameters live. The host and the reason are enough.
 */
function logBlocked(reason: string, host: string | undefined): void {
  const safeHost = host ? host.slice(0, 255) : 'unknown';
  logger.warn(
    { 'raize.operation': 'net.guarded_fetch', 'raize.outcome': 'blocked', 'raize.reasons': [reason] },
    `guarded fetch blocked (${reason}) for host ${safeHost}`,
  );
}
