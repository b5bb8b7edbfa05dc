import { context, propagation } from '@opentelemetry/api';
import type { ZodType } from 'zod';
import type { PlatformId } from '../../../../workflows/contracts/vocabulary/platform-id';
import { ConnectorError } from '../connector.errors';
import { logger } from '../../telemetry/logger';
import { withClientSpan } from '../../telemetry/tracing';
import { recordConnectorCall } from '../../metrics/record-metrics';
import type { CallShape } from './http-errors';
import { badAnswerError, notSentError, statusError, transportError } from './http-errors';

/** How one platform is reached; each platform folder builds this from its PlatformSettings. */
export interface ConnectorHttpConfig {
  platform: PlatformId;
  baseUrl: string;
  /** one call's deadline, body included */
  timeoutMs: number;
  /** the response header carrying the platform's request id (default `x-request-id`) */
  requestIdHeader?: string;
  /** headers the platform requires on every call to pin its API version, e.g. `{ 'x-api-version': '2026-01' }` */
  versionHeaders?: Record<string, string>;
  /**
   * Reads the platform's error body (Graph API `error.error_subcode`, TikTok `error.code`, LinkedIn 426) and returns
   * the typed error it means; `generic` is what the status alone says. Never copies the body into the message.
   */
  mapError?: (failure: ConnectorFailure) => ConnectorError;
}

/** A non-2xx answer, handed to the platform's `mapError`. */
export interface ConnectorFailure {
  call: CallShape;
  status: number;
  /** the parsed JSON body, or undefined when it was not JSON */
  body: unknown;
  headers: Headers;
  requestId?: string;
  /** the error the status alone maps to (statusError) */
  generic: ConnectorError;
}

export interface ConnectorCall extends CallShape {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** the concrete path with its query; never logged */
  path: string;
  /** the path's shape (`/posts/:id`): what spans, logs and error messages name */
  route: string;
  /**
   * An absolute URL the platform handed out (an upload session URI, an upload_url) instead of baseUrl + path. The
   * connector checks its origin before sending a token to it (`sameOrigin`).
   */
  url?: string;
  token?: string;
  json?: unknown;
  form?: Record<string, string>;
  /** a binary body (a media chunk) with its content type */
  bytes?: { data: Uint8Array; contentType: string };
  /** a multipart/form-data body (the fetch sets the boundary) */
  multipart?: FormData;
  /** non-2xx statuses that are answers here, not errors (YouTube's 308 Resume Incomplete) */
  acceptStatuses?: number[];
  headers?: Record<string, string>;
  /** the caller's cancellation (the activity's); aborts the fetch */
  signal?: AbortSignal;
}

/** A 2xx answer. Everything else is thrown as a ConnectorError. */
export interface ConnectorAnswer {
  status: number;
  body: unknown;
  headers: Headers;
  requestId?: string;
}

export const DEFAULT_REQUEST_ID_HEADER = 'x-request-id';

/**
 * The one way a connector talks HTTP: a deadline joined to the caller's cancellation, typed errors (unknown
 * outcome for writes that got no answer, rate limits with their Retry-After), the platform's request id, its
 * version headers, and spans and logs that name the route shape only: paths carry platform ids, queries carry
 * timestamps, bodies carry content and tokens.
 */
export async function connectorRequest(config: ConnectorHttpConfig, call: ConnectorCall): Promise<ConnectorAnswer> {
  const shape: CallShape = { method: call.method, route: call.route };
  const attrs = { 'http.method': call.method, 'http.route': call.route, 'raize.platform': config.platform };
  return withClientSpan(`connector.${config.platform} ${call.method} ${call.route}`, attrs, async (set) => {
    try {
      const answer = await exchange(config, call, shape);
      set({ 'http.status_code': answer.status, 'raize.outcome': 'ok' });
      logCall(config, shape, answer.status, 'ok');
      recordConnectorCall(config.platform, 'ok');
      return answer;
    } catch (err) {
      const kind = err instanceof ConnectorError ? err.kind : 'unexpected';
      const status = err instanceof ConnectorError ? err.details.status : undefined;
      set({ 'http.status_code': status, 'raize.outcome': kind });
      logCall(config, shape, status, kind);
      recordConnectorCall(config.platform, kind);
      throw err;
    }
  });
}

