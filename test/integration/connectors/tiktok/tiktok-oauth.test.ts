import { createHash } from 'node:crypto';
import type { PlatformSettings } from '../../../../services/core/connectors/connector.types';
import { tiktokPlatform } from '../../../../services/core/connectors/tiktok/tiktok.platform';
import { pkceChallenge, randomUrlToken } from '../../../../services/core/connectors/pkce';
import type { TikTokEmulator } from '../../../../services/emulators/platforms/tiktok/tiktok.emulator';
import {
  startTikTokEmulator,
  TIKTOK_ACCESS_TTL_SECONDS,
  TIKTOK_REFRESH_TTL_SECONDS,
} from '../../../../services/emulators/platforms/tiktok/tiktok.emulator';
import { failure } from './tiktok-test-kit';

let emu: TikTokEmulator;
let brand: string;
let settings: PlatformSettings;

beforeEach(async () => {
  emu = await startTikTokEmulator();
  brand = emu.accounts()[0]!.id;
  settings = emu.settings();
});
afterEach(() => emu.close());

/** The consent dialog as a browser would go through it: the page, then the operator picks the account. */
async function consent(authorizeUrl: string, accountId: string): Promise<URL> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain(`data-account="${accountId}"`);
  const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, '&');
  const answer = await fetch(new URL(action, emu.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account: accountId }).toString(),
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

async function connect(accountId = brand) {
  const oauth = tiktokPlatform.oauth(settings);
  const verifier = randomUrlToken();
  const back = await consent(oauth.authorizeUrl({ state: 'st-1', codeChallenge: pkceChallenge(verifier) }), accountId);
  return { oauth, verifier, code: back.searchParams.get('code')!, back };
}

