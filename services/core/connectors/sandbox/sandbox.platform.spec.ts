import { authorizeForCode, createPkcePair } from '../../../sandbox/sandbox-oauth.flow';
import { api, bootSandbox, userWithToken, type TestSandbox } from '../../../sandbox/sandbox.test-helpers';
import { ConnectorError } from '../connector.errors';
import type { ConnectorCredential, PlatformPost, PlatformSettings } from '../connector.types';
import { createConnectorWriter } from '../writer-registry';
import { sandboxPlatform } from './sandbox.platform';

const collect = async (it: AsyncIterable<PlatformPost>): Promise<PlatformPost[]> => {
  const out: PlatformPost[] = [];
  for await (const p of it) out.push(p);
  return out;
};
const failure = async (p: Promise<unknown>): Promise<ConnectorError> => {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
};

describe('the sandbox platform, against a running sandbox', () => {
  let t: TestSandbox;
  let settings: PlatformSettings;
  let cred: ConnectorCredential;
  let userId: string;
  const reader = () => sandboxPlatform.createReader(settings);
  const writer = () => createConnectorWriter('sandbox', settings);
  const post = (text: string, key?: string) =>
    api<{ id: string }>(t.sandbox.url, '/posts', {
      token: cred.accessToken,
      json: { text },
      headers: key ? { 'idempotency-key': key } : {},
    });

  beforeAll(async () => {
    t = await bootSandbox();
  });
  afterAll(() => t.sandbox.close());
  beforeEach(async () => {
    await t.admin.reset();
    const u = await userWithToken(t, 'connector');
    cred = { accessToken: u.token };
    userId = u.user.id;
    settings = { baseUrl: t.sandbox.url, timeoutMs: 2000 };
  });

  it('reads the identity and a post; a missing post is null; a bad token is an auth error', async () => {
    expect(await reader().identity(cred)).toMatchObject({ externalAccountId: userId, handle: '@connector' });
    const created = (await post('read me', 'k-read')).body;
    expect(await reader().readPost(cred, created.id)).toMatchObject({
      postId: created.id,
      text: 'read me',
      authorExternalId: userId,
      requestKey: 'k-read',
    });
    expect(await reader().readPost(cred, 'sbx_p_missing')).toBeNull();
    expect(await failure(reader().identity({ accessToken: 'nope' }))).toMatchObject({
      kind: 'auth',
      details: { status: 401 },
    });
  });

  it('ownPostsSince pages through every post newest first, past the first page, down to since', async () => {
    for (let i = 0; i < 5; i++) await post(`old ${i}`);
    await new Promise((r) => setTimeout(r, 20));
    const since = new Date();
    for (let i = 0; i < 130; i++) await post(`new ${i}`);
    const other = await userWithToken(t, 'bystander');
    await api(t.sandbox.url, '/posts', { token: other.token, json: { text: 'not mine' } });
    let pages = 0;
    const found = await collect(reader().ownPostsSince(cred, since, { onProgress: () => pages++ }));
    expect(found.map((p) => p.text)).toEqual(Array.from({ length: 130 }, (_, i) => `new ${129 - i}`));
    expect(pages).toBe(2);
    expect((await collect(reader().ownPostsSince(cred, new Date(0)))).length).toBe(135);
  });

  it('ownPostsSince stops when the caller cancels', async () => {
    for (let i = 0; i < 3; i++) await post(`p ${i}`);
    const caller = new AbortController();
    caller.abort();
    expect(await failure(collect(reader().ownPostsSince(cred, new Date(0), { signal: caller.signal })))).toMatchObject({
      kind: 'transient',
      details: { transport: 'cancelled' },
    });
  });

  it('publishes with the idempotency key: the post carries it, a repeat is a replay, the request id is kept', async () => {
    const first = await writer().publish(cred, { text: 'hello', media: [] }, 'key-1');
    expect(first).toMatchObject({
      replayed: false,
      post: { text: 'hello', authorExternalId: userId, requestKey: 'key-1' },
    });
    expect(first.requestId).toMatch(/^req_/);
    const again = await writer().publish(cred, { text: 'hello', media: [] }, 'key-1');
    expect(again).toMatchObject({ replayed: true, post: { postId: first.post.postId } });
    const requests = await t.admin.listRequests();
    expect(requests.filter((r) => r.path === '/posts').map((r) => r.idempotencyKey)).toEqual(['key-1', 'key-1']);
  });

  it('a platform that keeps no request id: requestKey is null, and reconciliation still finds the post by content', async () => {
    await t.admin.setFlags({ echoRequestKey: false });
    const out = await writer().publish(cred, { text: 'anonymous', media: [] }, 'key-2');
    expect(out.post.requestKey).toBeNull();
    expect(
      (await collect(reader().ownPostsSince(cred, new Date(Date.now() - 60_000)))).map((p) => [p.text, p.requestKey]),
    ).toEqual([['anonymous', null]]);
  });

  it('[C-22] a write that times out while the platform processes it is an unknown outcome; the post shows up afterwards with our key', async () => {
    await t.admin.setFaults([{ match: { method: 'POST', path: '/posts' }, beforeHandlerDelayMs: 600, times: 1 }]);
    const since = new Date(Date.now() - 1000);
    settings = { ...settings, timeoutMs: 200 };
    const err = await failure(writer().publish(cred, { text: 'slow platform', media: [] }, 'key-3'));
    expect(err).toMatchObject({ kind: 'outcome_unknown', details: { transport: 'timeout' } });
    expect(await collect(reader().ownPostsSince(cred, since))).toEqual([]);
    await new Promise((r) => setTimeout(r, 700));
    expect((await collect(reader().ownPostsSince(cred, since))).map((p) => [p.text, p.requestKey])).toEqual([
      ['slow platform', 'key-3'],
    ]);
  });

  it('[C-52] a rate-limited write carries the platform’s Retry-After and is not applied', async () => {
    await t.admin.setFaults([
      { match: { method: 'POST', path: '/posts' }, rateLimit: { count: 1, retryAfterSeconds: 9 } },
    ]);
    expect(await failure(writer().publish(cred, { text: 'later', media: [] }, 'key-4'))).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 9 },
    });
    expect(await t.admin.listPosts()).toEqual([]);
  });

  it('runs OAuth: authorize URL with PKCE S256 and the callback, code exchange, refresh with rotation', async () => {
    const redirectUri = 'http://127.0.0.1:9/oauth/sandbox/callback';
    await t.admin.registerOAuthClient({ clientId: 'raize-app', clientSecret: 'shh', redirectUris: [redirectUri] });
    await t.admin.createUser({ username: 'olivia', password: 'pw' });
    const oauth = sandboxPlatform.oauth({
      baseUrl: t.sandbox.url,
      publicUrl: 'http://sandbox.example',
      oauth: { clientId: 'raize-app', clientSecret: 'shh', redirectUri },
    });
    const { verifier, challenge } = createPkcePair();
    const url = new URL(oauth.authorizeUrl({ state: 'st-1', codeChallenge: challenge }));
    expect(url.origin + url.pathname).toBe('http://sandbox.example/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: 'raize-app',
      redirect_uri: redirectUri,
      state: 'st-1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      response_type: 'code',
    });
    expect(url.search).not.toContain('shh');

    const { code } = await authorizeForCode({
      baseUrl: t.sandbox.url,
      clientId: 'raize-app',
      redirectUri,
      username: 'olivia',
      password: 'pw',
      codeChallenge: challenge,
    });
    const tokens = await oauth.exchangeCode({ code, codeVerifier: verifier });
    expect([typeof tokens.accessToken, typeof tokens.refreshToken, typeof tokens.expiresAt]).toEqual([
      'string',
      'string',
      'string',
    ]);
    expect((await reader().identity({ accessToken: tokens.accessToken })).handle).toBe('@olivia');

    const refreshed = await oauth.refresh(tokens);
    expect(refreshed.refreshToken).not.toBe(tokens.refreshToken);
    expect((await reader().identity({ accessToken: refreshed.accessToken })).handle).toBe('@olivia');
    expect(await failure(oauth.refresh(tokens))).toMatchObject({
      kind: 'auth',
      details: { status: 400, health: 'token_revoked' },
    });
    expect((await failure(oauth.exchangeCode({ code, codeVerifier: verifier }))).kind).toBe('auth');
  });

  it('plans with the sandbox’s timing, which settings can override', () => {
    expect(sandboxPlatform.timing({ baseUrl: 'http://x' })).toEqual({
      requestTimeoutMs: 15_000,
      settleSeconds: 90,
      reconcileLooks: 3,
      maxCallsPerAttempt: 12,
      pacing: { minSpacingSeconds: 1, jitterSeconds: 1 },
    });
    expect(
      sandboxPlatform.timing({
        baseUrl: 'http://x',
        timeoutMs: 500,
        settleSeconds: 2,
        reconcileLooks: 1,
        pacing: { minSpacingSeconds: 0, jitterSeconds: 0 },
      }),
    ).toMatchObject({
      requestTimeoutMs: 500,
      settleSeconds: 2,
      reconcileLooks: 1,
      pacing: { minSpacingSeconds: 0, jitterSeconds: 0 },
    });
    expect(sandboxPlatform.id).toBe('sandbox');
    expect(sandboxPlatform.capabilities).toMatchObject({ idempotencyKey: true, readBack: true, requestKeyEcho: true });
  });
});
