import type { HealthSignal } from '../../../../workflows/contracts/vocabulary/health-signals';
import type { ConnectorErrorDetails, ConnectorErrorKind } from '../connector.errors';
import { ConnectorError } from '../connector.errors';
import type { ConnectorFailure } from '../http/connector-http';
import { parseRetryAfter } from '../http/retry-after';
import type { GraphError } from './facebook-wire';
import { graphBucUsageSchema, graphErrorSchema, graphUsageSchema } from './facebook-wire';

/**
 * Graph throttles on rolling windows of an hour (app, user) or a day (Page), and says how long only in the usage
 * headers' estimated_time_to_regain_access. Without it, a minute's wait would just spend more calls.
 */
export const FACEBOOK_THROTTLE_FALLBACK_SECONDS = 300;

/** https://developers.facebook.com/docs/graph-api/overview/rate-limiting (4 app, 17 user, 32 Page, 613, 80001 BUC Pages) */
const THROTTLE_CODES = new Set([4, 17, 32, 341, 613, 80001]);
/** Upload and media errors of the Photo and Video APIs (324 invalid image; 6000 and 1363xxx video upload; 352 format) */
const MEDIA_CODES = new Set([324, 352, 381, 382, 389, 390, 6000]);
const TOKEN_SUBCODE_WORDS: Record<number, string> = {
  458: 'the app was removed from the account',
  459: 'the user must log in to Facebook to clear a checkpoint',
  460: 'the password was changed',
  463: 'it expired',
  464: 'the user is not confirmed',
  467: 'the user logged out',
  492: 'the user no longer has a role on the Page',
};

/**
 * The Graph API's documented error classes (error-handling guide, rate limiting, Pages and Video API error codes) as
 * typed connector errors. The message names the route shape and the class only: the platform's own message can
 * echo content or ids, so it never reaches a message, a log or a history.
 */
export function mapFacebookError(f: ConnectorFailure, now: number = Date.now()): ConnectorError {
  const parsed = graphErrorSchema.safeParse(f.body);
  if (!parsed.success) return f.generic;
  const e = parsed.data.error;
  const label = `${f.call.method.toUpperCase()} ${f.call.route}`;
  const platformCode = e.error_subcode !== undefined ? `${e.code}/${e.error_subcode}` : String(e.code);
  const base: ConnectorErrorDetails = { status: f.status, requestId: f.requestId, platformCode };
  const err = (kind: ConnectorErrorKind, what: string, more: { health?: HealthSignal } & ConnectorErrorDetails = {}) =>
    new ConnectorError(kind, `${label}: ${what}`, { ...base, ...more });
  const isWrite = f.call.method.toUpperCase() !== 'GET';

  if (e.code === 190 || e.code === 102) {
    const why = (e.error_subcode !== undefined && TOKEN_SUBCODE_WORDS[e.error_subcode]) || 'it is invalid or revoked';
    return err('auth', `Facebook refused the token (${why})`, {
      health: e.error_subcode === 463 ? 'token_expired' : 'token_revoked',
    });
  }
  if (THROTTLE_CODES.has(e.code)) {
    const seconds = facebookRetryAfter(f.headers, now);
    return err('rate_limited', `Facebook's rate limit answered (code ${e.code})`, {
      health: 'rate_limited',
      retryAfterSeconds: seconds,
      retryAt: new Date(now + seconds * 1000).toISOString(),
    });
  }
  if (e.code === 3 || e.code === 10 || (e.code >= 200 && e.code <= 299))
    return err('permanent', 'Facebook says a permission or Page task is missing', { health: 'missing_permissions' });
  if (e.code === 368)
    return err('permanent', 'Facebook temporarily blocked the Page from posting (policy); not retried automatically', {
      health: 'action_blocked',
    });
  if (e.code === 506) return err('permanent', 'Facebook refused a duplicate of a recent post');
  if (e.code === 1609005) return err('permanent', "Facebook could not read the post's link");
  if (e.code === 2635 || e.code === 12)
    return err('permanent', 'Facebook retired the API version this connector speaks', { health: 'api_version_sunset' });
  if (isMediaError(e)) return err('permanent', 'Facebook refused the media', { health: 'media_rejected' });
  if (e.code === 100 && e.error_subcode === 33) return err('not_found', 'Facebook has no such object');
  if (e.code === 1 || e.code === 2 || e.is_transient === true) {
    // A write Facebook failed "temporarily" may still have been applied: reconcile before writing again.
    if (isWrite) return err('outcome_unknown', 'Facebook answered a temporary error; the post may exist');
    return err('transient', 'Facebook answered a temporary error', { health: 'platform_unavailable' });
  }
  if (e.code === 100) return err('permanent', 'Facebook refused a parameter of the request');
  return new ConnectorError(f.generic.kind, f.generic.message, { ...f.generic.details, platformCode });
}

function isMediaError(e: GraphError): boolean {
  if (MEDIA_CODES.has(e.code)) return true;
  return e.error_subcode !== undefined && e.error_subcode >= 1363000 && e.error_subcode <= 1363999;
}

/**
 * Seconds until a throttled app or Page may call again: the largest estimated_time_to_regain_access (minutes) in
 * x-business-use-case-usage or x-page-usage / x-app-usage, else Retry-After, else the fallback.
 */
export function facebookRetryAfter(headers: Headers, now: number = Date.now()): number {
  const minutes = Math.max(0, ...regainMinutes(headers));
  if (minutes > 0) return Math.ceil(minutes * 60);
  const retryAfter = headers.get('retry-after');
  if (retryAfter) return parseRetryAfter(retryAfter, now);
  return FACEBOOK_THROTTLE_FALLBACK_SECONDS;
}

function regainMinutes(headers: Headers): number[] {
  const out: number[] = [];
  for (const usage of [...bucUsage(headers), ...flatUsage(headers)])
    if (usage.estimated_time_to_regain_access !== undefined) out.push(usage.estimated_time_to_regain_access);
  return out;
}

/** The Business Use Case usage entries of an answer (Page-token calls carry them), flattened. */
export function bucUsage(headers: Headers) {
  const parsed = graphBucUsageSchema.safeParse(tryJson(headers.get('x-business-use-case-usage')));
  return parsed.success ? Object.values(parsed.data).flat() : [];
}

function flatUsage(headers: Headers) {
  return ['x-page-usage', 'x-app-usage'].flatMap((name) => {
    const parsed = graphUsageSchema.safeParse(tryJson(headers.get(name)));
    return parsed.success ? [parsed.data] : [];
  });
}

function tryJson(value: string | null): unknown {
  if (!value) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}
