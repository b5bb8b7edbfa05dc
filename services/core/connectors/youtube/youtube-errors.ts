import type { HealthSignal } from '../../../../workflows/contracts/vocabulary/health-signals';
import type { ConnectorErrorDetails, ConnectorErrorKind } from '../connector.errors';
import { ConnectorError } from '../connector.errors';
import type { ConnectorFailure } from '../http/connector-http';
import { parseRetryAfter } from '../http/retry-after';
import { nextQuotaReset } from './youtube-quota';
import { googleErrorSchema, googleTokenErrorSchema } from './youtube-wire';

/**
 * Google's error bodies as typed errors. Reasons from https://developers.google.com/youtube/v3/docs/errors (core,
 * common request and per-method errors) and https://developers.google.com/youtube/v3/docs/videos/insert#errors,
 * .../docs/thumbnails/set#errors; token errors from https://developers.google.com/identity/protocols/oauth2/web-server
 * (RFC 6749 §5.2). Messages carry the route shape and the documented reason, never the body's text.
 */
type Rule = { kind: ConnectorErrorKind | 'generic'; health?: HealthSignal; wait?: 'quota_day' | 'one_day' | 'header' };

const RULES: Record<string, Rule> = {
  // The project's daily units are spent: nothing works until midnight Pacific.
  quotaExceeded: { kind: 'rate_limited', health: 'quota_exhausted', wait: 'quota_day' },
  dailyLimitExceeded: { kind: 'rate_limited', health: 'quota_exhausted', wait: 'quota_day' },
  // The channel's own upload cap ("try again in 24 hours", YouTube API announcement of 2024).
  uploadLimitExceeded: { kind: 'rate_limited', health: 'daily_limit', wait: 'one_day' },
  rateLimitExceeded: { kind: 'rate_limited', health: 'rate_limited', wait: 'header' },
  userRateLimitExceeded: { kind: 'rate_limited', health: 'rate_limited', wait: 'header' },
  uploadRateLimitExceeded: { kind: 'rate_limited', health: 'rate_limited', wait: 'header' },
  // An access token that no longer works; the refresh tells a revoked grant from an expired token.
  authError: { kind: 'auth', health: 'token_expired' },
  expired: { kind: 'auth', health: 'token_expired' },
  insufficientPermissions: { kind: 'auth', health: 'missing_permissions' },
  ACCESS_TOKEN_SCOPE_INSUFFICIENT: { kind: 'auth', health: 'missing_permissions' },
  youtubeSignupRequired: { kind: 'permanent', health: 'missing_permissions' },
  authenticatedUserNotChannel: { kind: 'permanent', health: 'missing_permissions' },
  accountDelegationForbidden: { kind: 'permanent', health: 'missing_permissions' },
  forbidden: { kind: 'permanent', health: 'missing_permissions' },
  forbiddenPrivacySetting: { kind: 'permanent', health: 'missing_permissions' },
  forbiddenLicenseSetting: { kind: 'permanent', health: 'missing_permissions' },
  authenticatedUserAccountClosed: { kind: 'permanent', health: 'cannot_post' },
  authenticatedUserAccountSuspended: { kind: 'permanent', health: 'cannot_post' },
  channelClosed: { kind: 'permanent', health: 'cannot_post' },
  channelSuspended: { kind: 'permanent', health: 'cannot_post' },
  // The request itself is wrong: sending it again gives the same answer.
  invalidTitle: { kind: 'permanent' },
  invalidDescription: { kind: 'permanent' },
  invalidTags: { kind: 'permanent' },
  invalidCategoryId: { kind: 'permanent' },
  invalidFilename: { kind: 'permanent' },
  invalidPublishAt: { kind: 'permanent' },
  invalidRecordingDetails: { kind: 'permanent' },
  invalidVideoGameRating: { kind: 'permanent' },
  invalidVideoMetadata: { kind: 'permanent' },
  defaultLanguageNotSet: { kind: 'permanent' },
  missingRequiredParameter: { kind: 'permanent' },
  badRequest: { kind: 'permanent' },
  mediaBodyRequired: { kind: 'permanent', health: 'media_rejected' },
  invalidImage: { kind: 'permanent', health: 'media_rejected' },
  uploadTooLarge: { kind: 'permanent', health: 'media_rejected' },
  // A retired API version (v2 answered 410 when it was switched off; v3 has no announced date).
  deprecated: { kind: 'permanent', health: 'api_version_sunset' },
  videoNotFound: { kind: 'not_found' },
  playlistNotFound: { kind: 'not_found' },
  channelNotFound: { kind: 'not_found' },
  notFound: { kind: 'not_found' },
  backendError: { kind: 'generic', health: 'platform_unavailable' },
};