/** Validates a 2xx body against the platform's wire schema; a mismatch is a typed error, not a ZodError. */
export function parseAnswer<T>(schema: ZodType<T>, answer: ConnectorAnswer, call: CallShape): T {
  const parsed = schema.safeParse(answer.body);
  if (!parsed.success) throw badAnswerError(call, answer.status, answer.requestId, 'unexpected_shape');
  return parsed.data;
}

async function exchange(config: ConnectorHttpConfig, call: ConnectorCall, shape: CallShape): Promise<ConnectorAnswer> {
  if (call.signal?.aborted) throw notSentError(shape);
  const timeout = AbortSignal.timeout(config.timeoutMs);
  const signal = call.signal ? AbortSignal.any([timeout, call.signal]) : timeout;
  const headers: Record<string, string> = { accept: 'application/json', ...config.versionHeaders, ...call.headers };
  let body: string | Uint8Array | FormData | undefined;
  if (call.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(call.json);
  } else if (call.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(call.form).toString();
  } else if (call.bytes) {
    headers['content-type'] = call.bytes.contentType;
    body = call.bytes.data;
  } else if (call.multipart) {
    body = call.multipart;
  }
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  // The platform sees this call's span as its parent (W3C traceparent), so its support, or our sandbox, can name the
  // call in our trace (C-50). The trace id is random: it says nothing about the tenant or the content.
  propagation.inject(context.active(), headers);

  let res: Response;
  let text: string;
  try {
    // No redirects: a bearer token must not follow a Location header to wherever it points.
    res = await fetch(call.url ?? `${config.baseUrl.replace(/\/+$/, '')}${call.path}`, {
      method: call.method,
      headers,
      body,
      signal,
      redirect: 'manual',
    });
    text = await res.text();
  } catch {
    throw transportError(
      shape,
      call.signal?.aborted ? 'cancelled' : timeout.aborted ? 'timeout' : 'network',
      config.timeoutMs,
    );
  }
  const requestId = res.headers.get(config.requestIdHeader ?? DEFAULT_REQUEST_ID_HEADER) ?? undefined;
  const accepted = (res.status >= 200 && res.status <= 299) || call.acceptStatuses?.includes(res.status) === true;
  if (!accepted) {
    const generic = statusError(shape, res.status, res.headers, requestId);
    if (!config.mapError) throw generic;
    throw config.mapError({
      call: shape,
      status: res.status,
      body: tryJson(text),
      headers: res.headers,
      requestId,
      generic,
    });
  }
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw badAnswerError(shape, res.status, requestId, 'unparsable');
    }
  }
  return { status: res.status, body: parsed, headers: res.headers, requestId };
}

function tryJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Whether a URL the platform handed out is on one of the platform's own origins: a bearer token goes only there,
 * never to wherever an answer points.
 */
export function sameOrigin(url: string, ...bases: (string | undefined)[]): boolean {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return false;
  }
  return bases.some((b) => {
    if (!b) return false;
    try {
      return new URL(b).origin === origin;
    } catch {
      return false;
    }
  });
}

function logCall(config: ConnectorHttpConfig, call: CallShape, status: number | undefined, outcome: string): void {
  const fields = {
    'raize.platform': config.platform,
    'raize.operation': `${call.method} ${call.route}`,
    'http.method': call.method,
    'http.status_code': status,
    'raize.outcome': outcome,
  };
  // The two outcomes an operator acts on are worth a warning; the rest (a 404 on a read-back) are routine.
  if (outcome === 'outcome_unknown' || outcome === 'rate_limited')
    logger.warn(fields, 'connector call ended without a usable answer');
  else logger.debug(fields, 'connector call finished');
}
