import type { ConnectorErrorDetails } from '../connector.errors';
import { ConnectorError } from '../connector.errors';
import type { ApiVersionPin } from '../connector.types';
import type { ConnectorFailure } from '../http/connector-http';
import { parseRetryAfter } from '../http/retry-after';

/**
 * TikTok's error classes (https://developers.tiktok.com/doc/tiktok-api-v2-error-handling, the error tables of
 * .../content-posting-api-reference-direct-post and .../content-posting-api-reference-query-creator-info, the
 * `fail_reason` values of .../content-posting-api-reference-get-video-status, and OAuth's
 * .../oauth-error-handling) mapped to what the guard does about them.
 */

/** TikTok says when a daily cap rolls over nowhere; a full day from now is the earliest safe moment. */
export const DAILY_CAP_WAIT_SECONDS = 24 * 3600;

/** A retired API version: TikTok documents no answer for it, so any 410 Gone counts (the emulator sends one). */
const GONE = 410;

/** The error body of a TikTok v2 call (`{error:{code,message,log_id}}`) or of its OAuth endpoint (`{error,...}`). */
export function platformCodeOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const error = (body as { error?: unknown }).error;
  if (typeof error === 'string' && error) return error.slice(0, 80);
  if (error && typeof error === 'object') {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code.slice(0, 80);
  }
  return undefined;
}

function logIdOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const b = body as { log_id?: unknown; error?: { log_id?: unknown } };
  const id = b.log_id ?? (typeof b.error === 'object' ? b.error?.log_id : undefined);
  return typeof id === 'string' && id ? id.slice(0, 120) : undefined;
}

/** Maps a TikTok answer that is not `ok` (any HTTP status) to the typed error it means. */
export function mapTikTokError(f: ConnectorFailure, pin: ApiVersionPin, now: number = Date.now()): ConnectorError {
  const code = platformCodeOf(f.body);
  const details: ConnectorErrorDetails = {
    status: f.status,
    requestId: f.requestId ?? logIdOf(f.body),
    ...(code ? { platformCode: code } : {}),
  };
  const label = `${f.call.method} ${f.call.route}`;
  if (f.status === GONE)
    return new ConnectorError('permanent', `${label} answered 410: TikTok no longer serves API ${pin.version}`, {
      ...details,
      health: 'api_version_sunset',
    });
  const says = `${label} answered ${f.status}${code ? ` ${code}` : ''}`;
  const known = code ? byCode(code, says, details, f.headers.get('retry-after'), now) : undefined;
  if (known) return known;
  const g = f.generic;
  // TikTok's 403s with a code are posting-policy refusals (its auth failures are 401s): a new one is not a token problem.
  if (f.status === 403 && code) return new ConnectorError('permanent', `${says}: TikTok refused the request`, details);
  if (g.kind === 'rate_limited')
    return new ConnectorError(g.kind, g.message, { ...g.details, ...details, health: 'rate_limited' });
  return new ConnectorError(g.kind, g.message, { ...g.details, ...details });
}

/** A finished publish that TikTok reports FAILED, by its `fail_reason`. */
export function publishFailedError(
  reason: string | undefined,
  route: string,
  now: number = Date.now(),
): ConnectorError {
  const code = (reason || 'unknown').slice(0, 80);
  const says = `POST ${route} reports FAILED (${code})`;
  const details: ConnectorErrorDetails = { platformCode: code };
  const known = byCode(code, says, details, null, now);
  if (known) return known;
  // TikTok's own trouble: a new publish may pass. Anything else it refused is not worth repeating blindly.
  if (code === 'internal') return new ConnectorError('transient', `${says}: TikTok failed internally`, details);
  return new ConnectorError('permanent', `${says}: TikTok did not publish the video`, details);
}

function byCode(
  code: string,
  says: string,
  details: ConnectorErrorDetails,
  retryAfterHeader: string | null,
  now: number,
): ConnectorError | undefined {
  const dailyCap = (why: string, health: 'daily_limit' | 'private_only') =>
    new ConnectorError('rate_limited', `${says}: ${why}; no more posts before the cap rolls over`, {
      ...details,
      health,
      retryAfterSeconds: DAILY_CAP_WAIT_SECONDS,
      retryAt: new Date(now + DAILY_CAP_WAIT_SECONDS * 1000).toISOString(),
    });
  const refused = (why: string, health?: ConnectorErrorDetails['health']) =>
    new ConnectorError('permanent', `${says}: ${why}`, { ...details, ...(health ? { health } : {}) });
  switch (code) {
    case 'access_token_invalid':
    case 'auth_removed':
      return new ConnectorError('auth', `${says}: TikTok refused the access token (expired, revoked or removed)`, {
        ...details,
        health: 'token_revoked',
      });
    case 'scope_not_authorized':
    case 'scope_permission_missed':
      return refused(
        'the user did not grant a scope this call needs; connect the account again',
        'missing_permissions',
      );
    case 'rate_limit_exceeded':
      return new ConnectorError('rate_limited', `${says}: TikTok's per-token rate limit`, {
        ...details,
        health: 'rate_limited',
        // TikTok sends no Retry-After that its pages document; its limits are per minute, the parser's default.
        retryAfterSeconds: parseRetryAfter(retryAfterHeader, now),
      });
    case 'spam_risk_too_many_posts':
      return dailyCap("the creator reached TikTok's daily cap of posts through the API", 'daily_limit');
    case 'spam_risk_too_many_pending_share':
      return dailyCap('the creator has too many drafts waiting in the TikTok inbox', 'daily_limit');
    case 'reached_active_user_cap':
      return dailyCap("the unaudited app reached TikTok's cap of creators posting per day", 'private_only');
    case 'spam_risk_user_banned_from_posting':
      return refused('TikTok does not let this creator post right now', 'cannot_post');
    case 'spam_risk_text':
    case 'spam_risk':
      return refused('TikTok flagged the post as spam; change it before trying again');
    case 'unaudited_client_can_only_post_to_private_accounts':
      return refused('an unaudited app may post only to private TikTok accounts', 'private_only');
    case 'privacy_level_option_mismatch':
      return refused("the privacy level is not one the creator's account offers");
    case 'url_ownership_unverified':
      return refused("the media URL's domain is not verified for this app", 'media_rejected');
    case 'invalid_file_upload':
    case 'file_format_check_failed':
    case 'duration_check_failed':
    case 'frame_rate_check_failed':
    case 'picture_size_check_failed':
    case 'video_pull_failed':
    case 'photo_pull_failed':
      return refused('TikTok refused the media (format, size, duration, frame rate or picture size)', 'media_rejected');
    case 'publish_cancelled':
      return refused('the publish was cancelled');
    case 'invalid_params':
    case 'invalid_param':
      return refused('TikTok refused the request parameters');
    case 'invalid_grant':
    case 'invalid_client':
    case 'invalid_request':
    case 'invalid_scope':
    case 'unauthorized_client':
    case 'unsupported_grant_type':
    case 'access_denied':
      return refused('the OAuth request was refused');
    default:
      return undefined;
  }
}
