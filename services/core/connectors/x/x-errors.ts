import type { ConnectorErrorDetails, ConnectorErrorKind } from '../connector.errors';
import { ConnectorError } from '../connector.errors';
import type { ConnectorFailure } from '../http/connector-http';
import { parseRetryAfter } from '../http/retry-after';
import { xOAuthErrorSchema, xProblemSchema } from './x-wire';

/**
 * X's documented error classes as typed connector errors (https://docs.x.com/x-api/fundamentals/response-codes-and-errors,
 * https://docs.x.com/x-api/fundamentals/rate-limits). The message names the route shape and the class only: X's
 * `detail` can quote the post's text or an id, so it never reaches a message, a log or a history.
 */
export function mapXError(f: ConnectorFailure, now: number = Date.now()): ConnectorError {
  const parsed = xProblemSchema.safeParse(f.body);
  const p = parsed.success ? parsed.data : {};
  const type = problemType(p.type);
  const label = `${f.call.method.toUpperCase()} ${f.call.route}`;
  const base: ConnectorErrorDetails = {
    status: f.status,
    requestId: f.requestId,
    platformCode: type ?? `http_${f.status}`,
  };
  const err = (kind: ConnectorErrorKind, what: string, more: ConnectorErrorDetails = {}) =>
    new ConnectorError(kind, `${label}: ${what}`, { ...base, ...more });

  switch (f.status) {
    case 401:
      // X answers the same bare "Unauthorized" for an expired and a revoked token. Expired is the one a refresh
      // cures, so it is what we say; a refresh X refuses then reports the grant as revoked.
      return err('auth', 'X refused the access token (expired or revoked)', {
        health: 'token_expired',
        platformCode: 'unauthorized',
      });
    case 403:
      return forbidden(p.detail ?? '', type, err);
    case 404:
      return err('not_found', 'X has no such resource');
    case 402:
      // Pay-per-use: requests are blocked while the credit balance is empty (https://docs.x.com/x-api/getting-started/pricing).
      return err('permanent', "the X app's credit balance is spent; add credits in the Developer Console", {
        health: 'quota_exhausted',
      });
    case 410:
      // v2 has no dated versions: a retired endpoint answers Gone, and no retry brings it back.
      return err('permanent', 'X retired this endpoint of the API the connector speaks', {
        health: 'api_version_sunset',
      });
    case 413:
      return err('permanent', 'X refused the media chunk as too large', { health: 'media_rejected' });
    case 429:
      return tooMany(f, type, now, err);
    case 400:
      if (/media/i.test(`${p.detail ?? ''} ${(p.errors ?? []).map((e) => e.message ?? '').join(' ')}`))
        return err('permanent', 'X refused the media of the request', { health: 'media_rejected' });
      return err('permanent', 'X refused a parameter of the request');
    default:
      if (f.status >= 500)
        return new ConnectorError(f.generic.kind, f.generic.message, {
          ...f.generic.details,
          platformCode: base.platformCode,
          health: 'platform_unavailable',
        });
      return new ConnectorError(f.generic.kind, f.generic.message, {
        ...f.generic.details,
        platformCode: base.platformCode,
      });
  }
}

type ErrFactory = (kind: ConnectorErrorKind, what: string, more?: ConnectorErrorDetails) => ConnectorError;

function forbidden(detail: string, type: string | undefined, err: ErrFactory): ConnectorError {
  // The duplicate rule: the same text as a recent post of the account. Not retried; an operator edits the text.
  if (/duplicate content/i.test(detail))
    return err('permanent', 'X refused the post as a duplicate of a recent one', { platformCode: 'duplicate_content' });
  // A locked or suspended account: the account cannot post until its owner acts on x.com.
  if (/not permitted to perform this action/i.test(detail))
    return err('permanent', 'X does not let this account post right now', {
      health: 'cannot_post',
      platformCode: 'not_permitted',
    });
  // client-forbidden (the app is not in a project), unsupported-authentication, or a bare "Forbidden" for a token
  // without the scope the endpoint needs (media.write for uploads, tweet.write for posts).
  return err('permanent', 'X says the app or the token lacks a permission this call needs', {
    health: 'missing_permissions',
    platformCode: type ?? 'forbidden',
  });
}

function tooMany(f: ConnectorFailure, type: string | undefined, now: number, err: ErrFactory): ConnectorError {
  if (type === 'usage-capped')
    return err('permanent', "the X project's usage cap is reached; no retry helps before it resets", {
      health: 'quota_exhausted',
    });
  // POST /2/tweets also carries a 24-hour window per user and per app; spent, it means "not before reset".
  for (const scope of ['user', 'app'] as const) {
    if (f.headers.get(`x-${scope}-limit-24hour-remaining`)?.trim() !== '0') continue;
    const at = epochSeconds(f.headers.get(`x-${scope}-limit-24hour-reset`));
    const seconds = at !== undefined ? Math.max(1, Math.ceil(at - now / 1000)) : 24 * 3600;
    return err('rate_limited', `X's 24-hour post limit of the ${scope} is reached`, {
      health: 'daily_limit',
      platformCode: `${scope}_24hour_limit`,
      retryAfterSeconds: seconds,
      retryAt: new Date(now + seconds * 1000).toISOString(),
    });
  }
  const reset = epochSeconds(f.headers.get('x-rate-limit-reset'));
  const seconds =
    reset !== undefined
      ? Math.max(1, Math.ceil(reset - now / 1000))
      : parseRetryAfter(f.headers.get('retry-after'), now);
  return err('rate_limited', "X's rate limit for this endpoint is spent", {
    health: 'rate_limited',
    platformCode: type ?? 'rate_limit',
    retryAfterSeconds: seconds,
    retryAt: new Date(now + seconds * 1000).toISOString(),
  });
}

/** `https://api.x.com/2/problems/usage-capped` → `usage-capped`; `about:blank` says nothing beyond the status. */
function problemType(type: string | undefined): string | undefined {
  if (!type || type === 'about:blank') return undefined;
  const last = type.split('/').pop() ?? '';
  return /^[a-z0-9-]{1,64}$/i.test(last) ? last : undefined;
}

function epochSeconds(v: string | null): number | undefined {
  if (!v || !/^\d{1,12}$/.test(v.trim())) return undefined;
  return Number(v.trim());
}

/**
 * The token endpoint answers OAuth errors, not problem details: a refresh token that was used (X rotates them),
 * revoked or never valid is `invalid_request` ("Value passed for the token was invalid"), which only a new
 * consent cures. Wrong app credentials are our configuration, not the account's.
 */
export function mapXTokenError(f: ConnectorFailure): ConnectorError {
  const parsed = xOAuthErrorSchema.safeParse(f.body);
  const code = parsed.success ? parsed.data.error.replace(/[^a-z_]/gi, '').slice(0, 40) : `http_${f.status}`;
  const details: ConnectorErrorDetails = { status: f.status, requestId: f.requestId, platformCode: code };
  if (code === 'unauthorized_client' || code === 'invalid_client')
    return new ConnectorError(
      'permanent',
      `${f.call.method} ${f.call.route}: X refused the app's client credentials`,
      details,
    );
  if (f.status === 400 || f.status === 401)
    return new ConnectorError(
      'auth',
      `${f.call.method} ${f.call.route}: X refused the grant; connect the account again`,
      {
        ...details,
        health: 'token_revoked',
      },
    );
  if (f.status === 429) return f.generic;
  return new ConnectorError(f.generic.kind, f.generic.message, { ...f.generic.details, platformCode: code });
}
