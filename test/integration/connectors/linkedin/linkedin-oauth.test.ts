import { linkedinPlatform } from '../../../../services/core/connectors/linkedin/linkedin.platform';
import { readCredential } from '../../../../services/core/connectors/linkedin/linkedin-author';
import type { LinkedInSettings } from '../../../../services/core/connectors/linkedin/linkedin-settings';
import { pkceChallenge, randomUrlToken } from '../../../../services/core/connectors/pkce';
import type { LinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import {
  LINKEDIN_ACCESS_TTL_SECONDS,
  LINKEDIN_REFRESH_TTL_SECONDS,
  startLinkedInEmulator,
} from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { failure, pageSettings } from './linkedin-test-kit';

let emu: LinkedInEmulator;
let settings: LinkedInSettings;
let ada: string;

beforeEach(async () => {
  emu = await startLinkedInEmulator();
  settings = emu.settings();
  ada = emu.members()[0]!.urn;
});
afterEach(() => emu.close());

/** The consent dialog as a browser goes through it: the page, then the member who signs in. */
async function consent(authorizeUrl: string, memberUrn: string): Promise<URL> {
  const page = await fetch(authorizeUrl);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(html).toContain(`data-account="${memberUrn}"`);
  const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&#38;/g, '&');
  const answer = await fetch(new URL(action, emu.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account: memberUrn }).toString(),
    redirect: 'manual',
  });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get('location')!);
}

async function connect(s: LinkedInSettings = settings, member = ada) {
  const oauth = linkedinPlatform.oauth(s);
  const verifier = randomUrlToken();
  const back = await consent(oauth.authorizeUrl({ state: 'st-1', codeChallenge: pkceChallenge(verifier) }), member);
  expect(back.searchParams.get('state')).toBe('st-1');
  const code = back.searchParams.get('code')!;
  return { oauth, code, verifier, tokens: await oauth.exchangeCode({ code, codeVerifier: verifier }) };
}

