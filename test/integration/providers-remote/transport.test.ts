import { providerRequest } from '../../../services/core/providers/http/provider-http';
import type { ProviderCallContext } from '../../../services/core/providers/provider.types';
import { ProviderError } from '../../../services/core/providers/provider.types';
import { addLogSink, setLogLevel } from '../../../services/core/telemetry/logger';
import { EmulatorServer } from '../../../services/emulators/emulator-server';

/**
 * The shared provider transport against a real HTTP server (the emulator skeleton with a generic route): deadline,
 * cancellation, status classes, Retry-After forms, non-JSON answers, redirects, and the key kept out of errors and
 * logs.
 */
const KEY = 'sk-transport-test-0123456789abcdef';
const PROMPT = 'a confidential brief about the spring launch';

let server: EmulatorServer;
let other: EmulatorServer;

beforeAll(async () => {
  server = await EmulatorServer.start({
    name: 'generic',
    errorBody: (status, message) => ({ error: { code: status, message: `${message}; you sent ${KEY}` } }),
    routes: [
      { method: 'POST', path: '/v1/echo', handle: () => ({ status: 200, json: { ok: true } }) },
      { method: 'GET', path: '/v1/bytes', handle: () => ({ status: 200, body: Buffer.from([1, 2, 3]) }) },
      {
        method: 'GET',
        path: '/v1/redirect',
        handle: () => ({ status: 302, headers: { location: `${other.url}/v1/echo` } }),
      },
      // Vendors do quote requests back in errors: the transport must not pass this on.
      {
        method: 'POST',
        path: '/v1/echo-error',
        handle: (req) => ({ status: 400, json: { error: { message: req.rawBody } } }),
      },
    ],
  });
  other = await EmulatorServer.start({
    name: 'other',
    errorBody: () => ({}),
    routes: [{ method: 'POST', path: '/v1/echo', handle: () => ({ status: 200, json: { ok: true } }) }],
  });
});
afterAll(async () => {
  await server.close();
  await other.close();
});
beforeEach(() => server.reset());

function ctx(over: Partial<ProviderCallContext> = {}): ProviderCallContext {
  return {
    agencyId: '00000000-0000-4000-8000-000000000001',
    clientId: '00000000-0000-4000-8000-000000000002',
    credential: { provider: 'openai', apiKey: KEY, credentialRefId: 'cref-1', scope: 'client' },
    timeoutMs: 5000,
    ...over,
  };
}

const post = (path: string, c = ctx()) =>
  providerRequest('openai', c, {
    method: 'POST',
    // A query key, as Gemini allows: it must not reach errors or logs either.
    url: `${server.url}${path}?key=${KEY}`,
    route: `POST ${path}`,
    headers: { authorization: `Bearer ${KEY}` },
    json: { prompt: PROMPT },
  });

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ProviderError);
  return err as ProviderError;
}

