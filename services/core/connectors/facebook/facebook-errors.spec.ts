import { ConnectorError } from '../connector.errors';
import type { ConnectorFailure } from '../http/connector-http';
import { statusError } from '../http/http-errors';
import { FACEBOOK_THROTTLE_FALLBACK_SECONDS, mapFacebookError } from './facebook-errors';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const SECRET_MESSAGE = 'Object with ID 104000000000001_999 and text "launch day" is private';

function failure(
  body: unknown,
  opts: { status?: number; method?: string; route?: string; headers?: Record<string, string> } = {},
): ConnectorFailure {
  const call = { method: opts.method ?? 'POST', route: opts.route ?? '/{page-id}/feed' };
  const status = opts.status ?? 400;
  const headers = new Headers(opts.headers);
  return { call, status, body, headers, requestId: 'req-1', generic: statusError(call, status, headers, 'req-1', NOW) };
}

const graph = (code: number, subcode?: number, extra: Record<string, unknown> = {}) => ({
  error: { message: SECRET_MESSAGE, type: 'OAuthException', code, error_subcode: subcode, fbtrace_id: 'AbC', ...extra },
});

function mapped(body: unknown, opts?: Parameters<typeof failure>[1]): ConnectorError {
  const err = mapFacebookError(failure(body, opts), NOW);
  expect(err).toBeInstanceOf(ConnectorError);
  // The platform's message can carry ids and content: it never reaches ours.
  expect(err.message).not.toContain('104000000000001');
  expect(err.message).not.toContain('launch day');
  return err;
}

describe('mapFacebookError: the Graph API error classes', () => {
  it.each([
    [463, 'token_expired'],
    [460, 'token_revoked'],
    [458, 'token_revoked'],
    [467, 'token_revoked'],
    [492, 'token_revoked'],
    [undefined, 'token_revoked'],
  ])('code 190 subcode %s is auth with health %s', (subcode, health) => {
    const err = mapped(graph(190, subcode));
    expect(err.kind).toBe('auth');
    expect(err.details.health).toBe(health);
    expect(err.details.platformCode).toBe(subcode === undefined ? '190' : `190/${subcode}`);
    expect(err.message).toMatch(/^POST \/\{page-id\}\/feed: Facebook refused the token/);
  });

  it('code 102 (API session) is auth', () => {
    expect(mapped(graph(102)).kind).toBe('auth');
  });

  it('code 80001 waits for x-business-use-case-usage estimated_time_to_regain_access (minutes)', () => {
    const buc = { '104000000000001': [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 15 }] };
    const err = mapped(graph(80001), { headers: { 'x-business-use-case-usage': JSON.stringify(buc) } });
    expect(err.kind).toBe('rate_limited');
    expect(err.details.retryAfterSeconds).toBe(900);
    expect(err.details.retryAt).toBe(new Date(NOW + 900_000).toISOString());
    expect(err.details.health).toBe('rate_limited');
  });

  it('code 32 reads x-page-usage; the largest estimate wins', () => {
    const buc = { '1': [{ type: 'pages', estimated_time_to_regain_access: 2 }] };
    const err = mapped(graph(32), {
      headers: {
        'x-page-usage': JSON.stringify({ call_count: 100, estimated_time_to_regain_access: 7 }),
        'x-business-use-case-usage': JSON.stringify(buc),
      },
    });
    expect(err.details.retryAfterSeconds).toBe(420);
  });

  it('code 17 without an estimate honours Retry-After', () => {
    expect(mapped(graph(17), { headers: { 'retry-after': '45' } }).details.retryAfterSeconds).toBe(45);
  });

  it('code 4 with only x-app-usage percentages waits the fallback, not a minute', () => {
    const err = mapped(graph(4), {
      headers: { 'x-app-usage': '{"call_count":100,"total_time":12,"total_cputime":9}' },
    });
    expect(err.kind).toBe('rate_limited');
    expect(err.details.retryAfterSeconds).toBe(FACEBOOK_THROTTLE_FALLBACK_SECONDS);
  });

  it('a garbled usage header falls back too', () => {
    const err = mapped(graph(4), { headers: { 'x-business-use-case-usage': '{not json' } });
    expect(err.details.retryAfterSeconds).toBe(FACEBOOK_THROTTLE_FALLBACK_SECONDS);
  });

  it.each([3, 10, 200, 299])('code %s is permanent with missing_permissions', (code) => {
    const err = mapped(graph(code), { status: 403 });
    expect(err.kind).toBe('permanent');
    expect(err.details.health).toBe('missing_permissions');
  });

  it('code 368 (temporarily blocked) is permanent with action_blocked: never retried automatically', () => {
    const err = mapped(graph(368));
    expect(err.kind).toBe('permanent');
    expect(err.details.health).toBe('action_blocked');
  });

  it('code 506 says Facebook refused a duplicate of a recent post', () => {
    const err = mapped(graph(506));
    expect(err.kind).toBe('permanent');
    expect(err.message).toContain('Facebook refused a duplicate of a recent post');
  });

  it('code 1609005 (link) is permanent', () => {
    expect(mapped(graph(1609005)).kind).toBe('permanent');
  });

  it.each([2635, 12])('code %s (retired version) is permanent with api_version_sunset', (code) => {
    const err = mapped(graph(code));
    expect(err.kind).toBe('permanent');
    expect(err.details.health).toBe('api_version_sunset');
  });

  it.each([
    [324, undefined],
    [352, undefined],
    [6000, 1363023],
    [100, 1363022],
  ])('media errors (code %s, subcode %s) are permanent with media_rejected', (code, subcode) => {
    const err = mapped(graph(code, subcode), { route: '/{page-id}/videos' });
    expect(err.kind).toBe('permanent');
    expect(err.details.health).toBe('media_rejected');
  });

  it('code 100 subcode 33 (no such object) is not_found; other 100s are permanent', () => {
    expect(mapped(graph(100, 33), { method: 'GET', route: '/{post-id}' }).kind).toBe('not_found');
    expect(mapped(graph(100)).kind).toBe('permanent');
  });

  it.each([1, 2])('code %s is transient on a read and outcome_unknown on a write', (code) => {
    const read = mapped(graph(code), { method: 'GET', route: '/{post-id}', status: 500 });
    expect(read.kind).toBe('transient');
    expect(read.details.health).toBe('platform_unavailable');
    expect(mapped(graph(code), { status: 500 }).kind).toBe('outcome_unknown');
  });

  it('is_transient marks an otherwise unknown code as temporary', () => {
    expect(mapped(graph(9999, undefined, { is_transient: true }), { method: 'GET', route: '/me' }).kind).toBe(
      'transient',
    );
  });

  it('an unknown code keeps what the status says, with the platform code', () => {
    const err = mapped(graph(9999), { status: 400 });
    expect(err.kind).toBe('permanent');
    expect(err.details.platformCode).toBe('9999');
    expect(err.details.requestId).toBe('req-1');
  });

  it('a body that is not a Graph error is left to the status', () => {
    const f = failure('<html>bad gateway</html>', { status: 502 });
    expect(mapFacebookError(f, NOW)).toBe(f.generic);
  });
});
