import { pkceChallenge, randomUrlToken } from '../../../../services/core/connectors/pkce';
import type { PlatformSettings } from '../../../../services/core/connectors/connector.types';
import { X_DEFAULT_BASE_URL, xPlatform } from '../../../../services/core/connectors/x/x.platform';
import type { XEmulator } from '../../../../services/emulators/platforms/x/x.emulator';
import { startXEmulator } from '../../../../services/emulators/platforms/x/x.emulator';
import { cred, failure } from './x-test-kit';

let emu: XEmulator;
let settings: PlatformSettings;

beforeAll(async () => {
  emu = await startXEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.reset();
  settings = emu.settings();
});
const oauth = () => xPlatform.oauth(settings);

/** The consent dialog as a browser goes through it: the page, then the account's button. */
async function consent(authorizeUrl: string, accountId: string): Promise<URL> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain(`data-account="${accountId}"`);
  const res = await fetch(authorizeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account: accountId }).toString(),
    redirect: 'manual',
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location')!);
}

describe('X OAuth 2.0 with PKCE against the emulator', () => {
  it('builds the authorize URL: minimal scopes, S256 challenge, state, no secret', () => {
    const url = new URL(oauth().authorizeUrl({ state: 'st-1', codeChallenge: 'challenge-1' }));
    expect(url.origin + url.pathname).toBe(`${emu.url}/i/oauth2/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: emu.app.clientId,
      redirect_uri: 'http://127.0.0.1:9/oauth/x/callback',
      scope: 'tweet.read tweet.write users.read media.write offline.access',
      state: 'st-1',
      code_challenge: 'challenge-1',
      code_challenge_method: 'S256',
    });
    expect(url.toString()).not.toContain(emu.app.clientSecret);
    const real = xPlatform.oauth({ ...settings, baseUrl: X_DEFAULT_BASE_URL, publicUrl: undefined });
    expect(real.authorizeUrl({ state: 's', codeChallenge: 'c' })).toMatch(/^https:\/\/x\.com\/i\/oauth2\/authorize\?/);
  });

  it('exchanges the code with HTTP Basic and the verifier: a 2-hour token, a refresh token, the scopes', async () => {
    const verifier = randomUrlToken();
    const account = emu.accounts()[0]!;
    const back = await consent(
      oauth().authorizeUrl({ state: 'st-2', codeChallenge: pkceChallenge(verifier) }),
      account.id,
    );
    expect(back.searchParams.get('state')).toBe('st-2');
    const before = Date.now();
    const tokens = await oauth().exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: verifier });
    const sent = emu.server.last('/2/oauth2/token')!;
    expect(sent.headers.authorization).toBe(
      `Basic ${Buffer.from(`${emu.app.clientId}:${emu.app.clientSecret}`).toString('base64')}`,
    );
    expect(sent.rawBody).not.toContain(emu.app.clientSecret);
    expect(Object.fromEntries(new URLSearchParams(sent.rawBody))).toMatchObject({
      grant_type: 'authorization_code',
      code_verifier: verifier,
    });
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.scope).toBe('tweet.read tweet.write users.read media.write offline.access');
    const ttl = Date.parse(tokens.expiresAt!) - before;
    expect(ttl).toBeGreaterThan(7190_000);
    expect(ttl).toBeLessThan(7210_000);
    expect(await xPlatform.createReader(settings).identity(cred(tokens.accessToken))).toEqual({
      externalAccountId: account.id,
      handle: `@${account.handle}`,
      displayName: account.displayName,
    });
    // The code is single use, and only with its verifier.
    expect(
      await failure(oauth().exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: verifier })),
    ).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked' },
    });
  });

  it('refuses a code with the wrong verifier', async () => {
    const back = await consent(
      oauth().authorizeUrl({ state: 's', codeChallenge: pkceChallenge(randomUrlToken()) }),
      emu.accounts()[0]!.id,
    );
    expect(
      (await failure(oauth().exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: randomUrlToken() })))
        .kind,
    ).toBe('auth');
  });

  it('refreshes with rotation: a new pair each time, the used refresh token dead, reusing it kills the grant', async () => {
    const issued = emu.grant(emu.accounts()[0]!.id);
    const first = { accessToken: issued.accessToken, refreshToken: issued.refreshToken };
    const second = await oauth().refresh(first);
    expect(second.refreshToken).toEqual(expect.any(String));
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(Object.fromEntries(new URLSearchParams(emu.server.last('/2/oauth2/token')!.rawBody))).toMatchObject({
      grant_type: 'refresh_token',
      client_id: emu.app.clientId,
    });
    await xPlatform.createReader(settings).identity(cred(second.accessToken!));
    // The rotated-out token: refused, and (as X and the OAuth security BCP say) the whole grant is revoked.
    expect(await failure(oauth().refresh(first))).toMatchObject({ kind: 'auth', details: { health: 'token_revoked' } });
    expect(await failure(oauth().refresh(second))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked' },
    });
    expect(await failure(xPlatform.createReader(settings).identity(cred(second.accessToken!)))).toMatchObject({
      kind: 'auth',
    });
  });

  it('without offline.access there is no refresh token, and refresh says so', async () => {
    const verifier = randomUrlToken();
    const url = new URL(oauth().authorizeUrl({ state: 's', codeChallenge: pkceChallenge(verifier) }));
    url.searchParams.set('scope', 'tweet.read users.read tweet.write');
    const back = await consent(url.toString(), emu.accounts()[1]!.id);
    const tokens = await oauth().exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: verifier });
    expect(tokens.refreshToken).toBeUndefined();
    expect(await failure(oauth().refresh(tokens))).toMatchObject({
      kind: 'auth',
      details: { health: 'refresh_expired' },
    });
  });

  it('wrong app credentials are a permanent configuration error, not the account’s', async () => {
    const wrong = xPlatform.oauth({ ...settings, oauth: { ...settings.oauth!, clientSecret: 'nope' } });
    const issued = emu.grant(emu.accounts()[0]!.id);
    const err = await failure(wrong.refresh({ accessToken: issued.accessToken, refreshToken: issued.refreshToken }));
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 401, platformCode: 'unauthorized_client' } });
  });
});

describe('X identity for the fingerprint', () => {
  it('[C-19] a token that now resolves to another account makes identity() return that account', async () => {
    const [mine, other] = emu.accounts();
    const token = emu.grant(mine!.id).accessToken;
    const reader = xPlatform.createReader(settings);
    expect((await reader.identity(cred(token))).externalAccountId).toBe(mine!.id);
    emu.tokens.repoint(token, other!.id);
    expect(await reader.identity(cred(token))).toMatchObject({
      externalAccountId: other!.id,
      handle: `@${other!.handle}`,
    });
  });

  it('plans with X’s token lifecycle and timing', () => {
    expect(xPlatform.tokens).toEqual({
      refreshable: true,
      refreshLeadSeconds: 900,
      rotatesRefreshToken: true,
      checkEverySeconds: 3600,
    });
    const t = xPlatform.timing({ baseUrl: 'https://api.x.com' });
    expect(t.settleSeconds * 1000).toBeGreaterThan(60_000 + t.requestTimeoutMs);
    expect(t.maxCallsPerAttempt * t.requestTimeoutMs).toBeLessThan(240_000);
    expect(xPlatform.scopes).not.toContain('tweet.moderate.write');
  });
});
