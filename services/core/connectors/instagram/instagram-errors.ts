import { z } from 'zod';
import type { ConnectorErrorDetails, ConnectorErrorKind } from '../connector.errors';
import { ConnectorError } from '../connector.errors';
import type { ConnectorFailure } from '../http/connector-http';
import type { CallShape } from '../http/http-errors';
import { DEFAULT_RETRY_AFTER_SECONDS, parseRetryAfter } from '../http/retry-after';

/**
 * Instagram's error subcodes, from developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/
 * error-codes, and what each means for the guard.
 */
export const IG_SUBCODE = {
  downloadTimeout: 2207003,
  imageTooLarge: 2207004,
  unsupportedImage: 2207005,
  aspectRatio: 2207009,
  serverError: 2207001,
  containerExpired: 2207020,
  unsupportedVideo: 2207026,
  notReady: 2207027,
  createFailed: 2207032,
  dailyLimit: 2207042,
  actionBlocked: 2207051,
  fetchFailed: 2207052,
  uploadUnknown: 2207053,
} as const;

/** Retry, with a new container: the page says "try again" or "generate a new container". */
const RETRY_WITH_NEW_CONTAINER: ReadonlySet<number> = new Set([
  IG_SUBCODE.downloadTimeout,
  IG_SUBCODE.serverError,
  IG_SUBCODE.containerExpired,
  IG_SUBCODE.createFailed,
  IG_SUBCODE.uploadUnknown,
]);
/** The platform refused the media itself: the same file will be refused again. */
const MEDIA_REFUSED: ReadonlySet<number> = new Set([
  IG_SUBCODE.imageTooLarge,
  IG_SUBCODE.unsupportedImage,
  IG_SUBCODE.aspectRatio,
  IG_SUBCODE.unsupportedVideo,
  IG_SUBCODE.fetchFailed,
]);

/** Graph's throttles: app (4), user (17), page (32), endpoint (613) and the business-use-case ones (80000s). */
const THROTTLE_CODES: ReadonlySet<number> = new Set([4, 17, 32, 613]);
const isBusinessUseCaseThrottle = (code: number) => code >= 80000 && code <= 80099;
/** Error validating access token; 102 is the older API-session variant of it. */
const TOKEN_CODES: ReadonlySet<number> = new Set([190, 102]);
const SUBCODE_SESSION_EXPIRED = 463;
/** Permission not granted (10) or one of the 200-299 permission errors. */
const isPermissionCode = (code: number) => code === 10 || (code >= 200 && code <= 299);
/** "You are calling a deprecated version": the pinned Graph version is retired. */
const VERSION_CODES: ReadonlySet<number> = new Set([2635, 12]);
/** Graph's "object does not exist, cannot be loaded due to missing permissions, or does not support this operation". */
const CODE_INVALID_PARAMETER = 100;
const SUBCODE_NO_SUCH_OBJECT = 33;
/** API Unknown / API Service: temporary, per the Graph error-handling page. */
const TEMPORARY_CODES: ReadonlySet<number> = new Set([1, 2]);

/** A rolling 24 hours: the content publishing window. */
export const PUBLISHING_WINDOW_SECONDS = 24 * 3600;
/**
 * x-app-usage reports percentages of a rolling hour and no time to wait: a quarter of that hour keeps us from
 * hammering a throttled app without parking the post for the whole window.
 */
const APP_USAGE_WAIT_SECONDS = 900;

const graphErrorSchema = z.object({
  error: z.object({
    code: z.number().int().optional(),
    error_subcode: z.number().int().optional(),
    is_transient: z.boolean().optional(),
    type: z.string().optional(),
  }),
});
/** Instagram Login's token host answers in its own shape. */
const tokenErrorSchema = z.object({ error_type: z.string(), code: z.number().int() });

const businessUseCaseSchema = z.record(
  z.string(),
  z.array(z.object({ estimated_time_to_regain_access: z.number().min(0).optional() })),
);
const appUsageSchema = z.record(z.string(), z.number());

export interface GraphErrorFacts {
  call: CallShape;
  status: number;
  code?: number;
  subcode?: number;
  isTransient?: boolean;
  headers?: Headers;
  requestId?: string;
}

const label = (c: CallShape) => `${c.method.toUpperCase()} ${c.route}`;
const isWrite = (c: CallShape) => c.method.toUpperCase() !== 'GET';

/** Graph's error body (`{error:{code,error_subcode,...}}`) as a typed error; the message names codes, never text. */
export function mapInstagramError(f: ConnectorFailure, now: number = Date.now()): ConnectorError {
  const graph = graphErrorSchema.safeParse(f.body);
  if (graph.success) {
    const e = graph.data.error;
    return classifyGraphError(
      {
        call: f.call,
        status: f.status,
        code: e.code,
        subcode: e.error_subcode,
        isTransient: e.is_transient,
        headers: f.headers,
        requestId: f.requestId,
      },
      now,
    );
  }
  const token = tokenErrorSchema.safeParse(f.body);
  if (token.success) {
    const details = { ...f.generic.details, platformCode: `${token.data.error_type}/${token.data.code}` };
    return new ConnectorError(f.generic.kind, f.generic.message, details);
  }
  return f.generic;
}

