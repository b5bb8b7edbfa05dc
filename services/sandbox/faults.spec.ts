import { platformDescriptor } from '../core/connectors/platform-registry';
import { FaultEngine, faultMatches, MAX_PROCESSING_DELAY_MS } from './faults';
import { SandboxAdminClient, SandboxAdminError } from './sandbox-admin.client';
import { api, bootSandbox, TEST_ADMIN_TOKEN, userWithToken, type TestSandbox } from './sandbox.test-helpers';
import type { SandboxErrorBody, SandboxPost, SandboxUser } from './sandbox.types';

describe('FaultEngine', () => {
  it('matches method and exact / prefix paths', () => {
    expect(faultMatches(undefined, 'GET', '/x')).toBe(true);
    expect(faultMatches({ method: 'post', path: '/posts' }, 'POST', '/posts')).toBe(true);
    expect(faultMatches({ method: 'POST', path: '/posts' }, 'GET', '/posts')).toBe(false);
    expect(faultMatches({ path: '/posts' }, 'POST', '/posts/1')).toBe(false);
    expect(faultMatches({ path: '/posts*' }, 'POST', '/posts/1/comments')).toBe(true);
    expect(faultMatches({ path: '/posts/*' }, 'POST', '/posts')).toBe(false);
  });

  it('applies `times` and removes spent faults', () => {
    const engine = new FaultEngine(() => 0.5);
    engine.set([{ errorStatus: 500, times: 2 }, { errorRate: 0.4 }]);
    expect(engine.evaluate('GET', '/a').reject?.status).toBe(500);
    expect(engine.evaluate('GET', '/a').reject?.status).toBe(500);
    expect(engine.evaluate('GET', '/a').reject).toBeNull(); // 0.5 >= 0.4
    expect(engine.list()).toHaveLength(1);
  });
});

