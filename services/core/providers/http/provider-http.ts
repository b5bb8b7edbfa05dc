import { logger } from '../../telemetry/logger';
import { withSpan } from '../../telemetry/tracing';
import type { ProviderCallContext, ProviderFailureClass, ProviderId } from '../provider.types';
import { ProviderError } from '../provider.types';
import type { ProviderClassifier } from './provider-http-errors';
import { statusError } from './provider-http-errors';

export interface ProviderHttpCall {
  method: 'GET' | 'POST';
  /** absolute; may carry a key (Gemini's `?key=`), so it is never logged or put in an error */
  url: string;
  /** the shape for logs, spans and errors, e.g. 'POST /v1/messages' (never the full URL with ids or queries) */
  route: string;
  headers?: Record<string, string>;
  json?: unknown;
  /** default json */
  expect?: 'json' | 'bytes';
}

export interface ProviderHttpAnswer {
  status: number;
  headers: Headers;
  json?: unknown;
  bytes?: Buffer;
}

/** Larger answers are refused rather than buffered: a b64 image is a few MB, a clip tens of MB. */
export const MAX_JSON_ANSWER_BYTES = 64 * 1024 * 1024;
export const MAX_BYTES_ANSWER_BYTES = 256 * 1024 * 1024;

/**
 * One exchange with a vendor under the call's deadline (ctx.timeoutMs joined with ctx.signal); a non-2xx answer
 * becomes a ProviderError through the generic mapping refined by the vendor's `classify`. No retries here: the
 * gateway retries with backoff and keeps the breaker. Errors and logs name the route shape, never the URL (it may
 * hold a key), the key, the prompt or the vendor's message (it may quote the prompt).
 */
export async function providerRequest(
  provider: ProviderId,
  ctx: ProviderCallContext,
  call: ProviderHttpCall,
  classify?: (status: number, body: unknown) => ProviderFailureClass | undefined,
): Promise<ProviderHttpAnswer> {
  const attrs = {
    'http.method': call.method,
    'raize.operation': `${provider} ${call.route}`,
    'raize.agency_id': ctx.agencyId,
    'raize.client_id': ctx.clientId,
  };
  return withSpan(`provider.${provider} ${call.route}`, attrs, async (set) => {
    try {
      const answer = await exchange(provider, ctx, call, classify);
      set({ 'http.status_code': answer.status, 'raize.outcome': 'ok' });
      logCall(attrs, answer.status, 'ok');
      return answer;
    } catch (err) {
      const failure = err instanceof ProviderError ? err.failure : 'unexpected';
      const status = err instanceof ProviderError ? err.details.status : undefined;
      set({ 'http.status_code': status, 'raize.outcome': failure });
      logCall(attrs, status, failure);
      throw err;
    }
  });
}

async function exchange(
  provider: ProviderId,
  ctx: ProviderCallContext,
  call: ProviderHttpCall,
  classify: ProviderClassifier | undefined,
): Promise<ProviderHttpAnswer> {
  const label = `${provider} ${call.route}`;
  if (ctx.signal?.aborted)
    throw new ProviderError(provider, 'unavailable', `${label} was cancelled before it was sent`);
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([timeout, ctx.signal]) : timeout;
  const headers: Record<string, string> = {
    accept: call.expect === 'bytes' ? '*/*' : 'application/json',
    ...call.headers,
  };
  let body: string | undefined;
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  }
  const limit = call.expect === 'bytes' ? MAX_BYTES_ANSWER_BYTES : MAX_JSON_ANSWER_BYTES;

  let res: Response;
  let raw: Buffer;
  try {
    // No redirects: the key header must not follow a Location to wherever it points.
    res = await fetch(call.url, { method: call.method, headers, body, signal, redirect: 'manual' });
    raw = await readLimited(res, limit);
  } catch (err) {
    if (err instanceof ProviderError) throw err;
    // The cause is dropped on purpose: undici's messages may carry the URL, and with it a query key.
    const what = ctx.signal?.aborted
      ? 'was cancelled by the caller'
      : timeout.aborted
        ? `timed out after ${ctx.timeoutMs} ms`
        : 'failed on the network';
    throw new ProviderError(provider, 'unavailable', `${label} ${what}`);
  }
  if (raw.length > limit) {
    throw new ProviderError(provider, 'bad_request', `${label} answered more than ${limit} bytes`, {
      status: res.status,
    });
  }

  if (res.status < 200 || res.status > 299) {
    throw statusError(provider, call.route, res.status, res.headers, parseJson(raw), classify);
  }
  if (call.expect === 'bytes') return { status: res.status, headers: res.headers, bytes: raw };
  const json = parseJson(raw);
  if (json === undefined) {
    throw new ProviderError(provider, 'bad_request', `${label} answered ${res.status} with a body that is not JSON`, {
      status: res.status,
    });
  }
  return { status: res.status, headers: res.headers, json };
}

/** Reads the body up to `limit` + 1 bytes, then stops (the caller reports the overflow). */
async function readLimited(res: Response, limit: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel();
    return Buffer.alloc(limit + 1);
  }
  if (!res.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    chunks.push(Buffer.from(value));
    if (size > limit) {
      await reader.cancel();
      break;
    }
  }
  return Buffer.concat(chunks);
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

function logCall(attrs: Record<string, unknown>, status: number | undefined, outcome: string): void {
  const fields = { ...attrs, 'http.status_code': status, 'raize.outcome': outcome };
  // Rate limits and outages are what an operator watches (the breaker follows them); the rest is routine.
  if (outcome === 'rate_limited' || outcome === 'unavailable') logger.warn(fields, 'provider call failed, retryable');
  else logger.debug(fields, 'provider call finished');
}
