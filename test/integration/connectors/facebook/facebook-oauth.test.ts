import { pkceChallenge, randomUrlToken } from '../../../../services/core/connectors/pkce';
import type { FacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import { startFacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import { ALEX, BAKERY, BO, COFFEE, TEA, connector, credFor, failureOf } from './facebook-fixtures';

let emu: FacebookEmulator;

beforeAll(async () => {
  emu = await startFacebookEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.server.reset());

/** The connect flow as the API runs it: authorize URL → the person's choices in the dialog → code exchange. */
async function connect(choice: { user: string; pages?: string[]; decline?: string[] }, verifier = randomUrlToken()) {
  const { oauth } = connector(emu);
  const state = randomUrlToken(16);
  const redirect = await emu.consent(oauth.authorizeUrl({ state, codeChallenge: pkceChallenge(verifier) }), choice);
  expect(redirect.searchParams.get('state')).toBe(state);
  const code = redirect.searchParams.get('code');
  expect(code).toBeTruthy();
  return { code: code!, verifier, oauth };
}

describe('Facebook Login against the emulator', () => {
  it('the authorize URL asks for the fewest permissions (insights included), with PKCE S256 and the state, on the pinned version', () => {
    const { oauth, settings } = connector(emu);
    const url = new URL(oauth.authorizeUrl({ state: 'st-1', codeChallenge: 'ch-1' }));
    expect(url.origin).toBe(emu.url);
    expect(url.pathname).toBe('/v25.0/dialog/oauth');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: emu.app.clientId,
      redirect_uri: settings.oauth!.redirectUri,
      state: 'st-1',
      response_type: 'code',
      scope: 'pages_show_list,pages_manage_posts,pages_read_engagement,read_insights',
      code_challenge: 'ch-1',
      code_challenge_method: 'S256',
    });
  });

  it('the dialog on the real host: www.facebook.com, not the API host', () => {
    const { oauth } = connector(emu, { baseUrl: 'https://graph.facebook.com', publicUrl: undefined });
    expect(new URL(oauth.authorizeUrl({ state: 's', codeChallenge: 'c' })).origin).toBe('https://www.facebook.com');
  });

  it('exchanges the code for a Page token (never expiring) and the long-lived user token behind it', async () => {
    const { code, verifier, oauth } = await connect({ user: ALEX, pages: [BAKERY] });
    const tokens = await oauth.exchangeCode({ code, codeVerifier: verifier });

    const exchange = emu.server.requests.filter((r) => r.path === '/v25.0/oauth/access_token');
    expect(exchange.map((r) => r.query.get('grant_type'))).toEqual([null, 'fb_exchange_token']);
    expect(exchange[0]!.query.get('code_verifier')).toBe(verifier);
    expect(tokens.accessToken.startsWith('fbemu_page')).toBe(true);
    expect(tokens.refreshToken!.startsWith('fbemu_ul')).toBe(true);
    expect(tokens.expiresAt).toBeUndefined();
    const lifetime = Date.parse(tokens.refreshExpiresAt!) - Date.parse(tokens.issuedAt!);
    expect(Math.round(lifetime / 86_400_000)).toBe(60);
    expect(tokens.scope!.split(' ').sort()).toEqual([
      'pages_manage_posts',
      'pages_read_engagement',
      'pages_show_list',
      'read_insights',
    ]);

    const { reader } = connector(emu);
    expect((await reader.identity({ accessToken: tokens.accessToken })).externalAccountId).toBe(BAKERY);
  });

  it('refuses a grant of several Pages: one Page per connection', async () => {
    const { code, verifier, oauth } = await connect({ user: ALEX });
    const err = await failureOf(oauth.exchangeCode({ code, codeVerifier: verifier }));
    expect(err.kind).toBe('permanent');
    expect(err.message).toBe(
      "Facebook granted 2 Pages; connect one Page per connection (choose only that Page in Facebook's dialog)",
    );
  });

  it('refuses a Page where the person lacks the CREATE_CONTENT task, and names it', async () => {
    const { code, verifier, oauth } = await connect({ user: BO, pages: [COFFEE] });
    const err = await failureOf(oauth.exchangeCode({ code, codeVerifier: verifier }));
    expect(err).toMatchObject({ kind: 'permanent', details: { health: 'missing_permissions' } });
    expect(err.message).toContain('the CREATE_CONTENT task on the Page');
  });

  it('a declined permission shows in standing().missing, in an operator’s words', async () => {
    const { code, verifier, oauth } = await connect({ user: BO, pages: [TEA], decline: ['pages_read_engagement'] });
    const tokens = await oauth.exchangeCode({ code, codeVerifier: verifier });
    const { reader } = connector(emu);
    const standing = await reader.standing({ accessToken: tokens.accessToken });
    expect(standing.missing).toEqual(["the pages_read_engagement permission (read the Page's posts back)"]);
    expect(standing.scopes).toEqual(['pages_show_list', 'pages_manage_posts', 'read_insights']);
  });

  it('refuses a wrong PKCE verifier and a code used twice', async () => {
    const { code, oauth } = await connect({ user: ALEX, pages: [COFFEE] });
    const wrong = await failureOf(oauth.exchangeCode({ code, codeVerifier: 'not-the-verifier' }));
    expect(wrong).toMatchObject({ kind: 'auth', details: { health: 'token_revoked' } });

    const ok = await connect({ user: ALEX, pages: [COFFEE] });
    await ok.oauth.exchangeCode({ code: ok.code, codeVerifier: ok.verifier });
    const reused = await failureOf(ok.oauth.exchangeCode({ code: ok.code, codeVerifier: ok.verifier }));
    expect(reused.kind).toBe('auth');
  });

  it('refresh extends the user token and re-derives the Page token; both keep working (no rotation)', async () => {
    const { oauth, reader } = connector(emu);
    const cred = credFor(emu, COFFEE);
    emu.clock.advance(30 * 86400);
    const next = await oauth.refresh({ accessToken: cred.accessToken, refreshToken: cred.userToken });

    expect(next.accessToken).not.toBe(cred.accessToken);
    expect(next.refreshToken).not.toBe(cred.userToken);
    expect((await reader.identity({ accessToken: next.accessToken })).externalAccountId).toBe(COFFEE);
    // Facebook does not void the tokens it replaced: the old Page token still answers.
    expect((await reader.identity({ accessToken: cred.accessToken })).externalAccountId).toBe(COFFEE);
    // The renewed user token runs 60 days from the refresh (our clock: expires_in is relative).
    expect(Date.parse(next.refreshExpiresAt!) - Date.now()).toBeGreaterThan(59 * 86_400_000);
    expect(next.scope).toBe('pages_show_list pages_manage_posts pages_read_engagement read_insights');
  });

  it('refresh with a user token past its 60 days: auth with refresh_expired', async () => {
    const { oauth } = connector(emu);
    const cred = credFor(emu, BAKERY);
    emu.clock.advance(61 * 86400);
    const err = await failureOf(oauth.refresh({ accessToken: cred.accessToken, refreshToken: cred.userToken }));
    expect(err).toMatchObject({ kind: 'auth', details: { health: 'refresh_expired', platformCode: '190/463' } });
  });

  it('refresh after a password change: auth with token_revoked', async () => {
    const { oauth } = connector(emu);
    const cred = credFor(emu, TEA);
    emu.revokeUser(BO, 460);
    const err = await failureOf(oauth.refresh({ accessToken: cred.accessToken, refreshToken: cred.userToken }));
    expect(err).toMatchObject({ kind: 'auth', details: { health: 'token_revoked' } });
  });

  it('refresh without a stored user token: auth with refresh_expired', async () => {
    const { oauth } = connector(emu);
    const err = await failureOf(oauth.refresh({ accessToken: 'fbemu_page_x' }));
    expect(err).toMatchObject({ kind: 'auth', details: { health: 'refresh_expired' } });
  });
});
