import { z } from 'zod';
import { ConnectorError } from '../connector.errors';
import type { ConnectorErrorDetails } from '../connector.errors';
import type { ConnectorFailure } from '../http/connector-http';

/**
 * LinkedIn's error body (https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/error-handling):
 * `{status, serviceErrorCode, code, message}`; every field is optional here, since a proxy or an edge may answer too.
 */
export const linkedinErrorSchema = z
  .object({
    status: z.number().optional(),
    serviceErrorCode: z.number().optional(),
    code: z.string().optional(),
    message: z.string().optional(),
  })
  .passthrough();
export type LinkedInErrorBody = z.infer<typeof linkedinErrorSchema>;

/** The OAuth endpoints' error body (RFC 6749 §5.2), as LinkedIn's token and introspection endpoints answer it. */
export const linkedinOAuthErrorSchema = z
  .object({ error: z.string(), error_description: z.string().optional() })
  .passthrough();

/** 401 bodies name the token's fate by serviceErrorCode or message (error-handling page, 401 table). */
const REVOKED_TOKEN = 65601;
const EXPIRED_TOKEN = 65602;

/** "Resource level throttle APPLICATION DAY limit for calls to this resource is reached." */
const DAILY_THROTTLE = /throttle\s+(APPLICATION|MEMBER)\s+DAY\s+limit/i;
/** "Content is a duplicate of urn:li:share:..." (422 on POST /rest/posts). */
const DUPLICATE = /duplicate/i;
const DUPLICATE_OF = /duplicate of (urn:li:(?:share|ugcPost):[0-9A-Za-z_-]+)/;

export function parseLinkedInError(body: unknown): LinkedInErrorBody {
  const parsed = linkedinErrorSchema.safeParse(body);
  return parsed.success ? parsed.data : {};
}

/** The post a 422 "duplicate" names, for a writer that must tell its own earlier attempt from someone else's post. */
export function duplicateOf(body: unknown): string | undefined {
  return DUPLICATE_OF.exec(parseLinkedInError(body).message ?? '')?.[1];
}

/** The next 00:00 UTC: LinkedIn's daily application and member limits reset then (rate-limits page). */
export function nextUtcMidnight(now: number): Date {
  const d = new Date(now);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1));
}

/**
 * A LinkedIn REST failure as a typed error. Messages name the route shape and LinkedIn's class of error, never the
 * body's text (it can carry URNs and version strings of our request).
 */
export function mapLinkedInError(f: ConnectorFailure, now: number = Date.now()): ConnectorError {
  const body = parseLinkedInError(f.body);
  const label = `${f.call.method} ${f.call.route}`;
  const message = body.message ?? '';
  const base: ConnectorErrorDetails = {
    status: f.status,
    requestId: f.requestId,
    platformCode: body.code ?? (body.serviceErrorCode !== undefined ? String(body.serviceErrorCode) : undefined),
  };

  if (f.status === 426)
    return new ConnectorError(
      'permanent',
      `${label} answered 426: LinkedIn no longer serves the pinned Linkedin-Version; move the connector to a current version`,
      { ...base, platformCode: base.platformCode ?? 'NONEXISTENT_VERSION', health: 'api_version_sunset' },
    );

  if (f.status === 401) {
    const expired = body.serviceErrorCode === EXPIRED_TOKEN || /expired/i.test(message);
    const revoked = body.serviceErrorCode === REVOKED_TOKEN || /revoked/i.test(message);
    return new ConnectorError(
      'auth',
      `${label} answered 401: the access token ${expired ? 'has expired' : revoked ? 'was revoked' : 'is not valid'}`,
      // An invalid token (65600) works no more than a revoked one: the member must consent again.
      { ...base, health: expired ? 'token_expired' : 'token_revoked' },
    );
  }

  if (f.status === 403)
    // ACCESS_DENIED: a scope the consent did not grant, or a Page role the member does not hold. Retrying will not
    // grant it; the token itself still works, so this is not an auth failure.
    return new ConnectorError(
      'permanent',
      `${label} answered 403: the member lacks a permission or Page role this call needs`,
      { ...base, platformCode: base.platformCode ?? 'ACCESS_DENIED', health: 'missing_permissions' },
    );

  if (f.status === 422 && DUPLICATE.test(message))
    return new ConnectorError(
      'permanent',
      `${label} answered 422: LinkedIn refuses the post as a duplicate of a recent post by the same author; ` +
        'change the text or publish it later',
      { ...base, platformCode: 'DUPLICATE_POST' },
    );

  if (f.status === 429) {
    const daily = DAILY_THROTTLE.exec(message);
    if (daily) {
      const resetAt = nextUtcMidnight(now);
      return new ConnectorError(
        'rate_limited',
        `${label} answered 429: the ${daily[1]!.toLowerCase()} daily limit is reached until 00:00 UTC`,
        {
          ...base,
          platformCode: `${daily[1]!.toUpperCase()}_DAY`,
          health: 'daily_limit',
          retryAt: resetAt.toISOString(),
          retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - now) / 1000)),
        },
      );
    }
    return new ConnectorError('rate_limited', `${label} answered 429`, {
      ...base,
      health: 'rate_limited',
      retryAfterSeconds: f.generic.details.retryAfterSeconds,
    });
  }

  if (f.status >= 500)
    return new ConnectorError(f.generic.kind, f.generic.message, { ...base, health: 'platform_unavailable' });

  if (f.status === 404) return new ConnectorError('not_found', f.generic.message, base);

  // 400 (VERSION_MISSING, a malformed URN, a field LinkedIn refuses) and the rest: our request is wrong for LinkedIn;
  // sending it again changes nothing.
  return new ConnectorError('permanent', `${label} answered ${f.status}`, base);
}

/**
 * The token endpoint's failures. invalid_grant / invalid_request on a refresh: LinkedIn says "invalid, expired or
 * revoked" in one breath, so the description decides between an expired refresh token and a revoked grant.
 */
export function mapLinkedInOAuthError(f: ConnectorFailure): ConnectorError {
  const parsed = linkedinOAuthErrorSchema.safeParse(f.body);
  const label = `${f.call.method} ${f.call.route}`;
  if (!parsed.success || (f.status !== 400 && f.status !== 401)) {
    // 5xx, 429: LinkedIn's refresh does not rotate, so a token call whose answer was lost is safe to make again.
    if (f.generic.kind === 'outcome_unknown')
      return new ConnectorError('transient', f.generic.message, { ...f.generic.details });
    return f.generic;
  }
  const { error, error_description: description = '' } = parsed.data;
  return new ConnectorError('auth', `${label} refused the grant (${error})`, {
    status: f.status,
    requestId: f.requestId,
    platformCode: error,
    health: /expired/i.test(description) ? 'refresh_expired' : 'token_revoked',
  });
}
