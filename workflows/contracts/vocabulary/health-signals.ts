/**
 * Why a connection needs attention, defined once: connectors raise them (ConnectorError details, restrictions in
 * AccountStanding), the token workflow records them, and the health centre words them for operators
 * (services/core/connector-health/operator-words.ts has one entry per signal; a new signal without words does
 * not compile).
 */
export const HEALTH_SIGNALS = [
  /** the platform refused the token: revoked by the user, password changed, app removed */
  'token_revoked',
  /** the access token expired and could not be refreshed in time */
  'token_expired',
  /** the refresh token itself expired (TikTok 180/365 days, LinkedIn 365 days, YouTube testing 7 days) */
  'refresh_expired',
  /** the platform cannot refresh without the user (LinkedIn non-partner apps): re-consent is due */
  'reconsent_due',
  /** the pinned API version is retired (LinkedIn HTTP 426) or about to be */
  'api_version_sunset',
  /** Instagram 2207051: the platform suspects spam; never retried automatically */
  'action_blocked',
  /** the platform's daily or rolling publish limit is reached (Instagram 2207042, TikTok spam_risk_too_many_posts) */
  'daily_limit',
  /** the project's quota on the platform's meter is spent (YouTube units) */
  'quota_exhausted',
  /** the app may publish only privately until the platform audits it (TikTok SELF_ONLY, YouTube private) */
  'private_only',
  /** the app is in testing mode: refresh tokens stop working after 7 days (YouTube) */
  'app_in_testing',
  /** scopes, permissions or page tasks the connection needs are missing */
  'missing_permissions',
  /** the account cannot post right now according to the platform (TikTok can_post false) */
  'cannot_post',
  /** the platform refused the media (type, size, duration, download failed) */
  'media_rejected',
  /** the platform answers with errors or not at all */
  'platform_unavailable',
  /** the platform's rate limit answered 429 */
  'rate_limited',
] as const;
export type HealthSignal = (typeof HEALTH_SIGNALS)[number];

export function isHealthSignal(value: string): value is HealthSignal {
  return (HEALTH_SIGNALS as readonly string[]).includes(value);
}
