import { api, bootSandbox, type TestSandbox } from './sandbox.test-helpers';

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
    expect(page.text).toContain('data-testid="post-author">@bob<');
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
});
