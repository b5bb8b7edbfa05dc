import { authorizeForCode, createPkcePair, exchangeCode, submitAuthorizeForm } from './sandbox-oauth.flow';
import { api, bootSandbox, type TestSandbox } from './sandbox.test-helpers';
import type { SandboxUser, TokenResponse } from './sandbox.types';

// jest types its asymmetric matchers (expect.any, expect.stringMatching) as `any`: `as unknown` keeps them typed.

const REDIRECT = 'http://127.0.0.1:9/oauth/callback';
const CLIENT = 'raize-app';

describe('sandbox OAuth 2.0 + PKCE', () => {
  let t: TestSandbox;
  let clock = Date.now();

  beforeAll(async () => {
    t = await bootSandbox({ now: () => clock });
  });
  afterAll(() => t.sandbox.close());

  beforeEach(async () => {
    clock = Date.now();
    await t.admin.reset();
    await t.admin.createUser({ username: 'alice', password: 'wonderland', displayName: 'Alice' });
    await t.admin.registerOAuthClient({ clientId: CLIENT, redirectUris: [REDIRECT] });
  });

  const login = (challenge: string, extra: Record<string, string> = {}) =>
    authorizeForCode({
      baseUrl: t.sandbox.url,
      clientId: CLIENT,
      redirectUri: REDIRECT,
      username: 'alice',
      password: 'wonderland',
      codeChallenge: challenge,
      state: 'st-123',
      ...extra,
    });

  const exchange = (code: string, verifier: string, redirectUri = REDIRECT) =>
    exchangeCode({ baseUrl: t.sandbox.url, clientId: CLIENT, redirectUri, code, codeVerifier: verifier });

  it('renders the login page with the oauth params as hidden fields, escaped', async () => {
    const { challenge } = createPkcePair();
    const qs = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: REDIRECT,
      state: '"><script>alert(1)</script>',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      scope: 'posts',
    });
    const res = await api(t.sandbox.url, `/oauth/authorize?${qs}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.text).toContain('name="username"');
    expect(res.text).toContain('name="password"');
    expect(res.text).toContain(`name="code_challenge" value="${challenge}"`);
    expect(res.text).toContain('&quot;&gt;&lt;script&gt;');
    expect(res.text).not.toContain('<script');
  });

  it('runs the full flow: code → tokens → /me', async () => {
    const { verifier, challenge } = createPkcePair();
    const { code, state } = await login(challenge);
    expect(state).toBe('st-123');

    const res = await exchange(code, verifier);
    expect(res.status).toBe(200);
    const tokens = (await res.json()) as Record<string, unknown>;
    expect(tokens).toEqual({
      access_token: expect.any(String) as unknown,
      refresh_token: expect.any(String) as unknown,
      token_type: 'Bearer',
      expires_in: 3600,
      scope: expect.any(String) as unknown,
    });

    const me = await api<SandboxUser>(t.sandbox.url, '/me', { token: tokens.access_token as string });
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: expect.stringMatching(/^sbx_u_/) as unknown,
      username: 'alice',
      handle: '@alice',
      displayName: 'Alice',
    });
    expect(me.headers.get('x-request-id')).toBeTruthy();
  });

  it('refuses a wrong code_verifier', async () => {
    const { challenge } = createPkcePair();
    const other = createPkcePair();
    const { code } = await login(challenge);
    const res = await exchange(code, other.verifier);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses a reused code and revokes the tokens issued from it', async () => {
    const { verifier, challenge } = createPkcePair();
    const { code } = await login(challenge);
    const first = await exchange(code, verifier);
    expect(first.status).toBe(200);
    const { access_token } = (await first.json()) as { access_token: string };

    const second = await exchange(code, verifier);
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await api(t.sandbox.url, '/me', { token: access_token })).status).toBe(401);
  });

  it('refuses a redirect_uri at the token endpoint that differs from the authorize request', async () => {
    await t.admin.registerOAuthClient({ clientId: CLIENT, redirectUris: [REDIRECT, 'http://127.0.0.1:9/other'] });
    const { verifier, challenge } = createPkcePair();
    const { code } = await login(challenge);
    const res = await exchange(code, verifier, 'http://127.0.0.1:9/other');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('expires codes after 60 s', async () => {
    const { verifier, challenge } = createPkcePair();
    const { code } = await login(challenge);
    clock += 61_000;
    const res = await exchange(code, verifier);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });

  it('refuses an unregistered redirect_uri with a 400 page and no redirect', async () => {
    const { challenge } = createPkcePair();
    const qs = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: 'https://evil.example/steal',
      state: 's',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const res = await api(t.sandbox.url, `/oauth/authorize?${qs}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);

    const post = await submitAuthorizeForm({
      baseUrl: t.sandbox.url,
      clientId: CLIENT,
      redirectUri: 'https://evil.example/steal',
      username: 'alice',
      password: 'wonderland',
      codeChallenge: challenge,
    });
    expect(post.status).toBe(400);
    expect(post.headers.get('location')).toBeNull();
  });

  it('refuses an unknown client', async () => {
    const { challenge } = createPkcePair();
    const qs = new URLSearchParams({
      response_type: 'code',
      client_id: 'nope',
      redirect_uri: REDIRECT,
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const res = await api(t.sandbox.url, `/oauth/authorize?${qs}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('refuses the plain challenge method (and a missing challenge)', async () => {
    const { verifier } = createPkcePair();
    const plain = new URLSearchParams({
      response_type: 'code',
      client_id: CLIENT,
      redirect_uri: REDIRECT,
      state: 'xyz',
      code_challenge: verifier,
      code_challenge_method: 'plain',
    });
    const res = await api(t.sandbox.url, `/oauth/authorize?${plain}`);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.get('code')).toBeNull();

    const posted = await submitAuthorizeForm({
      baseUrl: t.sandbox.url,
      clientId: CLIENT,
      redirectUri: REDIRECT,
      username: 'alice',
      password: 'wonderland',
      codeChallenge: verifier,
      codeChallengeMethod: 'plain',
    });
    expect(posted.status).toBe(302);
    expect(new URL(posted.headers.get('location')!).searchParams.get('code')).toBeNull();

    plain.delete('code_challenge');
    plain.delete('code_challenge_method');
    const missing = await api(t.sandbox.url, `/oauth/authorize?${plain}`);
    expect(new URL(missing.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });

  it('answers bad credentials with 401 and the form again', async () => {
    const { challenge } = createPkcePair();
    const res = await submitAuthorizeForm({
      baseUrl: t.sandbox.url,
      clientId: CLIENT,
      redirectUri: REDIRECT,
      username: 'alice',
      password: 'wrong',
      codeChallenge: challenge,
    });
    expect(res.status).toBe(401);
    const page = await res.text();
    expect(page).toContain('data-testid="authorize-form"');
    expect(page).toContain('data-testid="authorize-error"');
  });

  it('rotates refresh tokens and accepts JSON token requests', async () => {
    const { verifier, challenge } = createPkcePair();
    const { code } = await login(challenge);
    const tokens = (await (await exchange(code, verifier)).json()) as { refresh_token: string };

    const refreshed = await api<TokenResponse>(t.sandbox.url, '/oauth/token', {
      json: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: CLIENT },
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
    expect((await api(t.sandbox.url, '/me', { token: refreshed.body.access_token })).status).toBe(200);

    const reused = await api(t.sandbox.url, '/oauth/token', {
      json: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: CLIENT },
    });
    expect(reused.status).toBe(400);
    expect(reused.body).toMatchObject({ error: 'invalid_grant' });
  });

  it('requires the client secret of confidential clients', async () => {
    await t.admin.registerOAuthClient({ clientId: 'confidential', clientSecret: 's3cret', redirectUris: [REDIRECT] });
    const { verifier, challenge } = createPkcePair();
    const { code } = await authorizeForCode({
      baseUrl: t.sandbox.url,
      clientId: 'confidential',
      redirectUri: REDIRECT,
      username: 'alice',
      password: 'wonderland',
      codeChallenge: challenge,
    });
    const base = {
      baseUrl: t.sandbox.url,
      clientId: 'confidential',
      redirectUri: REDIRECT,
      code,
      codeVerifier: verifier,
    };
    const noSecret = await exchangeCode(base);
    expect(noSecret.status).toBe(401);
    expect(await noSecret.json()).toMatchObject({ error: 'invalid_client' });
    const ok = await exchangeCode({ ...base, clientSecret: 's3cret' });
    expect(ok.status).toBe(200);
  });

  it('rejects expired and unknown access tokens with 401', async () => {
    const user = (await t.admin.listUsers())[0]!;
    const { access_token } = await t.admin.issueToken({ userId: user.id, expiresInSeconds: 10 });
    expect((await api(t.sandbox.url, '/me', { token: access_token })).status).toBe(200);
    clock += 11_000;
    const expired = await api(t.sandbox.url, '/me', { token: access_token });
    expect(expired.status).toBe(401);
    expect(expired.body).toMatchObject({ error: { code: 'unauthorized' } });
    const unknown = await api(t.sandbox.url, '/me', { token: 'not-a-token' });
    expect(unknown.status).toBe(401);
    expect((await api(t.sandbox.url, '/me')).status).toBe(401);
  });
});