describe('TikTok Login Kit against the emulator', () => {
  it('the authorize URL: client_key, the minimal scopes comma-separated, state, PKCE in TikTok’s hex S256 form', () => {
    const verifier = randomUrlToken();
    const url = new URL(
      tiktokPlatform.oauth(settings).authorizeUrl({ state: 'st-1', codeChallenge: pkceChallenge(verifier) }),
    );
    expect(url.origin + url.pathname).toBe(`${emu.url}/v2/auth/authorize/`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_key: emu.app.clientId,
      scope: 'user.info.basic,user.info.profile,video.publish,video.list,user.info.stats',
      response_type: 'code',
      redirect_uri: 'http://127.0.0.1:9/oauth/tiktok/callback',
      state: 'st-1',
      code_challenge: createHash('sha256').update(verifier).digest('hex'),
      code_challenge_method: 'S256',
    });
    expect(url.search).not.toContain(emu.app.clientSecret);
    // Without an emulator's publicUrl, the dialog is TikTok's own.
    const real = new URL(
      tiktokPlatform
        .oauth({ ...settings, publicUrl: undefined })
        .authorizeUrl({ state: 's', codeChallenge: pkceChallenge(verifier) }),
    );
    expect(real.origin + real.pathname).toBe('https://www.tiktok.com/v2/auth/authorize/');
    const drafts = tiktokPlatform.oauth({ ...settings, tiktokPostMode: 'draft' } as PlatformSettings);
    expect(
      new URL(drafts.authorizeUrl({ state: 's', codeChallenge: pkceChallenge(verifier) })).searchParams.get('scope'),
    ).toBe('user.info.basic,user.info.profile,video.publish,video.list,user.info.stats,video.upload');
  });

  it('consent, then the code exchange: a token pair with its lifetimes and scopes, for the account picked', async () => {
    const { oauth, verifier, code, back } = await connect();
    expect(back.searchParams.get('state')).toBe('st-1');
    const before = Date.now();
    const tokens = await oauth.exchangeCode({ code, codeVerifier: verifier });
    expect(Date.parse(tokens.expiresAt!) - before).toBeGreaterThanOrEqual(TIKTOK_ACCESS_TTL_SECONDS * 1000 - 1000);
    expect(Date.parse(tokens.refreshExpiresAt!) - before).toBeGreaterThanOrEqual(
      TIKTOK_REFRESH_TTL_SECONDS * 1000 - 1000,
    );
    expect(tokens.scope).toBe('user.info.basic user.info.profile video.publish video.list user.info.stats');
    expect(typeof tokens.issuedAt).toBe('string');
    const form = new URLSearchParams(emu.server.last('/v2/oauth/token/')!.rawBody);
    expect(Object.fromEntries(form)).toMatchObject({
      client_key: emu.app.clientId,
      client_secret: emu.app.clientSecret,
      grant_type: 'authorization_code',
      redirect_uri: 'http://127.0.0.1:9/oauth/tiktok/callback',
      code_verifier: verifier,
    });
    const me = await tiktokPlatform.createReader(settings).identity({ accessToken: tokens.accessToken });
    expect(me).toMatchObject({ externalAccountId: brand, handle: '@raize.brand' });
  });

  it('a wrong PKCE verifier, or a code used twice, is refused: auth', async () => {
    const { oauth, verifier, code } = await connect();
    expect(await failure(oauth.exchangeCode({ code, codeVerifier: randomUrlToken() }))).toMatchObject({
      kind: 'auth',
      details: { platformCode: 'invalid_grant', status: 400 },
    });
    const second = await connect();
    await second.oauth.exchangeCode({ code: second.code, codeVerifier: second.verifier });
    expect((await failure(second.oauth.exchangeCode({ code: second.code, codeVerifier: second.verifier }))).kind).toBe(
      'auth',
    );
    expect(verifier).not.toBe(second.verifier);
  });

  it('the dialog refuses a base64url challenge: TikTok’s PKCE wants the hex digest', async () => {
    const u = new URL(
      tiktokPlatform.oauth(settings).authorizeUrl({ state: 's', codeChallenge: pkceChallenge('v'.repeat(43)) }),
    );
    u.searchParams.set('code_challenge', pkceChallenge('v'.repeat(43)));
    expect((await fetch(u)).status).toBe(400);
  });

  it('refresh rotates the pair: the old refresh token is dead, and replaying it revokes the whole grant', async () => {
    const { oauth, verifier, code } = await connect();
    const first = await oauth.exchangeCode({ code, codeVerifier: verifier });
    const second = await oauth.refresh(first);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(Object.fromEntries(new URLSearchParams(emu.server.last('/v2/oauth/token/')!.rawBody))).toEqual({
      client_key: emu.app.clientId,
      client_secret: emu.app.clientSecret,
      grant_type: 'refresh_token',
      refresh_token: first.refreshToken,
    });
    const reader = tiktokPlatform.createReader(settings);
    expect((await reader.identity({ accessToken: second.accessToken })).externalAccountId).toBe(brand);
    expect(await failure(oauth.refresh(first))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked', platformCode: 'invalid_grant' },
    });
    // Reuse of a rotated refresh token is a theft signal: the newer pair dies with it.
    expect(await failure(reader.identity({ accessToken: second.accessToken }))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked', platformCode: 'access_token_invalid' },
    });
  });

  it('a refresh token past its lifetime: auth, refresh_expired', async () => {
    const { oauth, verifier, code } = await connect();
    const tokens = await oauth.exchangeCode({ code, codeVerifier: verifier });
    emu.clock.advance(TIKTOK_REFRESH_TTL_SECONDS + 60);
    const stored = { ...tokens, refreshExpiresAt: new Date(Date.now() - 60_000).toISOString() };
    expect(await failure(oauth.refresh(stored))).toMatchObject({
      kind: 'auth',
      details: { health: 'refresh_expired' },
    });
  });

  it('the user removed the app: the access token and the refresh token are refused (auth, token_revoked)', async () => {
    const { oauth, verifier, code } = await connect();
    const tokens = await oauth.exchangeCode({ code, codeVerifier: verifier });
    emu.tokens.revokeAccount(brand);
    expect(
      await failure(tiktokPlatform.createReader(settings).identity({ accessToken: tokens.accessToken })),
    ).toMatchObject({ kind: 'auth', details: { health: 'token_revoked', status: 401 } });
    expect(await failure(oauth.refresh(tokens))).toMatchObject({ kind: 'auth', details: { health: 'token_revoked' } });
  });

  it('an expired access token is refused until refreshed', async () => {
    const { oauth, verifier, code } = await connect();
    const tokens = await oauth.exchangeCode({ code, codeVerifier: verifier });
    emu.clock.advance(TIKTOK_ACCESS_TTL_SECONDS + 1);
    const reader = tiktokPlatform.createReader(settings);
    expect((await failure(reader.identity({ accessToken: tokens.accessToken }))).kind).toBe('auth');
    const fresh = await oauth.refresh(tokens);
    expect((await reader.identity({ accessToken: fresh.accessToken })).externalAccountId).toBe(brand);
  });

  it('a wrong client secret: auth (the app, not the user, must be fixed)', async () => {
    const { verifier, code } = await connect();
    const wrong = tiktokPlatform.oauth({ ...settings, oauth: { ...settings.oauth!, clientSecret: 'nope' } });
    expect(await failure(wrong.exchangeCode({ code, codeVerifier: verifier }))).toMatchObject({
      kind: 'auth',
      details: { platformCode: 'invalid_client', status: 401 },
    });
  });
});
