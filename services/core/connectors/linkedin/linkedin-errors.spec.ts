import { ConnectorError } from '../connector.errors';
import type { ConnectorFailure } from '../http/connector-http';
import { statusError } from '../http/http-errors';
import { duplicateOf, mapLinkedInError, mapLinkedInOAuthError, nextUtcMidnight } from './linkedin-errors';

const NOW = Date.parse('2026-11-03T21:30:00Z');

function failure(
  status: number,
  body: unknown,
  call = { method: 'POST', route: '/rest/posts' },
  headers: Record<string, string> = {},
): ConnectorFailure {
  const h = new Headers(headers);
  return {
    call,
    status,
    body,
    headers: h,
    requestId: 'li-req-1',
    generic: statusError(call, status, h, 'li-req-1', NOW),
  };
}

describe('LinkedIn error mapping', () => {
  it('426: the pinned version is retired: permanent with api_version_sunset, not a generic failure', () => {
    const err = mapLinkedInError(
      failure(426, { status: 426, code: 'NONEXISTENT_VERSION', message: 'Requested version 20261001 is not active' }),
    );
    expect(err).toMatchObject({
      kind: 'permanent',
      details: {
        status: 426,
        platformCode: 'NONEXISTENT_VERSION',
        health: 'api_version_sunset',
        requestId: 'li-req-1',
      },
    });
    expect(err.message).not.toContain('20261001');
  });

  it('401: expired and revoked tokens by serviceErrorCode or message; an invalid token counts as revoked', () => {
    const expired = {
      status: 401,
      serviceErrorCode: 65602,
      code: 'EXPIRED_ACCESS_TOKEN',
      message: 'The token used in the request has expired',
    };
    const revoked = {
      status: 401,
      serviceErrorCode: 65601,
      code: 'REVOKED_ACCESS_TOKEN',
      message: 'The token used in the request has been revoked by the user',
    };
    expect(mapLinkedInError(failure(401, expired))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_expired' },
    });
    expect(mapLinkedInError(failure(401, revoked))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked', platformCode: 'REVOKED_ACCESS_TOKEN' },
    });
    expect(mapLinkedInError(failure(401, { serviceErrorCode: 65600, message: 'Invalid access token' }))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked', platformCode: '65600' },
    });
    expect(mapLinkedInError(failure(401, { message: 'Your token has expired.' })).details.health).toBe('token_expired');
    expect(mapLinkedInError(failure(401, undefined))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked' },
    });
  });

  it('403 ACCESS_DENIED: permanent and missing_permissions (the token works; a scope or Page role is missing)', () => {
    const body = {
      status: 403,
      serviceErrorCode: 100,
      code: 'ACCESS_DENIED',
      message: 'Not enough permissions to access: partnerApiPostsExternal.CREATE.20261001',
    };
    const err = mapLinkedInError(failure(403, body));
    expect(err).toMatchObject({
      kind: 'permanent',
      details: { platformCode: 'ACCESS_DENIED', health: 'missing_permissions' },
    });
    expect(err.message).not.toContain('partnerApi');
  });

  it('422 duplicate: permanent with a clear message; the duplicated post is readable for the writer only', () => {
    const body = { status: 422, message: 'Content is a duplicate of urn:li:share:7260000000000000001' };
    const err = mapLinkedInError(failure(422, body));
    expect(err).toMatchObject({ kind: 'permanent', details: { platformCode: 'DUPLICATE_POST' } });
    expect(err.message).toMatch(/duplicate of a recent post/);
    expect(err.message).not.toContain('urn:li');
    expect(duplicateOf(body)).toBe('urn:li:share:7260000000000000001');
    expect(duplicateOf({ status: 422, message: 'ERROR :: /commentary :: too long' })).toBeUndefined();
    expect(mapLinkedInError(failure(422, { status: 422, message: 'ERROR :: /commentary :: too long' })).kind).toBe(
      'permanent',
    );
  });

  it('429 daily limits wait until 00:00 UTC with daily_limit; other 429s honour Retry-After', () => {
    const daily = mapLinkedInError(
      failure(429, {
        status: 429,
        message: 'Resource level throttle MEMBER DAY limit for calls to this resource is reached.',
      }),
      NOW,
    );
    expect(daily).toMatchObject({
      kind: 'rate_limited',
      details: {
        health: 'daily_limit',
        platformCode: 'MEMBER_DAY',
        retryAt: '2026-11-04T00:00:00.000Z',
        retryAfterSeconds: 2.5 * 3600,
      },
    });
    const burst = mapLinkedInError(
      failure(429, { status: 429, message: 'Too many requests' }, undefined, { 'retry-after': '17' }),
      NOW,
    );
    expect(burst).toMatchObject({ kind: 'rate_limited', details: { health: 'rate_limited', retryAfterSeconds: 17 } });
    expect(burst.details.retryAt).toBeUndefined();
    expect(nextUtcMidnight(Date.parse('2026-12-31T23:59:59Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('5xx: a write is an unknown outcome, a read transient, both platform_unavailable; 404 not found; 400 permanent', () => {
    expect(mapLinkedInError(failure(503, {}))).toMatchObject({
      kind: 'outcome_unknown',
      details: { health: 'platform_unavailable' },
    });
    expect(mapLinkedInError(failure(500, {}, { method: 'GET', route: '/rest/posts/{urn}' })).kind).toBe('transient');
    expect(mapLinkedInError(failure(404, { status: 404 }, { method: 'GET', route: '/rest/posts/{urn}' })).kind).toBe(
      'not_found',
    );
    expect(
      mapLinkedInError(failure(400, { status: 400, code: 'VERSION_MISSING', message: 'A version must be present.' })),
    ).toMatchObject({ kind: 'permanent', details: { platformCode: 'VERSION_MISSING' } });
  });

  it('the token endpoint: an expired refresh token, a revoked grant, a lost answer retried safely', () => {
    const call = { method: 'POST', route: '/oauth/v2/accessToken' };
    expect(
      mapLinkedInOAuthError(
        failure(400, { error: 'invalid_request', error_description: 'The provided refresh token has expired' }, call),
      ),
    ).toMatchObject({ kind: 'auth', details: { health: 'refresh_expired', platformCode: 'invalid_request' } });
    expect(
      mapLinkedInOAuthError(
        failure(
          400,
          { error: 'invalid_grant', error_description: 'The provided authorization grant is invalid or revoked' },
          call,
        ),
      ),
    ).toMatchObject({ kind: 'auth', details: { health: 'token_revoked' } });
    const lost = mapLinkedInOAuthError(failure(502, undefined, call));
    expect(lost).toBeInstanceOf(ConnectorError);
    expect(lost.kind).toBe('transient');
  });
});