export function classifyGraphError(f: GraphErrorFacts, now: number = Date.now()): ConnectorError {
  const { code, subcode } = f;
  const platformCode = [code, subcode].filter((v) => v !== undefined).join('/') || undefined;
  const base: ConnectorErrorDetails = { status: f.status, requestId: f.requestId, platformCode };
  const msg = `${label(f.call)} answered ${f.status} (Graph error ${platformCode ?? 'without a code'})`;
  const make = (kind: ConnectorErrorKind, extra: ConnectorErrorDetails = {}, why = '') =>
    new ConnectorError(kind, why ? `${msg}: ${why}` : msg, { ...base, ...extra });

  if (subcode === IG_SUBCODE.actionBlocked)
    // Suspected spam: a retry makes it worse. An operator decides (never retried automatically).
    return make('permanent', { health: 'action_blocked' }, 'the publishing action was blocked as suspected spam');
  if (subcode === IG_SUBCODE.dailyLimit)
    return make(
      'rate_limited',
      {
        health: 'daily_limit',
        retryAfterSeconds: PUBLISHING_WINDOW_SECONDS,
        retryAt: new Date(now + PUBLISHING_WINDOW_SECONDS * 1000).toISOString(),
      },
      'the account reached its publishing limit for 24 hours',
    );
  if (subcode !== undefined && RETRY_WITH_NEW_CONTAINER.has(subcode))
    return make('transient', {}, 'retry with a new container');
  if (subcode === IG_SUBCODE.notReady) return make('transient', {}, 'the container is not ready yet');
  if (subcode !== undefined && MEDIA_REFUSED.has(subcode))
    return make('permanent', { health: 'media_rejected' }, 'the platform refused the media');
  if (code !== undefined && TOKEN_CODES.has(code))
    return make('auth', { health: subcode === SUBCODE_SESSION_EXPIRED ? 'token_expired' : 'token_revoked' });
  if (code !== undefined && (THROTTLE_CODES.has(code) || isBusinessUseCaseThrottle(code)))
    return make('rate_limited', { health: 'rate_limited', retryAfterSeconds: throttleWait(f.headers, now) });
  if (code !== undefined && VERSION_CODES.has(code))
    return make('permanent', { health: 'api_version_sunset' }, 'the pinned Graph API version is retired');
  if (code !== undefined && isPermissionCode(code))
    return make('permanent', { health: 'missing_permissions' }, 'a permission the call needs is not granted');
  if (code === CODE_INVALID_PARAMETER && subcode === SUBCODE_NO_SUCH_OBJECT)
    return make(isWrite(f.call) ? 'permanent' : 'not_found');
  if ((code !== undefined && TEMPORARY_CODES.has(code)) || f.isTransient === true || f.status >= 500)
    // A write that failed "temporarily" may still have been applied: the guard reconciles before writing again.
    return make(isWrite(f.call) ? 'outcome_unknown' : 'transient');
  if (f.status === 429) return make('rate_limited', { retryAfterSeconds: throttleWait(f.headers, now) });
  if (f.status === 401 || f.status === 403) return make('auth', { health: 'token_revoked' });
  if (f.status === 404) return make('not_found');
  return make('permanent');
}

/**
 * How long a throttle lasts: Retry-After when sent, else the business-use-case header's estimate (minutes), else a
 * share of x-app-usage's rolling hour.
 */
export function throttleWait(headers: Headers | undefined, now: number = Date.now()): number {
  const retryAfter = headers?.get('retry-after');
  if (retryAfter) return parseRetryAfter(retryAfter, now);
  const buc = parseHeaderJson(businessUseCaseSchema, headers?.get('x-business-use-case-usage'));
  if (buc) {
    const minutes = Object.values(buc)
      .flat()
      .map((u) => u.estimated_time_to_regain_access ?? 0);
    const longest = Math.max(0, ...minutes);
    if (longest > 0) return longest * 60;
  }
  const app = parseHeaderJson(appUsageSchema, headers?.get('x-app-usage'));
  if (app && Object.values(app).some((pct) => pct >= 100)) return APP_USAGE_WAIT_SECONDS;
  return DEFAULT_RETRY_AFTER_SECONDS;
}

function parseHeaderJson<T>(schema: z.ZodType<T>, raw: string | null | undefined): T | undefined {
  if (!raw) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The subcode a container in ERROR carries in its `status` ("2207003" or a sentence ending in it). */
export function containerErrorSubcode(status: string | undefined): number | undefined {
  const m = /\b(\d{7})\b/.exec(status ?? '');
  return m ? Number(m[1]) : undefined;
}
