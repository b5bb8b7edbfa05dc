import { instagramPlatform } from '../../../../services/core/connectors/instagram/instagram.platform';
import type { IgWorld } from './instagram-fixture';
import { failure, startIgWorld } from './instagram-fixture';

const DAY = 86400;

/** Business Login for Instagram and the long-lived token's life, against the emulator's consent dialog. */
describe('Instagram OAuth and identity, against the emulator', () => {
  let w: IgWorld;
  const oauth = () => instagramPlatform.oauth(w.settings);
  const reader = () => instagramPlatform.createReader(w.settings);

  beforeEach(async () => {
    w = await startIgWorld();
  });
  afterEach(() => w.close());

  /** What a browser does on the dialog: open it, pick the account, follow the redirect back with the code. */
  async function consent(authorizeUrl: string, accountId: string): Promise<URL> {
    const page = await fetch(authorizeUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`data-account="${accountId}"`);
    const answer = await fetch(authorizeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ account: accountId }).toString(),
      redirect: 'manual',
    });
    expect(answer.status).toBe(302);
    return new URL(answer.headers.get('location')!);
  }

  it('the authorize URL asks for the permissions publishing, mentions and insights need, carries state, and no PKCE (none exists)', () => {
    const u = new URL(oauth().authorizeUrl({ state: 'st-123', codeChallenge: 'unused-challenge' }));
    expect(`${u.origin}${u.pathname}`).toBe(`${w.emu.url}/oauth/authorize`);
    expect(Object.fromEntries(u.searchParams)).toEqual({
      client_id: w.emu.app.clientId,
      redirect_uri: w.settings.oauth!.redirectUri,
      response_type: 'code',
      scope:
        'instagram_business_basic,instagram_business_content_publish,instagram_business_manage_comments,instagram_business_manage_insights',
      state: 'st-123',
    });
  });

  it('consent → code → short-lived token → long-lived token (60 days) that acts for the chosen account', async () => {
    const before = Date.now();
    const back = await consent(oauth().authorizeUrl({ state: 'st-9', codeChallenge: 'x' }), w.account);
    expect(back.searchParams.get('state')).toBe('st-9');
    const tokens = await oauth().exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: 'ignored' });
    expect(tokens.scope).toBe(
      'instagram_business_basic instagram_business_content_publish instagram_business_manage_comments instagram_business_manage_insights',
    );
    expect(tokens.refreshToken).toBeUndefined();
    const expires = Date.parse(tokens.expiresAt!);
    expect(expires).toBeGreaterThanOrEqual(before + 60 * DAY * 1000 - 5000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 60 * DAY * 1000);
    expect(Date.parse(tokens.issuedAt!)).toBeGreaterThanOrEqual(before);
    // The stored token is the long-lived one, not the short-lived one of the first step.
    expect(w.emu.tokens.resolve(tokens.accessToken)).toMatchObject({ accountId: w.account });
    expect(w.emu.shortTokens.resolve(tokens.accessToken)).toBe('unknown');
    expect(await reader().identity({ accessToken: tokens.accessToken })).toMatchObject({
      externalAccountId: w.account,
    });
    // The code exchange sent the app secret in the form body, the exchange named ig_exchange_token.
    const code = w.emu.server.last('/oauth/access_token')!;
    expect(new URLSearchParams(code.rawBody).get('client_secret')).toBe(w.emu.app.clientSecret);
    expect(w.emu.server.last('/access_token')!.query.get('grant_type')).toBe('ig_exchange_token');
  });

  it('a code is redeemed once: a second exchange is auth with token_revoked', async () => {
    const back = await consent(oauth().authorizeUrl({ state: 's', codeChallenge: 'x' }), w.account);
    const code = back.searchParams.get('code')!;
    await oauth().exchangeCode({ code, codeVerifier: '' });
    expect(await failure(oauth().exchangeCode({ code, codeVerifier: '' }))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked', platformCode: 'OAuthException/400' },
    });
  });

  it('a wrong app secret is refused at the code exchange', async () => {
    const back = await consent(oauth().authorizeUrl({ state: 's', codeChallenge: 'x' }), w.account);
    const wrong = instagramPlatform.oauth({ ...w.settings, oauth: { ...w.settings.oauth!, clientSecret: 'nope' } });
    expect((await failure(wrong.exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: '' }))).kind).toBe(
      'auth',
    );
  });

  it('refresh: refused under 24 hours old, then a new 60-day token; the stored fields survive', async () => {
    const current = {
      accessToken: w.cred.accessToken,
      scope: 'instagram_business_basic instagram_business_content_publish',
    };
    const young = await failure(oauth().refresh(current));
    expect(young.kind).toBe('permanent');
    expect(young.details.health).toBeUndefined();

    w.emu.clock.advance(2 * DAY);
    const next = await oauth().refresh(current);
    expect(next.accessToken).not.toBe(current.accessToken);
    expect(next.scope).toBe(current.scope);
    expect(Date.parse(next.expiresAt!)).toBeGreaterThan(Date.now() + 59 * DAY * 1000);
    expect(w.emu.server.last('/refresh_access_token')!.query.get('grant_type')).toBe('ig_refresh_token');
    // 59 more days: the refreshed token still works, the original one (60 days from its issue) does not.
    w.emu.clock.advance(59 * DAY);
    expect(await reader().identity({ accessToken: next.accessToken })).toMatchObject({ externalAccountId: w.account });
    expect((await failure(reader().identity(w.cred))).details.health).toBe('token_expired');
  });

  it('refresh of an expired token: auth with token_expired; of a revoked one: token_revoked', async () => {
    w.emu.clock.advance(61 * DAY);
    expect(await failure(oauth().refresh({ accessToken: w.cred.accessToken }))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_expired' },
    });
    const fresh = w.emu.grant(w.account).accessToken;
    w.emu.clock.advance(2 * DAY);
    w.emu.revokeApp(w.account);
    expect(await failure(oauth().refresh({ accessToken: fresh }))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked' },
    });
  });

  it('identity is the professional account id (user_id), its username and name', async () => {
    const a = w.emu.accounts()[0]!;
    expect(await reader().identity(w.cred)).toEqual({
      externalAccountId: a.id,
      handle: `@${a.handle}`,
      displayName: a.displayName,
    });
  });

  it('[C-19] a token that now resolves to another account: identity returns that account, so the fingerprint differs', async () => {
    const other = w.emu.accounts()[1]!;
    w.emu.tokens.repoint(w.cred.accessToken, other.id);
    const id = await reader().identity(w.cred);
    expect(id.externalAccountId).toBe(other.id);
    expect(id.externalAccountId).not.toBe(w.account);
  });
});
