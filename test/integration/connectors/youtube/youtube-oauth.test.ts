import { pkceChallenge, randomUrlToken } from '../../../../services/core/connectors/pkce';
import {
  youtubePlatform,
  YOUTUBE_DEFAULT_BASE_URL,
} from '../../../../services/core/connectors/youtube/youtube.platform';
import type { YouTubeEmulator } from '../../../../services/emulators/platforms/youtube/youtube.emulator';
import { startYouTubeEmulator } from '../../../../services/emulators/platforms/youtube/youtube.emulator';
import { failure } from './youtube-test-kit';

const SCOPES = 'https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly';
const DAY = 24 * 3600;

function createPkcePair(): { verifier: string; challenge: string } {
  const verifier = randomUrlToken();
  return { verifier, challenge: pkceChallenge(verifier) };
}

/** The consent dialog as a browser would drive it: open the page, press the account's button, follow nothing. */
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

describe('YouTube OAuth (Google) against the emulator', () => {
  let emu: YouTubeEmulator;
  afterEach(() => emu.close());

  it('the authorize URL asks for the two minimal scopes, offline access, a consent prompt, PKCE S256 and state', async () => {
    emu = await startYouTubeEmulator();
    const url = new URL(youtubePlatform.oauth(emu.settings()).authorizeUrl({ state: 'st-1', codeChallenge: 'ch-1' }));
    expect(`${url.origin}${url.pathname}`).toBe(`${emu.url}/o/oauth2/v2/auth`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: emu.app.clientId,
      redirect_uri: 'http://127.0.0.1/oauth/youtube/callback',
      response_type: 'code',
      scope: SCOPES,
      access_type: 'offline',
      prompt: 'consent',
      state: 'st-1',
      code_challenge: 'ch-1',
      code_challenge_method: 'S256',
    });
    expect(youtubePlatform.scopes.join(' ')).toBe(SCOPES);
    // Against the real API the dialog is Google's own.
    const real = youtubePlatform.oauth({ ...emu.settings(), baseUrl: YOUTUBE_DEFAULT_BASE_URL, publicUrl: undefined });
    expect(real.authorizeUrl({ state: 's', codeChallenge: 'c' })).toMatch(
      /^https:\/\/accounts\.google\.com\/o\/oauth2\/v2\/auth\?/,
    );
  });

  it('consent, then the code exchange with the PKCE verifier: a working token pair for the chosen channel', async () => {
    emu = await startYouTubeEmulator();
    const [, second] = emu.accounts();
    const oauth = youtubePlatform.oauth(emu.settings());
    const pkce = createPkcePair();
    const back = await consent(oauth.authorizeUrl({ state: 'st-2', codeChallenge: pkce.challenge }), second!.id);
    expect(back.searchParams.get('state')).toBe('st-2');

    const before = Date.now();
    const tokens = await oauth.exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: pkce.verifier });
    expect(tokens.refreshToken).toBeDefined();
    expect(tokens.scope).toBe(SCOPES);
    expect(Date.parse(tokens.expiresAt!) - before).toBeGreaterThan(3590_000);
    expect(Date.parse(tokens.expiresAt!) - before).toBeLessThan(3610_000);
    expect(tokens.refreshExpiresAt).toBeUndefined();
    const me = await youtubePlatform.createReader(emu.settings()).identity({ accessToken: tokens.accessToken });
    expect(me.externalAccountId).toBe(second!.id);
    const sent = new URLSearchParams(emu.server.last('/token')!.rawBody);
    expect(sent.get('grant_type')).toBe('authorization_code');
    expect(sent.get('code_verifier')).toBe(pkce.verifier);
  });

  it('a wrong PKCE verifier or a used code is refused as invalid_grant', async () => {
    emu = await startYouTubeEmulator();
    const oauth = youtubePlatform.oauth(emu.settings());
    const pkce = createPkcePair();
    const back = await consent(
      oauth.authorizeUrl({ state: 's', codeChallenge: pkce.challenge }),
      emu.accounts()[0]!.id,
    );
    const code = back.searchParams.get('code')!;
    expect(await failure(oauth.exchangeCode({ code, codeVerifier: 'not-the-verifier' }))).toMatchObject({
      kind: 'auth',
      details: { status: 400, platformCode: 'invalid_grant' },
    });
  });

  it('refresh: a new access token, the same refresh token (Google does not rotate), the first consent’s issuedAt kept', async () => {
    emu = await startYouTubeEmulator();
    const oauth = youtubePlatform.oauth(emu.settings());
    const granted = emu.grant(emu.accounts()[0]!.id);
    const current = {
      accessToken: granted.accessToken,
      refreshToken: granted.refreshToken,
      issuedAt: '2026-01-01T00:00:00.000Z',
      scope: SCOPES,
    };
    emu.clock.advance(3600);
    const reader = youtubePlatform.createReader(emu.settings());
    expect(await failure(reader.identity({ accessToken: current.accessToken }))).toMatchObject({ kind: 'auth' });

    const next = await oauth.refresh(current);
    expect(next.accessToken).not.toBe(current.accessToken);
    expect(next.refreshToken).toBe(current.refreshToken);
    expect(next.issuedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(next.scope).toBe(SCOPES);
    expect((await reader.identity({ accessToken: next.accessToken })).externalAccountId).toBe(emu.accounts()[0]!.id);
    // Not rotated: the same refresh token keeps working.
    const again = await oauth.refresh(current);
    expect(again.refreshToken).toBe(current.refreshToken);
    expect(new URLSearchParams(emu.server.last('/token')!.rawBody).get('grant_type')).toBe('refresh_token');
  });

  it('a revoked grant: refresh is auth + token_revoked', async () => {
    emu = await startYouTubeEmulator();
    const granted = emu.grant(emu.accounts()[0]!.id);
    emu.tokens.revokeAccount(emu.accounts()[0]!.id);
    const err = await failure(
      youtubePlatform
        .oauth(emu.settings())
        .refresh({ accessToken: granted.accessToken, refreshToken: granted.refreshToken }),
    );
    expect(err).toMatchObject({ kind: 'auth', details: { platformCode: 'invalid_grant', health: 'token_revoked' } });
  });

  it('a project in testing mode: refresh tokens die 7 days after consent, said as refresh_expired and testing mode', async () => {
    emu = await startYouTubeEmulator({ testingMode: true });
    const settings = emu.settings();
    expect(settings.appInTesting).toBe(true);
    const oauth = youtubePlatform.oauth(settings);
    const pkce = createPkcePair();
    const back = await consent(
      oauth.authorizeUrl({ state: 's', codeChallenge: pkce.challenge }),
      emu.accounts()[0]!.id,
    );
    const tokens = await oauth.exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: pkce.verifier });
    expect(Date.parse(tokens.refreshExpiresAt!) - Date.parse(tokens.issuedAt!)).toBe(7 * DAY * 1000);

    // Day 6: still fine, and the first consent's time survives the refresh.
    emu.clock.advance(6 * DAY);
    const day6 = await oauth.refresh(tokens);
    expect(day6.issuedAt).toBe(tokens.issuedAt);

    emu.clock.advance(DAY + 60);
    const aged = { ...day6, issuedAt: new Date(Date.now() - 7 * DAY * 1000 - 60_000).toISOString() };
    const err = await failure(oauth.refresh(aged));
    expect(err).toMatchObject({ kind: 'auth', details: { platformCode: 'invalid_grant', health: 'refresh_expired' } });
    expect(err.message).toMatch(/testing mode/);
    expect(err.message).not.toContain(tokens.refreshToken!);
  });

  it('in testing mode, a grant younger than 7 days that fails was revoked, not aged out', async () => {
    emu = await startYouTubeEmulator({ testingMode: true });
    const granted = emu.grant(emu.accounts()[0]!.id);
    emu.tokens.revokeAccount(emu.accounts()[0]!.id);
    const err = await failure(
      youtubePlatform.oauth(emu.settings()).refresh({
        accessToken: granted.accessToken,
        refreshToken: granted.refreshToken,
        issuedAt: new Date().toISOString(),
      }),
    );
    expect(err.details.health).toBe('token_revoked');
  });

  it('a stored credential without a refresh token cannot refresh', async () => {
    emu = await startYouTubeEmulator();
    expect(await failure(youtubePlatform.oauth(emu.settings()).refresh({ accessToken: 'x' }))).toMatchObject({
      kind: 'auth',
      details: { health: 'refresh_expired' },
    });
    expect(emu.server.requests).toEqual([]);
  });
});