describe('LinkedIn OAuth against the emulator', () => {
  it('the authorize URL: the web flow’s parameters, the minimal scopes, state, and no PKCE (web apps have none)', () => {
    const url = new URL(linkedinPlatform.oauth(settings).authorizeUrl({ state: 'st-1', codeChallenge: 'ch' }));
    expect(url.origin + url.pathname).toBe(`${emu.url}/oauth/v2/authorization`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: emu.app.clientId,
      redirect_uri: 'http://127.0.0.1:9/oauth/linkedin/callback',
      state: 'st-1',
      scope: 'openid profile w_member_social r_member_social',
    });
    expect(url.search).not.toContain(emu.app.clientSecret);
    expect(linkedinPlatform.scopes).toEqual(['openid', 'profile', 'w_member_social', 'r_member_social']);
    const pages = new URL(linkedinPlatform.oauth(pageSettings(emu)).authorizeUrl({ state: 's', codeChallenge: 'ch' }));
    expect(pages.searchParams.get('scope')).toBe(
      'openid profile w_organization_social r_organization_social rw_organization_admin',
    );
    // Against the real API host, the dialog is LinkedIn's own.
    const real = linkedinPlatform.oauth({ ...settings, baseUrl: 'https://api.linkedin.com' });
    expect(real.authorizeUrl({ state: 's', codeChallenge: 'ch' })).toMatch(
      /^https:\/\/www\.linkedin\.com\/oauth\/v2\/authorization\?/,
    );
  });

  it('consent and code exchange: a 60-day token, a 365-day refresh token, the scopes; the code works once', async () => {
    const started = Date.now();
    const { oauth, code, verifier, tokens } = await connect();
    expect(Date.parse(tokens.expiresAt!) - started).toBeGreaterThanOrEqual(LINKEDIN_ACCESS_TTL_SECONDS * 1000 - 5000);
    expect(Date.parse(tokens.refreshExpiresAt!) - started).toBeGreaterThanOrEqual(
      LINKEDIN_REFRESH_TTL_SECONDS * 1000 - 5000,
    );
    expect(tokens.scope).toBe('openid,profile,w_member_social,r_member_social');
    expect(tokens.issuedAt).toBeDefined();
    const form = new URLSearchParams(emu.server.last('/oauth/v2/accessToken')!.rawBody);
    expect(form.get('client_secret')).toBe(emu.app.clientSecret);
    expect(form.get('code_verifier')).toBeNull();
    expect(await linkedinPlatform.createReader(settings).identity({ accessToken: tokens.accessToken })).toMatchObject({
      externalAccountId: ada,
      handle: 'Ada Lovelace',
    });
    expect(await failure(oauth.exchangeCode({ code, codeVerifier: verifier }))).toMatchObject({ kind: 'auth' });
  });

  it('a Page connection binds the one Page the member may post as; none or several are refused with a reason', async () => {
    const acme = emu.organizations()[0]!;
    const { tokens } = await connect(pageSettings(emu));
    expect(readCredential({ accessToken: tokens.accessToken }).organizationId).toBe(acme.id);
    expect(
      await linkedinPlatform.createReader(pageSettings(emu)).identity({ accessToken: tokens.accessToken }),
    ).toEqual({
      externalAccountId: acme.urn,
      handle: 'acme-analytics',
      displayName: 'Acme Analytics',
    });

    const nobody = emu.members()[1]!.urn;
    emu.revokeRoles(nobody, emu.organizations()[1]!.urn);
    expect(await failure(connect(pageSettings(emu), nobody))).toMatchObject({
      kind: 'permanent',
      details: { health: 'missing_permissions' },
    });
    emu.grantRole(ada, emu.organizations()[1]!.urn, 'CONTENT_ADMINISTRATOR');
    const several = await failure(connect(pageSettings(emu)));
    expect(several).toMatchObject({ kind: 'permanent', details: { platformCode: 'SEVERAL_PAGES' } });
    expect(several.message).toMatch(/2 Pages/);
  });

  it('refresh: a new access token, the same refresh token (LinkedIn does not rotate), its end not extended', async () => {
    const { oauth, tokens } = await connect();
    emu.clock.advance(30 * 86_400);
    const next = await oauth.refresh(tokens);
    expect(next.accessToken).not.toBe(tokens.accessToken);
    expect(next.refreshToken).toBe(tokens.refreshToken);
    // 365 days from the first consent, counted down: 30 days used, about 335 left.
    const left = Date.parse(next.refreshExpiresAt!) - Date.now();
    expect(left).toBeLessThanOrEqual((LINKEDIN_REFRESH_TTL_SECONDS - 30 * 86_400) * 1000 + 5000);
    expect(left).toBeGreaterThan((LINKEDIN_REFRESH_TTL_SECONDS - 31 * 86_400) * 1000);
    expect(
      (await linkedinPlatform.createReader(settings).identity({ accessToken: next.accessToken })).externalAccountId,
    ).toBe(ada);
    // Not rotated: the same refresh token works again.
    expect((await oauth.refresh(next)).refreshToken).toBe(tokens.refreshToken);
  });

  it('a Page connection keeps its Page through a refresh', async () => {
    const acme = emu.organizations()[0]!;
    const { oauth, tokens } = await connect(pageSettings(emu));
    const next = await oauth.refresh(tokens);
    expect(readCredential({ accessToken: next.accessToken })).toMatchObject({ organizationId: acme.id });
    expect(
      (await linkedinPlatform.createReader(settings).identity({ accessToken: next.accessToken })).externalAccountId,
    ).toBe(acme.urn);
  });

  it('the refresh token’s year is over: auth with refresh_expired', async () => {
    const { oauth, tokens } = await connect();
    emu.clock.advance(LINKEDIN_REFRESH_TTL_SECONDS + 60);
    expect(await failure(oauth.refresh(tokens))).toMatchObject({
      kind: 'auth',
      details: { status: 400, health: 'refresh_expired' },
    });
  });

  it('the member removed the app: refresh and calls answer auth with token_revoked', async () => {
    const { oauth, tokens } = await connect();
    emu.tokens.revokeAccount(ada);
    expect(await failure(oauth.refresh(tokens))).toMatchObject({ kind: 'auth', details: { health: 'token_revoked' } });
    expect(
      await failure(linkedinPlatform.createReader(settings).identity({ accessToken: tokens.accessToken })),
    ).toMatchObject({ kind: 'auth', details: { status: 401, health: 'token_revoked' } });
  });

  it('an app without programmatic refresh tokens: no refresh token, and refresh says re-consent is due', async () => {
    emu.setProgrammaticRefresh(false);
    const { oauth, tokens } = await connect();
    expect(tokens.refreshToken).toBeUndefined();
    expect(await failure(oauth.refresh(tokens))).toMatchObject({ kind: 'auth', details: { health: 'reconsent_due' } });
  });
});
