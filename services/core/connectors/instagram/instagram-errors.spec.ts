import type { ConnectorFailure } from '../http/connector-http';
import { statusError } from '../http/http-errors';
import { containerErrorSubcode, mapInstagramError } from './instagram-errors';

const NOW = Date.parse('2026-11-30T12:00:00Z');
const PUBLISH = { method: 'POST', route: '/v25.0/{ig-user-id}/media_publish' };
const READ = { method: 'GET', route: '/v25.0/{ig-media-id}' };

/** Graph's error body; its message carries text that must never reach our error message. */
const graph = (code: number, subcode?: number, extra: Record<string, unknown> = {}) => ({
  error: {
    message: 'Media 17900000000000001 of @someone: secret caption',
    type: 'OAuthException',
    code,
    ...(subcode !== undefined ? { error_subcode: subcode } : {}),
    fbtrace_id: 'AbC',
    ...extra,
  },
});

function failure(
  body: unknown,
  opts: { status?: number; headers?: Record<string, string>; call?: typeof PUBLISH } = {},
) {
  const call = opts.call ?? PUBLISH;
  const status = opts.status ?? 400;
  const headers = new Headers(opts.headers);
  const f: ConnectorFailure = {
    call,
    status,
    body,
    headers,
    generic: statusError(call, status, headers, undefined, NOW),
  };
  return mapInstagramError(f, NOW);
}

describe('Instagram error mapping (Graph error bodies → typed errors)', () => {
  it('2207051 action blocked: permanent with action_blocked, never retried automatically', () => {
    const e = failure(graph(4, 2207051));
    expect(e).toMatchObject({ kind: 'permanent', details: { health: 'action_blocked', platformCode: '4/2207051' } });
    expect(e.message).not.toMatch(/secret|17900000000000001|someone/);
    expect(e.message).toContain('POST /v25.0/{ig-user-id}/media_publish');
  });

  it('2207042 daily limit: rate_limited with daily_limit and a retryAt a day out', () => {
    expect(failure(graph(9, 2207042))).toMatchObject({
      kind: 'rate_limited',
      details: {
        health: 'daily_limit',
        platformCode: '9/2207042',
        retryAfterSeconds: 86400,
        retryAt: new Date(NOW + 86400_000).toISOString(),
      },
    });
  });

  it.each([
    [-2, 2207003, 'download timeout'],
    [-2, 2207020, 'container expired'],
    [-1, 2207001, 'server error'],
    [-1, 2207032, 'create failed'],
    [-1, 2207053, 'unknown upload error'],
    [9007, 2207027, 'not ready'],
  ])('%i/%i (%s): transient, a new container or a later try', (code, subcode) => {
    const e = failure(graph(code, subcode));
    expect(e.kind).toBe('transient');
    expect(e.details.platformCode).toBe(`${code}/${subcode}`);
    expect(e.details.health).toBeUndefined();
  });

  it.each([
    [36000, 2207004],
    [36001, 2207005],
    [36003, 2207009],
    [352, 2207026],
    [9004, 2207052],
  ])('%i/%i: the platform refused the media: permanent with media_rejected', (code, subcode) => {
    expect(failure(graph(code, subcode))).toMatchObject({ kind: 'permanent', details: { health: 'media_rejected' } });
  });

  it('190: auth; subcode 463 is an expired token, anything else a revoked one', () => {
    expect(failure(graph(190))).toMatchObject({ kind: 'auth', details: { health: 'token_revoked' } });
    expect(failure(graph(190, 460))).toMatchObject({ kind: 'auth', details: { health: 'token_revoked' } });
    expect(failure(graph(190, 463))).toMatchObject({ kind: 'auth', details: { health: 'token_expired' } });
    expect(failure(graph(102))).toMatchObject({ kind: 'auth' });
  });

  it.each([4, 17, 32, 613, 80002])(
    'throttle code %i: rate_limited, waiting what x-business-use-case-usage says',
    (code) => {
      const usage = {
        '17841400000000101': [{ type: 'instagram', call_count: 100, estimated_time_to_regain_access: 19 }],
      };
      expect(
        failure(graph(code, undefined, { is_transient: true }), {
          headers: { 'x-business-use-case-usage': JSON.stringify(usage) },
        }),
      ).toMatchObject({
        kind: 'rate_limited',
        details: { health: 'rate_limited', retryAfterSeconds: 19 * 60 },
      });
    },
  );

  it('a throttle waits Retry-After first, a share of the hour on a full x-app-usage, else the default', () => {
    expect(failure(graph(4), { headers: { 'retry-after': '120' } }).details.retryAfterSeconds).toBe(120);
    expect(
      failure(graph(4), { headers: { 'x-app-usage': '{"call_count":100,"total_time":20}' } }).details.retryAfterSeconds,
    ).toBe(900);
    expect(failure(graph(4), { headers: { 'x-business-use-case-usage': 'not json' } }).details.retryAfterSeconds).toBe(
      60,
    );
  });

  it('a deprecated Graph version (2635): permanent with api_version_sunset', () => {
    expect(failure(graph(2635))).toMatchObject({ kind: 'permanent', details: { health: 'api_version_sunset' } });
  });

  it('a permission not granted (10, 200-299): permanent with missing_permissions', () => {
    expect(failure(graph(10), { status: 403 })).toMatchObject({
      kind: 'permanent',
      details: { health: 'missing_permissions' },
    });
    expect(failure(graph(200))).toMatchObject({ kind: 'permanent', details: { health: 'missing_permissions' } });
  });

  it('100/33 "object does not exist": not_found on a read, permanent on a write', () => {
    expect(failure(graph(100, 33), { call: READ }).kind).toBe('not_found');
    expect(failure(graph(100, 33)).kind).toBe('permanent');
    expect(failure(graph(100)).kind).toBe('permanent');
  });

  it('a temporary Graph error: a write may have been applied (outcome_unknown), a read is retried', () => {
    expect(failure(graph(2)).kind).toBe('outcome_unknown');
    expect(failure(graph(1), { call: READ }).kind).toBe('transient');
    expect(failure(graph(12345, undefined, { is_transient: true }), { call: READ }).kind).toBe('transient');
    expect(failure({ error: { message: 'x' } }, { status: 500 }).kind).toBe('outcome_unknown');
  });

  it("Instagram Login's token host body keeps the status' meaning and names its code", () => {
    const e = failure({ error_type: 'OAuthException', code: 400, error_message: 'Matching code was not found' });
    expect(e).toMatchObject({ kind: 'permanent', details: { platformCode: 'OAuthException/400' } });
    expect(e.message).not.toMatch(/Matching/);
  });

  it('a body that is not Graph error JSON: what the status says', () => {
    expect(failure(undefined, { status: 429, headers: { 'retry-after': '7' } })).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 7 },
    });
    expect(failure('<html>', { status: 503 }).kind).toBe('outcome_unknown');
  });

  it('reads the subcode a container in ERROR carries in its status', () => {
    expect(containerErrorSubcode('2207003')).toBe(2207003);
    expect(containerErrorSubcode('Error: Media upload has failed with error code 2207026')).toBe(2207026);
    expect(containerErrorSubcode('Error')).toBeUndefined();
    expect(containerErrorSubcode(undefined)).toBeUndefined();
  });
});
