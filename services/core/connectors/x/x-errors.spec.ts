import type { ConnectorFailure } from '../http/connector-http';
import { statusError } from '../http/http-errors';
import { mapXError, mapXTokenError } from './x-errors';

const NOW = Date.parse('2026-11-02T10:00:00Z');
const SECRET_DETAIL = 'the post text: launch day at 9 https://secret.example/x?id=42';

function failure(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
  route = '/2/tweets',
): ConnectorFailure {
  const h = new Headers(headers);
  return {
    call: { method, route },
    status,
    body,
    headers: h,
    requestId: 'tx-1',
    generic: statusError({ method, route }, status, h, 'tx-1', NOW),
  };
}
const problem = (status: number, detail: string, type = 'about:blank', title = 'Error') => ({
  title,
  detail,
  type,
  status,
});

describe('mapXError: X problem details as typed connector errors', () => {
  it('401 is an auth error X does not explain: expired, which a refresh cures or reports as revoked', () => {
    const e = mapXError(failure(401, problem(401, 'Unauthorized')), NOW);
    expect(e).toMatchObject({
      kind: 'auth',
      details: { status: 401, health: 'token_expired', platformCode: 'unauthorized', requestId: 'tx-1' },
    });
  });

  it('403 duplicate content is permanent and names no health problem of the connection', () => {
    const e = mapXError(
      failure(403, problem(403, 'You are not allowed to create a Tweet with duplicate content.')),
      NOW,
    );
    expect(e.kind).toBe('permanent');
    expect(e.details).toMatchObject({ platformCode: 'duplicate_content' });
    expect(e.details.health).toBeUndefined();
  });

  it('a bare 403 (a scope missing) and client-forbidden say a permission is missing', () => {
    expect(mapXError(failure(403, problem(403, 'Forbidden')), NOW)).toMatchObject({
      kind: 'permanent',
      details: { health: 'missing_permissions', platformCode: 'forbidden' },
    });
    const cf = problem(403, 'When authenticating requests...', 'https://api.x.com/2/problems/client-forbidden');
    expect(mapXError(failure(403, { ...cf, reason: 'client-not-enrolled' }), NOW).details).toMatchObject({
      health: 'missing_permissions',
      platformCode: 'client-forbidden',
    });
  });

  it('403 "not permitted" (a locked account) says the account cannot post', () => {
    const e = mapXError(failure(403, problem(403, 'You are not permitted to perform this action.')), NOW);
    expect(e.details).toMatchObject({ health: 'cannot_post', platformCode: 'not_permitted' });
  });

  it('429 waits until x-rate-limit-reset', () => {
    const reset = String(NOW / 1000 + 420);
    const e = mapXError(
      failure(429, problem(429, 'Too Many Requests'), { 'x-rate-limit-reset': reset, 'x-rate-limit-remaining': '0' }),
      NOW,
    );
    expect(e).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 420, retryAt: '2026-11-02T10:07:00.000Z', health: 'rate_limited', status: 429 },
    });
  });

  it('429 with the 24-hour user limit spent is a daily limit until its reset', () => {
    const headers = {
      'x-rate-limit-reset': String(NOW / 1000 + 60),
      'x-user-limit-24hour-remaining': '0',
      'x-user-limit-24hour-reset': String(NOW / 1000 + 5 * 3600),
    };
    expect(mapXError(failure(429, problem(429, 'Too Many Requests'), headers), NOW)).toMatchObject({
      kind: 'rate_limited',
      details: {
        health: 'daily_limit',
        platformCode: 'user_24hour_limit',
        retryAfterSeconds: 5 * 3600,
        retryAt: '2026-11-02T15:00:00.000Z',
      },
    });
  });

  it('429 usage-capped is permanent: the project cap does not pass by waiting minutes', () => {
    const body = problem(
      429,
      'Usage cap exceeded: Monthly product cap',
      'https://api.x.com/2/problems/usage-capped',
      'UsageCapExceeded',
    );
    expect(mapXError(failure(429, body), NOW)).toMatchObject({
      kind: 'permanent',
      details: { health: 'quota_exhausted', platformCode: 'usage-capped' },
    });
  });

  it('429 without X headers falls back to Retry-After', () => {
    expect(mapXError(failure(429, undefined, { 'retry-after': '30' }), NOW).details.retryAfterSeconds).toBe(30);
  });

  it('410 is a retired endpoint: permanent, api_version_sunset', () => {
    expect(mapXError(failure(410, problem(410, 'Gone')), NOW)).toMatchObject({
      kind: 'permanent',
      details: { health: 'api_version_sunset' },
    });
  });

  it('400 about the media is media_rejected; other 400s are permanent', () => {
    const media = {
      errors: [{ message: 'Your media IDs are invalid.' }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: 'https://api.x.com/2/problems/invalid-request',
    };
    expect(mapXError(failure(400, media), NOW)).toMatchObject({
      kind: 'permanent',
      details: { health: 'media_rejected', platformCode: 'invalid-request' },
    });
    const other = { ...media, errors: [{ message: 'The `text` field is required' }] };
    const e = mapXError(failure(400, other), NOW);
    expect(e.kind).toBe('permanent');
    expect(e.details.health).toBeUndefined();
  });

  it('404 is not_found, 402 a spent credit balance, 413 a refused chunk', () => {
    expect(mapXError(failure(404, problem(404, 'x'), {}, 'GET', '/2/media/upload'), NOW).kind).toBe('not_found');
    expect(mapXError(failure(402, {}), NOW).details.health).toBe('quota_exhausted');
    expect(mapXError(failure(413, {}), NOW).details.health).toBe('media_rejected');
  });

  it('5xx keeps the generic kind (unknown for a write, transient for a read) and says the platform is failing', () => {
    expect(mapXError(failure(503, problem(503, 'Service Unavailable')), NOW)).toMatchObject({
      kind: 'outcome_unknown',
      details: { health: 'platform_unavailable' },
    });
    expect(mapXError(failure(500, undefined, {}, 'GET', '/2/users/me'), NOW).kind).toBe('transient');
  });

  it('never copies X’s detail into the message', () => {
    for (const status of [400, 401, 403, 404, 410, 429, 500]) {
      const e = mapXError(failure(status, problem(status, SECRET_DETAIL)), NOW);
      expect(e.message).not.toContain('secret');
      expect(e.message).toMatch(/^POST \/2\/tweets/);
    }
  });
});

describe('mapXTokenError: the token endpoint', () => {
  const token = (status: number, body: unknown) => failure(status, body, {}, 'POST', '/2/oauth2/token');

  it('a used, revoked or unknown refresh token is auth + token_revoked (connect again)', () => {
    const e = mapXTokenError(
      token(400, { error: 'invalid_request', error_description: 'Value passed for the token was invalid.' }),
    );
    expect(e).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked', platformCode: 'invalid_request', status: 400 },
    });
  });

  it('refused app credentials are our configuration: permanent, no account health', () => {
    const e = mapXTokenError(
      token(401, { error: 'unauthorized_client', error_description: 'Missing valid authorization header' }),
    );
    expect(e.kind).toBe('permanent');
    expect(e.details.health).toBeUndefined();
  });
});