/** The reason that decides: the first one we know, else the first one given. */
function reasonOf(body: unknown): string | undefined {
  const parsed = googleErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const reasons = (parsed.data.error.errors ?? []).map((e) => e.reason).filter((r): r is string => !!r);
  if (parsed.data.error.status) reasons.push(parsed.data.error.status);
  return reasons.find((r) => r in RULES) ?? reasons[0];
}

function statusRule(status: number): Rule {
  if (status === 401) return RULES.authError!;
  if (status === 410) return RULES.deprecated!;
  if (status === 429) return RULES.rateLimitExceeded!;
  if (status >= 500) return RULES.backendError!;
  return { kind: 'generic' };
}

/** mapError of the YouTube Data API calls (www.googleapis.com/youtube/v3 and /upload/youtube/v3). */
export function mapYouTubeError(f: ConnectorFailure, now: number = Date.now()): ConnectorError {
  const reason = reasonOf(f.body);
  const rule = (reason ? RULES[reason] : undefined) ?? statusRule(f.status);
  const kind = rule.kind === 'generic' ? f.generic.kind : rule.kind;
  const details: ConnectorErrorDetails = { ...f.generic.details, platformCode: reason ?? String(f.status) };
  if (rule.health) details.health = rule.health;
  if (rule.wait === 'quota_day' || rule.wait === 'one_day') {
    const at = rule.wait === 'quota_day' ? nextQuotaReset(new Date(now)).getTime() : now + 24 * 3600 * 1000;
    details.retryAt = new Date(at).toISOString();
    details.retryAfterSeconds = Math.max(1, Math.ceil((at - now) / 1000));
  } else if (rule.wait === 'header') {
    details.retryAfterSeconds = parseRetryAfter(f.headers.get('retry-after'), now);
  }
  const label = `${f.call.method} ${f.call.route} answered ${f.status}`;
  return new ConnectorError(kind, reason ? `${label} (${reason})` : label, details);
}

/** mapError of Google's token endpoint: `invalid_grant` is a dead grant; a bad client is our configuration. */
export function mapGoogleTokenError(f: ConnectorFailure): ConnectorError {
  const parsed = googleTokenErrorSchema.safeParse(f.body);
  const code = parsed.success ? parsed.data.error : undefined;
  const details: ConnectorErrorDetails = { ...f.generic.details, platformCode: code ?? String(f.status) };
  const label = `${f.call.method} ${f.call.route} answered ${f.status}${code ? ` (${code})` : ''}`;
  if (code === 'invalid_grant') return new ConnectorError('auth', label, { ...details, health: 'token_revoked' });
  // tokeninfo's answer for an access token that no longer works
  if (code === 'invalid_token') return new ConnectorError('auth', label, { ...details, health: 'token_expired' });
  if (code === 'invalid_client' || code === 'unauthorized_client')
    return new ConnectorError('auth', `${label}: the app's OAuth client was refused`, details);
  // Google does not rotate refresh tokens: a token call whose answer was lost can simply be made again.
  if (f.status >= 500) return new ConnectorError('transient', label, details);
  if (f.status === 429) return new ConnectorError('rate_limited', label, details);
  return new ConnectorError('permanent', label, details);
}