describe('sandbox faults, flags and admin', () => {
  let t: TestSandbox;
  let token: string;
  let userId: string;

  beforeAll(async () => {
    t = await bootSandbox();
  });
  afterAll(() => t.sandbox.close());

  beforeEach(async () => {
    await t.admin.reset();
    ({
      token,
      user: { id: userId },
    } = await userWithToken(t, 'faulty'));
  });

  const createPost = <T = SandboxPost>(text: string, key?: string) =>
    api<T>(t.sandbox.url, '/posts', { token, json: { text }, headers: key ? { 'idempotency-key': key } : {} });

  it('rate limits `count` matching requests with 429 + Retry-After, then behaves normally', async () => {
    await t.admin.setFaults([
      { match: { method: 'POST', path: '/posts' }, rateLimit: { count: 2, retryAfterSeconds: 7 } },
    ]);
    const first = await createPost<SandboxErrorBody>('a');
    const second = await createPost('b');
    expect([first.status, second.status]).toEqual([429, 429]);
    expect(first.headers.get('retry-after')).toBe('7');
    expect(first.body.error.code).toBe('rate_limited');
    expect((await api(t.sandbox.url, '/me', { token })).status).toBe(200); // not matched
    const third = await createPost('c');
    expect(third.status).toBe(201);
    const posts = await t.admin.listPosts();
    expect(posts.map((p) => p.text)).toEqual(['c']);
    expect(await t.admin.listFaults()).toEqual([]);
    const log = (await t.admin.listRequests()).filter((r) => r.path === '/posts');
    expect(log.map((r) => [r.status, r.fault])).toEqual([
      [429, 'rate_limited'],
      [429, 'rate_limited'],
      [201, null],
    ]);
  });

  it('errorRate 1 answers 503 and creates nothing', async () => {
    await t.admin.setFaults([{ match: { path: '/posts*' }, errorRate: 1 }]);
    const res = await createPost<SandboxErrorBody>('never');
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('fault_injected');
    expect(await t.admin.listPosts()).toEqual([]);
    await t.admin.clearFaults();
    expect((await createPost('now')).status).toBe(201);
  });

  it('afterHandlerDelayMs creates the post before the (delayed) response', async () => {
    await t.admin.setFaults([{ match: { method: 'POST', path: '/posts' }, afterHandlerDelayMs: 400, times: 1 }]);
    const started = Date.now();
    const pending = createPost('slow', 'slow-key');
    let posts = await t.admin.listPosts();
    for (let i = 0; i < 50 && posts.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      posts = await t.admin.listPosts();
    }
    expect(posts.map((p) => p.text)).toEqual(['slow']);
    const res = await pending;
    expect(res.status).toBe(201);
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
    // A client retry after the "timeout" with the same key gets the original post back.
    const retry = await createPost('slow', 'slow-key');
    expect(retry.status).toBe(200);
    expect(retry.body.id).toBe(res.body.id);
  });

  it('latencyMs delays before handling; `times` limits the fault', async () => {
    await t.admin.setFaults([{ match: { path: '/me' }, latencyMs: 250, times: 1 }]);
    let started = Date.now();
    expect((await api(t.sandbox.url, '/me', { token })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(230);
    started = Date.now();
    await api(t.sandbox.url, '/me', { token });
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('beforeHandlerDelayMs: the client times out at T, the post is created at T+x all the same', async () => {
    await t.admin.setFaults([{ match: { method: 'POST', path: '/posts' }, beforeHandlerDelayMs: 500, times: 1 }]);
    const started = Date.now();
    const res = await fetch(`${t.sandbox.url}/posts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': 'late-key' },
      body: JSON.stringify({ text: 'processed late' }),
      signal: AbortSignal.timeout(150),
    }).catch((e: Error) => e);
    expect(res).toMatchObject({ name: 'TimeoutError' });
    expect(await t.admin.listPosts()).toEqual([]);
    let posts = await t.admin.listPosts();
    for (let i = 0; i < 100 && posts.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      posts = await t.admin.listPosts();
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(450);
    expect(posts).toMatchObject([{ text: 'processed late', requestKey: 'late-key' }]);
    // A retry with the same key finds what the timed-out request created.
    expect((await createPost('processed late', 'late-key')).status).toBe(200);
  });

  it('latencyMs: a request whose client left during the latency is dropped, never handled', async () => {
    await t.admin.setFaults([{ match: { method: 'POST', path: '/posts' }, latencyMs: 400, times: 1 }]);
    const res = await fetch(`${t.sandbox.url}/posts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'lost on the way' }),
      signal: AbortSignal.timeout(100),
    }).catch((e: Error) => e);
    expect(res).toMatchObject({ name: 'TimeoutError' });
    let log = (await t.admin.listRequests()).filter((r) => r.path === '/posts');
    for (let i = 0; i < 100 && log.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      log = (await t.admin.listRequests()).filter((r) => r.path === '/posts');
    }
    expect(log.map((r) => [r.status, r.fault])).toEqual([[499, 'client_gone']]);
    expect(await t.admin.listPosts()).toEqual([]);
  });

  it('caps processing time at MAX_PROCESSING_DELAY_MS, below the sandbox connector’s settle time', async () => {
    await expect(t.admin.setFaults([{ beforeHandlerDelayMs: MAX_PROCESSING_DELAY_MS + 1 }])).rejects.toMatchObject({
      status: 400,
    });
    await expect(t.admin.setFaults([{ beforeHandlerDelayMs: MAX_PROCESSING_DELAY_MS }])).resolves.toHaveLength(1);
    const timing = platformDescriptor('sandbox').timing({ baseUrl: t.sandbox.url });
    expect(timing.settleSeconds * 1000).toBeGreaterThan(MAX_PROCESSING_DELAY_MS + timing.requestTimeoutMs);
    const engine = new FaultEngine();
    engine.set([{ beforeHandlerDelayMs: MAX_PROCESSING_DELAY_MS }, { beforeHandlerDelayMs: MAX_PROCESSING_DELAY_MS }]);
    expect(engine.evaluate('POST', '/posts').beforeHandlerDelayMs).toBe(MAX_PROCESSING_DELAY_MS);
    engine.set([{ beforeHandlerDelayMs: 100, errorStatus: 503 }]);
    expect(engine.evaluate('POST', '/posts')).toMatchObject({ beforeHandlerDelayMs: 0, reject: { status: 503 } });
  });

  it('[C-52] a 5xx fault carries its Retry-After; errorAfterHandler creates the post and still answers the error', async () => {
    await t.admin.setFaults([{ match: { path: '/posts' }, errorStatus: 503, retryAfterSeconds: 9, times: 1 }]);
    const refused = await createPost<SandboxErrorBody>('later');
    expect([refused.status, refused.headers.get('retry-after')]).toEqual([503, '9']);
    expect(await t.admin.listPosts()).toEqual([]);
    await t.admin.setFaults([{ match: { path: '/posts' }, errorStatus: 502, errorAfterHandler: true, times: 1 }]);
    const lost = await createPost<SandboxErrorBody>('applied anyway', 'k-after');
    expect(lost.status).toBe(502);
    expect((await t.admin.listPosts()).map((p) => p.text)).toEqual(['applied anyway']);
    // The client's retry with the same key finds the post the 502 hid.
    const retry = await createPost('applied anyway', 'k-after');
    expect(retry.status).toBe(200);
    expect(await t.admin.listPosts()).toHaveLength(1);
    const log = (await t.admin.listRequests()).filter((r) => r.path === '/posts');
    expect(log.map((r) => [r.status, r.fault])).toEqual([
      [503, 'error'],
      [502, 'error'],
      [200, null],
    ]);
  });

  it('identity swap changes /me and the author of new posts', async () => {
    const mallory = await t.admin.createUser({ username: 'mallory', password: 'x' });
    await t.admin.swapIdentity({ fromUserId: userId, toUserId: mallory.id });
    const me = await api<SandboxUser>(t.sandbox.url, '/me', { token });
    expect(me.body).toMatchObject({ id: mallory.id, handle: '@mallory' });
    const post = await createPost('who am i');
    expect(post.body.authorId).toBe(mallory.id);
    await t.admin.clearSwaps();
    expect((await api<SandboxUser>(t.sandbox.url, '/me', { token })).body.id).toBe(userId);
  });

  it('admin endpoints need the admin token', async () => {
    const wrong = new SandboxAdminClient(t.sandbox.url, 'nope');
    await expect(wrong.listPosts()).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    await expect(wrong.reset()).rejects.toBeInstanceOf(SandboxAdminError);
    for (const [method, path] of [
      ['POST', '/_admin/users'],
      ['POST', '/_admin/faults'],
      ['DELETE', '/_admin/faults'],
      ['POST', '/_admin/flags'],
      ['POST', '/_admin/identity-swaps'],
      ['GET', '/_admin/posts'],
      ['GET', '/_admin/requests'],
      ['POST', '/_admin/reset'],
      ['POST', '/_admin/webhooks'],
    ] as const) {
      const res = await api(t.sandbox.url, path, method === 'POST' ? { method, json: {} } : { method });
      expect([method, path, res.status]).toEqual([method, path, 401]);
    }
    expect(
      (await api(t.sandbox.url, '/_admin/posts', { headers: { 'x-sandbox-admin': TEST_ADMIN_TOKEN } })).status,
    ).toBe(200);
  });

  it('faults never apply to admin routes', async () => {
    await t.admin.setFaults([{ errorRate: 1 }]);
    expect(await t.admin.listPosts()).toEqual([]);
    expect((await api(t.sandbox.url, '/me', { token })).status).toBe(503);
  });

  it('answers bad JSON, bad input and unknown routes with JSON errors and no stack trace', async () => {
    const bad = await api<SandboxErrorBody>(t.sandbox.url, '/posts', {
      token,
      rawBody: '{"text": nope',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    // jest types its asymmetric matchers `any`: `as unknown` keeps the literal typed.
    expect(bad.body).toEqual({ error: { code: 'invalid_json', message: expect.any(String) as unknown } });
    expect(bad.text).not.toMatch(/at .*\.ts|Error:|stack/);

    const adminBad = await api(t.sandbox.url, '/_admin/users', {
      rawBody: '[not json',
      headers: { 'x-sandbox-admin': TEST_ADMIN_TOKEN, 'content-type': 'application/json' },
    });
    expect(adminBad.status).toBe(400);

    const invalid = await api<SandboxErrorBody>(t.sandbox.url, '/_admin/faults', {
      json: { faults: [{ errorRate: 2 }] },
      headers: { 'x-sandbox-admin': TEST_ADMIN_TOKEN },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('validation_error');

    const missing = await api<SandboxErrorBody>(t.sandbox.url, '/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect(missing.headers.get('x-request-id')).toBeTruthy();
  });

  it('caps request bodies at 5 MB', async () => {
    const res = await api<SandboxErrorBody>(t.sandbox.url, '/posts', {
      token,
      json: { text: 'x', pad: 'y'.repeat(5 * 1024 * 1024) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('reset clears flags, faults, swaps and data', async () => {
    await t.admin.setFlags({ duplicateWebhooks: true, ignoreIdempotencyKey: true });
    await t.admin.setFaults([{ latencyMs: 1 }]);
    await createPost('gone soon');
    await t.admin.reset();
    expect(await t.admin.getFlags()).toEqual({
      duplicateWebhooks: false,
      ignoreIdempotencyKey: false,
      echoRequestKey: true,
    });
    expect(await t.admin.listFaults()).toEqual([]);
    expect(await t.admin.listPosts()).toEqual([]);
    expect(await t.admin.listUsers()).toEqual([]);
    expect((await api(t.sandbox.url, '/me', { token })).status).toBe(401);
  });
});
