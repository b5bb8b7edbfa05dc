import type { ConnectorError } from '../connector.errors';
import type { ConnectorFailure } from '../http/connector-http';
import { statusError } from '../http/http-errors';
import { DAILY_CAP_WAIT_SECONDS, mapTikTokError, publishFailedError } from './tiktok-errors';
import { TIKTOK_API_VERSION } from './tiktok.platform';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const call = { method: 'POST', route: '/v2/post/publish/video/init/' };

function failure(status: number, body: unknown, headers: Record<string, string> = {}): ConnectorFailure {
  const h = new Headers(headers);
  return { call, status, body, headers: h, generic: statusError(call, status, h, undefined, NOW) };
}
const tiktok = (status: number, code: string, headers?: Record<string, string>): ConnectorError =>
  mapTikTokError(
    failure(status, { data: {}, error: { code, message: 'm', log_id: 'LOG1' } }, headers),
    TIKTOK_API_VERSION,
    NOW,
  );

describe('TikTok error bodies, mapped to what the guard does', () => {
  it('keeps the code and the log id, never the message', () => {
    const e = tiktok(400, 'invalid_params');
    expect(e.details).toMatchObject({ platformCode: 'invalid_params', requestId: 'LOG1', status: 400 });
    expect(e.message).toBe(
      'POST /v2/post/publish/video/init/ answered 400 invalid_params: TikTok refused the request parameters',
    );
  });

  it('access_token_invalid (401) is auth: the token was refused', () => {
    expect(tiktok(401, 'access_token_invalid')).toMatchObject({ kind: 'auth', details: { health: 'token_revoked' } });
  });

  it.each(['scope_not_authorized', 'scope_permission_missed'])('%s is permanent: missing permissions', (code) => {
    expect(tiktok(401, code)).toMatchObject({ kind: 'permanent', details: { health: 'missing_permissions' } });
  });

  it('rate_limit_exceeded (429) waits: Retry-After when sent, a minute otherwise', () => {
    expect(tiktok(429, 'rate_limit_exceeded', { 'retry-after': '17' })).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 17, health: 'rate_limited' },
    });
    expect(tiktok(429, 'rate_limit_exceeded').details.retryAfterSeconds).toBe(60);
  });

  it('spam_risk_too_many_posts stops for the day: rate_limited, daily_limit, retryAt a day later', () => {
    expect(tiktok(403, 'spam_risk_too_many_posts')).toMatchObject({
      kind: 'rate_limited',
      details: {
        health: 'daily_limit',
        retryAfterSeconds: DAILY_CAP_WAIT_SECONDS,
        retryAt: '2026-11-21T10:00:00.000Z',
        platformCode: 'spam_risk_too_many_posts',
      },
    });
    expect(tiktok(403, 'spam_risk_too_many_pending_share').details.health).toBe('daily_limit');
  });

  it('reached_active_user_cap (unaudited apps: 5 creators a day) waits for the day and says private_only', () => {
    expect(tiktok(403, 'reached_active_user_cap')).toMatchObject({
      kind: 'rate_limited',
      details: { health: 'private_only', retryAt: '2026-11-21T10:00:00.000Z' },
    });
  });

  it('unaudited_client_can_only_post_to_private_accounts is permanent: private_only', () => {
    expect(tiktok(403, 'unaudited_client_can_only_post_to_private_accounts')).toMatchObject({
      kind: 'permanent',
      details: { health: 'private_only' },
    });
  });

  it('privacy_level_option_mismatch and spam_risk_text are permanent without a health signal', () => {
    for (const code of ['privacy_level_option_mismatch', 'spam_risk_text']) {
      const e = tiktok(403, code);
      expect(e.kind).toBe('permanent');
      expect(e.details.health).toBeUndefined();
    }
  });

  it('spam_risk_user_banned_from_posting is permanent: cannot_post', () => {
    expect(tiktok(403, 'spam_risk_user_banned_from_posting')).toMatchObject({
      kind: 'permanent',
      details: { health: 'cannot_post' },
    });
  });

  it.each(['invalid_file_upload', 'url_ownership_unverified'])('%s is permanent: media_rejected', (code) => {
    expect(tiktok(400, code)).toMatchObject({ kind: 'permanent', details: { health: 'media_rejected' } });
  });

  it('internal_error keeps what the status means for a write: the outcome is unknown', () => {
    expect(tiktok(500, 'internal_error')).toMatchObject({
      kind: 'outcome_unknown',
      details: { platformCode: 'internal_error' },
    });
  });

  it('a 410 Gone is the retired API version, whatever the body', () => {
    expect(mapTikTokError(failure(410, undefined), TIKTOK_API_VERSION, NOW)).toMatchObject({
      kind: 'permanent',
      details: { health: 'api_version_sunset', status: 410 },
    });
  });

  it('an unknown code or a body that is not TikTok’s falls back on the status', () => {
    expect(tiktok(403, 'something_new')).toMatchObject({
      kind: 'permanent',
      details: { platformCode: 'something_new' },
    });
    expect(mapTikTokError(failure(502, '<html>'), TIKTOK_API_VERSION, NOW)).toMatchObject({ kind: 'outcome_unknown' });
    expect(mapTikTokError(failure(429, undefined), TIKTOK_API_VERSION, NOW)).toMatchObject({
      kind: 'rate_limited',
      details: { health: 'rate_limited' },
    });
  });

  it('OAuth bodies ({error, error_description}) keep their error as the code', () => {
    const e = mapTikTokError(
      failure(400, { error: 'invalid_grant', error_description: 'Refresh token is invalid or expired.', log_id: 'L2' }),
      TIKTOK_API_VERSION,
      NOW,
    );
    expect(e).toMatchObject({ kind: 'permanent', details: { platformCode: 'invalid_grant', requestId: 'L2' } });
    expect(e.message).not.toContain('Refresh token is invalid');
  });
});

describe('a publish that status/fetch reports FAILED, by fail_reason', () => {
  it.each([
    'file_format_check_failed',
    'duration_check_failed',
    'frame_rate_check_failed',
    'picture_size_check_failed',
  ])('%s: the media was refused', (reason) => {
    expect(publishFailedError(reason, '/v2/post/publish/status/fetch/', NOW)).toMatchObject({
      kind: 'permanent',
      details: { health: 'media_rejected', platformCode: reason },
    });
  });

  it('internal: TikTok’s own trouble, a new publish may pass', () => {
    expect(publishFailedError('internal', '/s', NOW).kind).toBe('transient');
  });

  it('spam_risk_too_many_posts: the daily cap, as at init', () => {
    expect(publishFailedError('spam_risk_too_many_posts', '/s', NOW)).toMatchObject({
      kind: 'rate_limited',
      details: { health: 'daily_limit' },
    });
  });

  it('auth_removed: the creator removed the app', () => {
    expect(publishFailedError('auth_removed', '/s', NOW)).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked' },
    });
  });

  it('an unknown or missing reason is permanent', () => {
    expect(publishFailedError(undefined, '/s', NOW)).toMatchObject({
      kind: 'permanent',
      details: { platformCode: 'unknown' },
    });
  });
});
