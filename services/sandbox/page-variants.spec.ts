import { testIds, V1_TEST_IDS } from './page-variants';
import {
  api,
  bootSandbox,
  sessionCookieFor,
  submitForm,
  tagsWithTestId,
  testIdsIn,
  TEST_ADMIN_TOKEN,
  type TestSandbox,
} from './sandbox.test-helpers';

describe('selector versions of the account pages', () => {
  let t: TestSandbox;

  beforeAll(async () => {
    t = await bootSandbox();
  });
  afterAll(() => t.sandbox.close());
  beforeEach(() => t.admin.reset());

  async function accountPages(): Promise<string[]> {
    const user = await t.admin.createUser({
      username: 'vera',
      password: 'pw',
      email: 'v@example.test',
      phone: '+1 555 0100',
    });
    const cookie = await sessionCookieFor(t, user.id);
    const created = await submitForm(t.sandbox.url, '/compose', { text: 'hello' }, cookie);
    expect(created.status).toBe(302);
    const paths = ['/', '/compose', created.headers.get('location')!, '/u/vera'];
    const pages = await Promise.all(paths.map((path) => api(t.sandbox.url, path, { headers: { cookie } })));
    const refused = await submitForm(t.sandbox.url, '/compose', { text: ' ' }, cookie);
    expect(refused.status).toBe(400);
    return [...pages.map((p) => p.text), refused.text];
  }

  it('renames every contract test id at once in v2, leaving no v1 name on any page', async () => {
    expect(await t.admin.getUi()).toEqual({ selectorVersion: 'v1' });
    const v1Ids = new Set((await accountPages()).flatMap(testIdsIn));
    // every contract name is actually rendered in v1, so the v2 check below covers them all
    expect(V1_TEST_IDS.filter((id) => !v1Ids.has(id))).toEqual([]);

    await t.admin.reset();
    expect(await t.admin.setUi({ selectorVersion: 'v2' })).toEqual({ selectorVersion: 'v2' });
    const v2Pages = await accountPages();
    const v2Ids = new Set(v2Pages.flatMap(testIdsIn));
    expect(V1_TEST_IDS.filter((id) => v2Ids.has(id))).toEqual([]);
    const v2 = testIds('v2');
    expect(V1_TEST_IDS.filter((id) => !v2Ids.has(v2(id)))).toEqual([]);
    for (const [v1, renamed] of [
      ['compose-text', 'composer-input'],
      ['compose-submit', 'composer-send'],
      ['account-identity', 'profile-card'],
      ['identity-handle', 'card-handle'],
      ['identity-display-name', 'card-name'],
      ['identity-account-id', 'card-id'],
      ['post-text', 'post-body'],
      ['post-author', 'post-byline'],
      ['profile-post', 'feed-item'],
      ['profile-post-text', 'feed-item-body'],
    ] as const) {
      expect(v2(v1)).toBe(renamed);
    }
    // attributes a runner reads stay where they were
    const all = v2Pages.join('\n');
    expect(tagsWithTestId(all, 'profile-card')[0]).toMatch(/data-account-id="sbx_u_/);
    expect(tagsWithTestId(all, 'post-byline')[0]).toMatch(/data-author-id="sbx_u_/);
    expect(tagsWithTestId(all, 'feed-item')[0]).toMatch(/data-post-id="sbx_p_/);
  });

  it('keeps the challenge pages recognisable in v2', async () => {
    await t.admin.setUi({ selectorVersion: 'v2' });
    const user = await t.admin.createUser({ username: 'vic', password: 'pw' });
    const cookie = await sessionCookieFor(t, user.id);
    await t.admin.setChallenge(user.id, 'consent');
    expect(testIdsIn((await api(t.sandbox.url, '/compose', { headers: { cookie } })).text)).toEqual(
      expect.arrayContaining(['consent-dialog', 'consent-accept', 'composer-input']),
    );
    await t.admin.setChallenge(user.id, 'captcha');
    expect(testIdsIn((await api(t.sandbox.url, '/compose', { headers: { cookie } })).text)).toEqual(
      expect.arrayContaining(['captcha-title', 'captcha-challenge']),
    );
  });

  it('refuses an unknown selector version with a clear 400 and resets to v1', async () => {
    const bad = await api(t.sandbox.url, '/_admin/ui', {
      json: { selectorVersion: 'v3' },
      headers: { 'x-sandbox-admin': TEST_ADMIN_TOKEN },
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('selectorVersion must be one of v1, v2');
    const anonymous = await api(t.sandbox.url, '/_admin/ui');
    expect(anonymous.status).toBe(401);
    await t.admin.setUi({ selectorVersion: 'v2' });
    await t.admin.reset();
    expect(await t.admin.getUi()).toEqual({ selectorVersion: 'v1' });
  });
});
