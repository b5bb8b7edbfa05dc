import { ConnectorError } from '../connector.errors';
import type { ConnectorFailure } from '../http/connector-http';
import { statusError } from '../http/http-errors';
import { mapGoogleTokenError, mapYouTubeError } from './youtube-errors';

// 2026-03-10 12:00 UTC = 05:00 in Los Angeles (PDT since 2026-03-08): the quota rolls at 2026-03-11 07:00 UTC.
const NOW = Date.parse('2026-03-10T12:00:00Z');

function failure(
  status: number,
  body: unknown,
  call: { method: string; route: string } = { method: 'POST', route: '/upload/youtube/v3/videos' },
  headers: Record<string, string> = {},
): ConnectorFailure {
  const h = new Headers(headers);
  return { call, status, body, headers: h, generic: statusError(call, status, h, undefined, NOW) };
}

const google = (status: number, reason: string, domain = 'youtube.video') => ({
  error: {
    code: status,
    message: 'secret text the message must not carry',
    errors: [{ reason, domain, message: 'x' }],
  },
});

describe('mapYouTubeError: the documented Google error bodies as typed errors', () => {
  it('quotaExceeded and dailyLimitExceeded wait for midnight Pacific: rate_limited, quota_exhausted, retryAt', () => {
    for (const reason of ['quotaExceeded', 'dailyLimitExceeded']) {
      const err = mapYouTubeError(failure(403, google(403, reason, 'youtube.quota')), NOW);
      expect(err).toMatchObject({
        kind: 'rate_limited',
        details: {
          platformCode: reason,
          health: 'quota_exhausted',
          retryAt: '2026-03-11T07:00:00.000Z',
          retryAfterSeconds: 19 * 3600,
        },
      });
    }
  });

  it('the quota day rolls at midnight Pacific in winter too (PST, UTC-8)', () => {
    const winter = Date.parse('2026-01-15T09:00:00Z'); // 01:00 in Los Angeles
    const err = mapYouTubeError(failure(403, google(403, 'quotaExceeded', 'youtube.quota')), winter);
    expect(err.details.retryAt).toBe('2026-01-16T08:00:00.000Z');
  });

  it('uploadLimitExceeded is the channel’s daily cap: rate_limited, daily_limit, a day later', () => {
    const err = mapYouTubeError(failure(400, google(400, 'uploadLimitExceeded')), NOW);
    expect(err).toMatchObject({
      kind: 'rate_limited',
      details: { health: 'daily_limit', retryAfterSeconds: 86400, retryAt: new Date(NOW + 86400_000).toISOString() },
    });
  });

  it('rate limits honour Retry-After (403 rateLimitExceeded and a bare 429)', () => {
    const limited = mapYouTubeError(
      failure(403, google(403, 'rateLimitExceeded', 'usageLimits'), undefined, { 'retry-after': '42' }),
      NOW,
    );
    expect(limited).toMatchObject({ kind: 'rate_limited', details: { retryAfterSeconds: 42, health: 'rate_limited' } });
    const bare = mapYouTubeError(failure(429, undefined, undefined, { 'retry-after': '7' }), NOW);
    expect(bare).toMatchObject({ kind: 'rate_limited', details: { retryAfterSeconds: 7, platformCode: '429' } });
  });

  it('401 authError is an auth failure of the access token', () => {
    const err = mapYouTubeError(failure(401, google(401, 'authError', 'global')), NOW);
    expect(err).toMatchObject({ kind: 'auth', details: { health: 'token_expired', status: 401 } });
  });

  it('missing scopes and forbidden calls say missing_permissions', () => {
    expect(mapYouTubeError(failure(403, google(403, 'insufficientPermissions', 'global')), NOW)).toMatchObject({
      kind: 'auth',
      details: { health: 'missing_permissions' },
    });
    for (const reason of ['forbidden', 'youtubeSignupRequired', 'authenticatedUserNotChannel'])
      expect(mapYouTubeError(failure(403, google(403, reason)), NOW)).toMatchObject({
        kind: 'permanent',
        details: { health: 'missing_permissions', platformCode: reason },
      });
  });

  it('a suspended or closed channel cannot post', () => {
    expect(mapYouTubeError(failure(403, google(403, 'authenticatedUserAccountSuspended')), NOW)).toMatchObject({
      kind: 'permanent',
      details: { health: 'cannot_post' },
    });
  });

  it('invalid metadata is permanent with no health signal; a missing or refused media body is media_rejected', () => {
    for (const reason of ['invalidTitle', 'invalidDescription', 'invalidCategoryId', 'invalidTags']) {
      const err = mapYouTubeError(failure(400, google(400, reason)), NOW);
      expect(err.kind).toBe('permanent');
      expect(err.details.health).toBeUndefined();
      expect(err.details.platformCode).toBe(reason);
    }
    for (const reason of ['mediaBodyRequired', 'invalidImage'])
      expect(mapYouTubeError(failure(400, google(400, reason)), NOW)).toMatchObject({
        kind: 'permanent',
        details: { health: 'media_rejected' },
      });
  });

  it('a retired API version (410, reason deprecated) is api_version_sunset', () => {
    expect(mapYouTubeError(failure(410, google(410, 'deprecated', 'global')), NOW)).toMatchObject({
      kind: 'permanent',
      details: { health: 'api_version_sunset' },
    });
    expect(mapYouTubeError(failure(410, 'not json'), NOW).details.health).toBe('api_version_sunset');
  });

  it('5xx keeps the generic kind (unknown for a write, transient for a read) and says platform_unavailable', () => {
    const write = mapYouTubeError(failure(503, google(503, 'backendError', 'global')), NOW);
    expect(write).toMatchObject({ kind: 'outcome_unknown', details: { status: 503, health: 'platform_unavailable' } });
    const read = mapYouTubeError(failure(500, undefined, { method: 'GET', route: '/youtube/v3/videos' }), NOW);
    expect(read).toMatchObject({ kind: 'transient', details: { health: 'platform_unavailable' } });
  });

  it('not-found reasons are not_found', () => {
    expect(mapYouTubeError(failure(404, google(404, 'videoNotFound')), NOW).kind).toBe('not_found');
  });

  it('an unknown reason keeps the status’s meaning and names the reason; a body that is not Google’s is the status', () => {
    expect(mapYouTubeError(failure(400, google(400, 'somethingNew')), NOW)).toMatchObject({
      kind: 'permanent',
      details: { platformCode: 'somethingNew' },
    });
    expect(mapYouTubeError(failure(403, '<html>'), NOW)).toMatchObject({
      kind: 'auth',
      details: { platformCode: '403' },
    });
  });

  it('messages name the route and the reason, never the body’s text', () => {
    const err = mapYouTubeError(failure(400, google(400, 'invalidTitle')), NOW);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.message).toBe('POST /upload/youtube/v3/videos answered 400 (invalidTitle)');
    expect(err.message).not.toMatch(/secret/);
  });
});

describe('mapGoogleTokenError: the token endpoint’s RFC 6749 errors', () => {
  const call = { method: 'POST', route: '/token' };
  it('invalid_grant is a dead grant: auth, token_revoked', () => {
    const err = mapGoogleTokenError(
      failure(400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }, call),
    );
    expect(err).toMatchObject({ kind: 'auth', details: { health: 'token_revoked', platformCode: 'invalid_grant' } });
    expect(err.message).not.toMatch(/revoked\./);
  });
  it('invalid_client is our configuration: auth without a token health signal', () => {
    const err = mapGoogleTokenError(failure(401, { error: 'invalid_client' }, call));
    expect(err.kind).toBe('auth');
    expect(err.details.health).toBeUndefined();
  });
  it('a 5xx of the token endpoint can be retried (Google does not rotate refresh tokens)', () => {
    expect(mapGoogleTokenError(failure(503, undefined, call)).kind).toBe('transient');
  });
  it('other errors are permanent', () => {
    expect(mapGoogleTokenError(failure(400, { error: 'unsupported_grant_type' }, call)).kind).toBe('permanent');
  });
});
