import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  api,
  bootSandbox,
  sessionCookieFor,
  submitForm,
  testIdsIn,
  textOfTestId,
  TEST_ADMIN_TOKEN,
  type TestSandbox,
} from './sandbox.test-helpers';
import type { SandboxUser } from './sandbox.types';

describe('challenges and sessions of the web pages', () => {
  let t: TestSandbox;
  let user: SandboxUser;
  let cookie: string;

  beforeAll(async () => {
    t = await bootSandbox();
  });
  afterAll(() => t.sandbox.close());
  beforeEach(async () => {
    await t.admin.reset();
    user = await t.admin.createUser({ username: 'rosa', password: 'pw', displayName: 'Rosa' });
    cookie = await sessionCookieFor(t, user.id);
  });

  const get = (path: string, withCookie = cookie) => api(t.sandbox.url, path, { headers: { cookie: withCookie } });
  const compose = (text: string) => submitForm(t.sandbox.url, '/compose', { text }, cookie);

  it('puts a captcha in front of every signed-in page and creates no post behind it', async () => {
    const before = await compose('before the captcha');
    const postPath = before.headers.get('location')!;
    expect(await t.admin.setChallenge(user.id, 'captcha')).toEqual({
      userId: user.id,
      kind: 'captcha',
      consentAcceptedAt: null,
      active: 'captcha',
    });

    for (const path of ['/', '/compose', postPath, '/u/rosa']) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(textOfTestId(page.text, 'captcha-title')).toBe('Are you a robot?');
      expect(page.text).toMatch(/<div data-testid="captcha-challenge" class="g-recaptcha"/);
      expect(testIdsIn(page.text)).not.toContain('compose-text');
      expect(testIdsIn(page.text)).not.toContain('post-text');
    }
    const blocked = await compose('behind the captcha');
    expect(blocked.status).toBe(200);
    expect(testIdsIn(blocked.text)).toContain('captcha-challenge');
    expect((await t.admin.listPosts()).map((p) => p.text)).toEqual(['before the captcha']);

    // the public post page stays public for everyone else
    expect(testIdsIn((await api(t.sandbox.url, postPath)).text)).toContain('post-text');

    await t.admin.setChallenge(user.id, null);
    expect((await compose('after the captcha')).status).toBe(302);
  });

  it('blocks posting behind the consent dialog until the user accepts it', async () => {
    await t.admin.setChallenge(user.id, 'consent');
    const page = await get('/compose');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<div role="dialog" aria-modal="true"[^>]*data-testid="consent-dialog">/);
    expect(textOfTestId(page.text, 'consent-accept')).toBe('Accept all');
    expect(testIdsIn(page.text)).toContain('compose-text');

    const refused = await compose('not yet');
    expect(refused.status).toBe(400);
    expect(testIdsIn(refused.text)).toEqual(expect.arrayContaining(['compose-error', 'consent-dialog']));
    expect(await t.admin.listPosts()).toEqual([]);

    const accepted = await submitForm(t.sandbox.url, '/consent', { next: '/compose' }, cookie);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get('location')).toBe('/compose');
    expect(testIdsIn((await get('/compose')).text)).not.toContain('consent-dialog');
    expect((await compose('now')).status).toBe(302);
    expect((await t.admin.listPosts()).map((p) => p.text)).toEqual(['now']);

    // setting it again asks again; an off-site next is ignored
    expect((await t.admin.setChallenge(user.id, 'consent')).active).toBe('consent');
    expect(testIdsIn((await get('/')).text)).toContain('consent-dialog');
    const offSite = await submitForm(t.sandbox.url, '/consent', { next: '//evil.example' }, cookie);
    expect(offSite.headers.get('location')).toBe('/');
  });

  it('makes a working browser session for a user, and revoking it brings back the login wall', async () => {
    const { cookie: made } = await t.admin.createSession({ userId: user.id });
    const { value, expires, ...rest } = made;
    expect(rest).toEqual({
      name: 'sbx_session',
      domain: '127.0.0.1',
      path: '/',
      httpOnly: true,
      secure: false,
      sameSite: 'Lax',
    });
    expect(value).toMatch(/^\S{20,}$/);
    const weekFromNow = Date.now() / 1000 + 7 * 24 * 3600;
    expect(Math.abs(expires - weekFromNow)).toBeLessThan(60);

    const page = await get('/compose', `${made.name}=${made.value}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`data-account-id="${user.id}"`);

    expect(await t.admin.revokeSessions(user.id)).toEqual({ revoked: 2 });
    for (const stale of [cookie, `${made.name}=${made.value}`]) {
      const wall = await get('/compose', stale);
      expect(wall.status).toBe(302);
      expect(wall.headers.get('location')).toBe('/login?next=%2Fcompose');
      expect((await submitForm(t.sandbox.url, '/compose', { text: 'x' }, stale)).headers.get('location')).toBe(
        '/login?next=%2Fcompose',
      );
    }
    expect(await t.admin.listPosts()).toEqual([]);
  });

  it('answers bad admin requests with clear 400s and unknown users with 404', async () => {
    const admin = (path: string, json: unknown, method = 'POST') =>
      api(t.sandbox.url, path, { method, json, headers: { 'x-sandbox-admin': TEST_ADMIN_TOKEN } });
    const badKind = await admin(`/_admin/users/${user.id}/challenge`, { kind: 'puzzle' });
    expect(badKind.status).toBe(400);
    expect(badKind.text).toContain('kind must be one of captcha, consent or null');
    expect((await admin(`/_admin/users/${user.id}/challenge`, {})).status).toBe(400);
    expect((await admin('/_admin/users/sbx_u_nope/challenge', { kind: null })).status).toBe(404);
    const noUser = await admin('/_admin/sessions', {});
    expect(noUser.status).toBe(400);
    expect(noUser.text).toContain('userId');
    expect((await admin('/_admin/sessions', { userId: 'sbx_u_nope' })).status).toBe(404);
    expect((await api(t.sandbox.url, '/_admin/sessions', { json: { userId: user.id } })).status).toBe(401);
    expect((await api(t.sandbox.url, `/_admin/users/${user.id}/sessions`, { method: 'DELETE' })).status).toBe(401);
  });

  it('keeps sessions, challenges, contact details and the selector version in the state file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sbx-pages-'));
    const stateFile = join(dir, 'state.json');
    try {
      const first = await bootSandbox({ stateFile });
      const rosa = await first.admin.createUser({ username: 'rosa', password: 'pw', email: 'rosa@example.test' });
      const { cookie: made } = await first.admin.createSession({ userId: rosa.id });
      await first.admin.setChallenge(rosa.id, 'consent');
      await first.admin.setUi({ selectorVersion: 'v2' });
      await first.sandbox.close();

      const second = await bootSandbox({ stateFile });
      try {
        const page = await api(second.sandbox.url, '/compose', { headers: { cookie: `${made.name}=${made.value}` } });
        expect(page.status).toBe(200);
        expect(testIdsIn(page.text)).toEqual(
          expect.arrayContaining(['profile-card', 'consent-dialog', 'composer-contact-email']),
        );
      } finally {
        await second.sandbox.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
