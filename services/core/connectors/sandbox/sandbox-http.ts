import { ConnectorError } from '../connector.errors';
import { withSpan } from '../../telemetry/tracing';

export interface SandboxHttpOptions {
  baseUrl: string;
  timeoutMs: number;
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

/**
 * One HTTP call with a deadline. `sent` tells whether the request may have reached the platform, which
 * decides between a plain transient error and an unknown outcome.
 */
export async function sandboxRequest(
  opts: SandboxHttpOptions,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<HttpAnswer> {
  // The span names the route shape only: paths carry ids of the platform, queries carry timestamps.
  return withSpan(`connector.sandbox ${method} ${path.split('?')[0].replace(/\/[^/]*_[^/]+/g, '/:id')}`, { 'http.method': method, 'raize.platform': 'sandbox' }, async (set) => {
    const answer = await send(opts, method, path, token, body, headers);
    set({ 'http.status_code': answer.status });
    return answer;
  });
}

async function send(opts: SandboxHttpOptions, method: string, path: string, token: string, body: unknown, headers: Record<string, string>): Promise<HttpAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(`${opts.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, accept: 'application/json', ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body ? JSON.stringify(body) : undefined,
      signal: controller.signal,
    });
  } catch (err) {
    const aborted = (err as Error).name === 'AbortError';
    const writes = method !== 'GET';
    if (aborted && writes) throw new ConnectorError('outcome_unknown', `${method} ${path} timed out after ${opts.timeoutMs} ms; the platform may have applied it`);
    throw new ConnectorError('transient', `${method} ${path} failed: ${aborted ? 'timeout' : (err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = { unparsable: text.slice(0, 200) };
  }
  return { status: res.status, body: parsed, headers: res.headers };
}

/** Maps a non-2xx answer to a typed connector error. */
export function errorFor(method: string, path: string, a: HttpAnswer): ConnectorError {
  const requestId = a.headers.get('x-request-id') ?? undefined;
  const msg = `${method} ${path} answered ${a.status}`;
  if (a.status === 401 || a.status === 403) return new ConnectorError('auth', msg, { status: a.status, requestId });
  if (a.status === 404) return new ConnectorError('not_found', msg, { status: a.status, requestId });
  if (a.status === 429) {
    const ra = Number(a.headers.get('retry-after'));
    return new ConnectorError('rate_limited', msg, { status: 429, retryAfterSeconds: Number.isFinite(ra) && ra >= 0 ? ra : 60, requestId });
  }
  if (a.status >= 500) {
    // A 5xx on a write may come after the platform applied it: treat as unknown, reconcile before retrying.
    return new ConnectorError(method === 'GET' ? 'transient' : 'outcome_unknown', msg, { status: a.status, requestId });
  }
  return new ConnectorError('permanent', msg, { status: a.status, requestId });
}
