import {
  api,
  bootSandbox,
  sessionCookieFor,
  submitForm,
  tagsWithTestId,
  testIdsIn,
  textOfTestId,
  type TestSandbox,
} from './sandbox.test-helpers';
import type { SandboxPost, SandboxUser } from './sandbox.types';

describe('sandbox pages', () => {
  let t: TestSandbox;

  beforeAll(async () => {
    t = await bootSandbox();
  });
  afterAll(() => t.sandbox.close());

  beforeEach(async () => {
    await t.admin.reset();
    await t.admin.createUser({ username: 'bob', password: 'builder' });
  });

  const form = (path: string, fields: Record<string, string>, cookie?: string) =>
    api(t.sandbox.url, path, {
      method: 'POST',
      rawBody: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    });

  it('logs in with an HttpOnly cookie, composes a post and shows it escaped', async () => {
    const loginPage = await api(t.sandbox.url, '/login');
    expect(loginPage.status).toBe(200);
    expect(loginPage.text).toContain('data-testid="login-form"');
    expect(loginPage.text).not.toContain('<script');

    expect((await api(t.sandbox.url, '/compose')).headers.get('location')).toMatch(/^\/login/);

    const bad = await form('/login', { username: 'bob', password: 'nope' });
    expect(bad.status).toBe(401);
    expect(bad.text).toContain('data-testid="login-error"');

    const login = await form('/login', { username: 'bob', password: 'builder', next: '/compose' });
    expect(login.status).toBe(302);
    expect(login.headers.get('location')).toBe('/compose');
    const setCookie = login.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/i);
    const cookie = setCookie.split(';')[0]!;

    const compose = await api(t.sandbox.url, '/compose', { headers: { cookie } });
    expect(compose.status).toBe(200);
    expect(compose.text).toContain('data-testid="compose-text"');

    const text = '<img src=x onerror=alert(1)> & "quotes"';
    const created = await form('/compose', { text }, cookie);
    expect(created.status).toBe(302);
    const location = created.headers.get('location')!;
    expect(location).toMatch(/^\/p\/sbx_p_/);

    const [post] = await t.admin.listPosts();
    expect(post!.text).toBe(text);
    const page = await api(t.sandbox.url, location);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.text).toContain(`data-post-id="${post!.id}"`);
    expect(page.text).toMatch(/data-testid="post-author" data-author-id="sbx_u_\w+">@bob</);
    expect(page.text).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(page.text).not.toContain('<img src=x');
  });

  it('ignores off-site next= redirects and renders 404 pages as HTML', async () => {
    const login = await form('/login', { username: 'bob', password: 'builder', next: '//evil.example' });
    expect(login.headers.get('location')).toBe('/compose');
    const missing = await api(t.sandbox.url, '/p/sbx_p_nope');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/text\/html/);
  });

  describe('account pages for the browser lane (#17)', () => {
    let carol: SandboxUser;
    let carolCookie: string;

    beforeEach(async () => {
      carol = await t.admin.createUser({
        username: 'carol',
        password: 'pw',
        displayName: 'Carol Danvers',
        email: 'carol@example.test',
        phone: '+44 20 7946 0958',
      });
      carolCookie = await sessionCookieFor(t, carol.id);
    });

    const compose = (text: string, cookie: string, requestKey?: string) =>
      submitForm(
        t.sandbox.url,
        '/compose',
        { text, ...(requestKey !== undefined ? { request_key: requestKey } : {}) },
        cookie,
      );

    it('shows the identity card of the signed-in account on every page, and none when signed out', async () => {
      const created = await compose('hello', carolCookie);
      const paths = ['/', '/compose', created.headers.get('location')!, '/u/carol'];
      for (const path of paths) {
        const page = await api(t.sandbox.url, path, { headers: { cookie: carolCookie } });
        expect(page.status).toBe(200);
        expect(tagsWithTestId(page.text, 'account-identity')).toEqual([
          expect.stringContaining(`data-account-id="${carol.id}"`),
        ]);
        expect(textOfTestId(page.text, 'identity-handle')).toBe('@carol');
        expect(textOfTestId(page.text, 'identity-display-name')).toBe('Carol Danvers');
        expect(textOfTestId(page.text, 'identity-account-id')).toBe(carol.id);
        expect(testIdsIn(page.text)).toEqual(expect.arrayContaining(['nav-user', 'nav-compose', 'logout-submit']));
      }
      const anonymous = await api(t.sandbox.url, created.headers.get('location')!);
      expect(testIdsIn(anonymous.text)).not.toContain('account-identity');
    });

    it('shows contact details only to their owner, never in public JSON', async () => {
      const own = await api(t.sandbox.url, '/compose', { headers: { cookie: carolCookie } });
      expect(textOfTestId(own.text, 'contact-email')).toBe('carol@example.test');
      expect(textOfTestId(own.text, 'contact-phone')).toBe('+44 20 7946 0958');
      expect(testIdsIn(own.text)).toEqual(
        expect.arrayContaining(['compose-text', 'compose-submit', 'contact-details']),
      );

      const [bob] = (await t.admin.listUsers()).filter((u) => u.username === 'bob');
      const bobCompose = await api(t.sandbox.url, '/compose', {
        headers: { cookie: await sessionCookieFor(t, bob!.id) },
      });
      expect(testIdsIn(bobCompose.text)).not.toContain('contact-details');

      const created = await compose('public post', carolCookie);
      const pages = [
        await api(t.sandbox.url, created.headers.get('location')!),
        await api(t.sandbox.url, '/u/carol'),
        await api(t.sandbox.url, '/u/carol', { headers: { cookie: carolCookie } }),
      ];
      const adminJson = JSON.stringify(await t.admin.listUsers());
      for (const text of [...pages.map((p) => p.text), adminJson, JSON.stringify(carol)]) {
        expect(text).not.toContain('carol@example.test');
        expect(text).not.toContain('7946');
      }

      const bad = await api(t.sandbox.url, '/_admin/users', {
        json: { username: 'dave', password: 'pw', email: 'not-an-email' },
        headers: { 'x-sandbox-admin': 'test-admin-token' },
      });
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('email must be an email address');
    });

    it('lists a profile owner’s posts newest first, with links and ISO times, at most 50', async () => {
      const [bob] = (await t.admin.listUsers()).filter((u) => u.username === 'bob');
      const bobCookie = await sessionCookieFor(t, bob!.id);
      for (let i = 0; i < 52; i++) await compose(`carol ${i}`, carolCookie);
      await compose('from bob', bobCookie);

      const page = await api(t.sandbox.url, '/u/carol');
      expect(page.status).toBe(200);
      expect(tagsWithTestId(page.text, 'profile-owner')).toEqual([
        expect.stringContaining(`data-owner-id="${carol.id}"`),
      ]);
      expect(textOfTestId(page.text, 'profile-owner-handle')).toBe('@carol');
      const items = [...page.text.matchAll(/<li[^>]*data-testid="profile-post" data-post-id="([^"]+)"[\s\S]*?<\/li>/g)];
      expect(items).toHaveLength(50);
      const texts = items.map((m) => textOfTestId(m[0], 'profile-post-text'));
      expect(texts.slice(0, 3)).toEqual(['carol 51', 'carol 50', 'carol 49']);
      expect(texts).not.toContain('from bob');
      const posts = new Map((await t.admin.listPosts()).map((p): [string, SandboxPost] => [p.id, p]));
      for (const [li, id] of items.map((m) => [m[0], m[1]!] as const)) {
        expect(li).toContain(`href="/p/${id}"`);
        expect(tagsWithTestId(li, 'profile-post-created-at')[0]).toContain(`datetime="${posts.get(id)!.createdAt}"`);
      }
      expect((await api(t.sandbox.url, '/u/nobody')).status).toBe(404);
      expect((await api(t.sandbox.url, '/u/@carol')).status).toBe(200);
    });

    it('dedupes a repeated request_key of the same user into the same post, like Idempotency-Key', async () => {
      const first = await compose('once only', carolCookie, 'run-1:attempt');
      const again = await compose('once only', carolCookie, 'run-1:attempt');
      expect(first.status).toBe(302);
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      let posts = await t.admin.listPosts();
      expect(posts).toHaveLength(1);
      expect(posts[0]!.requestKey).toBe('run-1:attempt');

      const otherText = await compose('different text', carolCookie, 'run-1:attempt');
      expect(otherText.status).toBe(422);
      const [bob] = (await t.admin.listUsers()).filter((u) => u.username === 'bob');
      const bobs = await compose('once only', await sessionCookieFor(t, bob!.id), 'run-1:attempt');
      expect(bobs.headers.get('location')).not.toBe(first.headers.get('location'));
      const tooLong = await compose('x', carolCookie, 'k'.repeat(201));
      expect(tooLong.status).toBe(400);
      expect(textOfTestId(tooLong.text, 'compose-error')).toBe('request_key must be at most 200 characters');
      await compose('no key', carolCookie, '');
      await compose('no key', carolCookie, '');
      posts = await t.admin.listPosts();
      expect(posts.map((p) => p.text)).toEqual(['once only', 'once only', 'no key', 'no key']);
    });
  });
});