describe('provider transport', () => {
  it('sends the call as given and returns the parsed JSON', async () => {
    const answer = await post('/v1/echo');
    expect(answer.json).toEqual({ ok: true });
    const req = server.last('/v1/echo')!;
    expect(req.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req.headers['content-type']).toBe('application/json');
    expect(req.json).toEqual({ prompt: PROMPT });
  });

  it('returns bytes when asked for bytes', async () => {
    const answer = await providerRequest('kie', ctx(), {
      method: 'GET',
      url: `${server.url}/v1/bytes`,
      route: 'GET /v1/bytes',
      expect: 'bytes',
    });
    expect(answer.bytes).toEqual(Buffer.from([1, 2, 3]));
  });

  it('[C-51] aborts a hanging server at the deadline and calls it unavailable', async () => {
    server.inject({ kind: 'hang' });
    const err = await failure(post('/v1/echo', ctx({ timeoutMs: 300 })));
    expect(err.failure).toBe('unavailable');
    expect(err.message).toBe('openai POST /v1/echo timed out after 300 ms');
    expect(err.retryable).toBe(true);
  }, 15_000);

  it("aborts when the caller's signal fires, and sends nothing once it has fired", async () => {
    server.inject({ kind: 'hang' });
    const controller = new AbortController();
    const pending = failure(post('/v1/echo', ctx({ signal: controller.signal, timeoutMs: 60_000 })));
    await waitFor(() => server.requests.length === 1);
    controller.abort();
    expect((await pending).message).toBe('openai POST /v1/echo was cancelled by the caller');
    const before = server.requests.length;
    const err = await failure(post('/v1/echo', ctx({ signal: controller.signal })));
    expect(err.message).toContain('cancelled before it was sent');
    expect(server.requests.length).toBe(before);
  }, 15_000);

  it('[C-52] reads Retry-After as delta-seconds', async () => {
    server.rateLimit('7');
    const err = await failure(post('/v1/echo'));
    expect(err.failure).toBe('rate_limited');
    expect(err.details).toMatchObject({ status: 429, retryAfterMs: 7000, vendorCode: '429' });
  });

  it('[C-52] reads Retry-After as an HTTP-date', async () => {
    const at = new Date(Date.now() + 120_000).toUTCString();
    server.rateLimit(at);
    const err = await failure(post('/v1/echo'));
    expect(err.failure).toBe('rate_limited');
    // The date has one-second resolution: between 118 and 120 seconds remain.
    expect(err.details.retryAfterMs).toBeGreaterThanOrEqual(118_000);
    expect(err.details.retryAfterMs).toBeLessThanOrEqual(120_000);
  });

  it('[C-52] falls back to the vendor rate-limit headers, and to nothing', async () => {
    server.rateLimit(undefined, 1, { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-reset-requests': '1m30s' });
    expect((await failure(post('/v1/echo'))).details.retryAfterMs).toBe(90_000);
    server.rateLimit(undefined);
    const bare = await failure(post('/v1/echo'));
    expect(bare.failure).toBe('rate_limited');
    expect(bare.details.retryAfterMs).toBeUndefined();
  });

  it.each([
    [500, 'unavailable'],
    [503, 'unavailable'],
    [529, 'unavailable'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'bad_request'],
    [422, 'bad_request'],
  ] as const)('classifies %d as %s', async (status, expected) => {
    server.inject({ kind: 'status', status, headers: status >= 500 ? { 'retry-after': '2' } : {} });
    const err = await failure(post('/v1/echo'));
    expect(err.failure).toBe(expected);
    expect(err.details.status).toBe(status);
    if (status >= 500) expect(err.details.retryAfterMs).toBe(2000);
  });

  it("lets the vendor's classifier refine the class", async () => {
    server.inject({ kind: 'status', status: 400, body: { error: { code: 'moderation_blocked' } } });
    const err = await failure(
      providerRequest(
        'openai',
        ctx(),
        { method: 'POST', url: `${server.url}/v1/echo`, route: 'POST /v1/echo' },
        (s, b) => (s === 400 && JSON.stringify(b).includes('moderation_blocked') ? 'refused' : undefined),
      ),
    );
    expect(err.failure).toBe('refused');
    expect(err.details.vendorCode).toBe('moderation_blocked');
  });

  it('calls a 2xx that is not JSON bad_request', async () => {
    server.inject({ kind: 'garbage' });
    const err = await failure(post('/v1/echo'));
    expect(err.failure).toBe('bad_request');
    expect(err.message).toBe('openai POST /v1/echo answered 200 with a body that is not JSON');
  });

  it('calls a dropped connection unavailable', async () => {
    server.inject({ kind: 'drop' });
    const err = await failure(post('/v1/echo'));
    expect(err.failure).toBe('unavailable');
    expect(err.message).toBe('openai POST /v1/echo failed on the network');
  });

  it('does not follow a redirect with the key', async () => {
    const err = await failure(
      providerRequest('openai', ctx(), {
        method: 'GET',
        url: `${server.url}/v1/redirect`,
        route: 'GET /v1/redirect',
        headers: { authorization: `Bearer ${KEY}` },
      }),
    );
    expect(err.failure).toBe('bad_request');
    expect(other.requests).toHaveLength(0);
  });

  it('[C-13] never puts the key, the URL or the prompt in errors or logs', async () => {
    setLogLevel('debug');
    const lines: string[] = [];
    const stop = addLogSink((l) => lines.push(l));
    const errors: ProviderError[] = [];
    try {
      server.inject({ kind: 'status', status: 401 });
      errors.push(await failure(post('/v1/echo')));
      server.inject({ kind: 'status', status: 500 });
      errors.push(await failure(post('/v1/echo')));
      server.inject({ kind: 'hang' });
      errors.push(await failure(post('/v1/echo', ctx({ timeoutMs: 200 }))));
      server.inject({ kind: 'drop' });
      errors.push(await failure(post('/v1/echo')));
      server.inject({ kind: 'garbage' });
      errors.push(await failure(post('/v1/echo')));
      errors.push(await failure(post('/v1/echo-error')));
    } finally {
      stop();
      setLogLevel('warn');
    }
    expect(errors).toHaveLength(6);
    // The emulator did echo the key and the prompt back: the transport is what keeps them out.
    expect(JSON.stringify(server.requests.map((r) => r.rawBody))).toContain(PROMPT);
    for (const err of errors) {
      const everything = `${err.message} ${err.stack} ${JSON.stringify(err)} ${String(err.cause)}`;
      expect(everything).not.toContain(KEY);
      expect(everything).not.toContain('key=');
      expect(everything).not.toContain(PROMPT);
      expect(everything).not.toContain(server.url);
    }
    expect(lines.length).toBeGreaterThanOrEqual(6);
    const logged = lines.join('\n');
    expect(logged).toContain('openai POST /v1/echo');
    expect(logged).not.toContain(KEY);
    expect(logged).not.toContain(PROMPT);
    expect(logged).not.toContain(server.url);
  }, 15_000);
});

async function waitFor(cond: () => boolean): Promise<void> {
  while (!cond()) await new Promise((r) => setTimeout(r, 10));
}
