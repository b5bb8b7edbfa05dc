// The engine against the real sandbox platform (its v1 pages, issue #17): self-check, publish, read back and list
// through the pages with an admin-made session; drift when the sandbox switches to its v2 redesign; challenge pages
// and an ended session stop the action before any click; the compose page's contact details never reach the proof.
import type { BrowserContext } from 'playwright-core';
import { bootSandbox, type TestSandbox } from '../../../services/sandbox/sandbox.test-helpers';
import type { SandboxUser } from '../../../services/sandbox/sandbox.types';
import type { BrowserStorageState } from '../../../services/core/browser/browser-driver.port';
import {
  BrowserLaneError,
  BrowserPool,
  captureProof,
  listPostsThroughPage,
  loadSelectorMap,
  publishThroughPage,
  readIdentity,
  readPostThroughPage,
  selfCheck,
} from '../../../services/browser/engine';
import { describeWithChromium } from './engine-env';

const map = loadSelectorMap('sandbox');
const EMAIL = 'alice.private@example.com';
const PHONE = '+1 415 555 0100';

describeWithChromium('browser engine on the sandbox platform', () => {
  let t: TestSandbox;
  let pool: BrowserPool;
  let alice: SandboxUser;
  let state: BrowserStorageState;

  beforeAll(async () => {
    t = await bootSandbox();
    pool = new BrowserPool({ platforms: { sandbox: { maxConcurrent: 2, origins: [t.sandbox.url] } } });
  });
  afterAll(async () => {
    await pool?.close();
    await t?.sandbox.close();
  });
  beforeEach(async () => {
    await t.admin.reset();
    alice = await t.admin.createUser({
      username: 'alice',
      password: 'pw-alice',
      displayName: 'Alice Example',
      email: EMAIL,
      phone: PHONE,
    });
    const { cookie } = await t.admin.createSession({ userId: alice.id });
    state = { cookies: [cookie], origins: [] };
  });

  const inContext = <T>(fn: (ctx: BrowserContext) => Promise<T>) => pool.withContext('sandbox', state, fn);
  const publish = (text: string, requestKey: string) =>
    inContext(async (ctx) => publishThroughPage(await ctx.newPage(), map, t.sandbox.url, { text, requestKey }));
  const failure = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BrowserLaneError);
    return err as BrowserLaneError;
  };

  it('passes its self-check on the v1 pages, the post page once there is a post', async () => {
    const before = await inContext((ctx) => selfCheck(ctx, map, t.sandbox.url, { username: 'alice' }));
    expect(before.ok).toBe(true);
    expect(before.pages.map((p) => [p.page, p.result.kind])).toEqual([
      ['home', 'ok'],
      ['compose', 'ok'],
      ['profile', 'ok'],
      ['post', 'skipped'],
    ]);
    await publish('first', 'rk-self-check');
    const after = await inContext((ctx) => selfCheck(ctx, map, t.sandbox.url, { username: 'alice' }));
    expect(after.pages.map((p) => p.result.kind)).toEqual(['ok', 'ok', 'ok', 'ok']);
  });

  it('[C-41] reads the signed-in identity from the page', async () => {
    const identity = await inContext(async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(`${t.sandbox.url}/compose`);
      return readIdentity(page, map);
    });
    expect(identity).toEqual({
      kind: 'ok',
      identity: { externalAccountId: alice.id, handle: '@alice', displayName: 'Alice Example' },
    });
  });

  it('publishes through the compose page, reads the post back and lists it newest first', async () => {
    const confirmed: string[] = [];
    const first = await inContext(async (ctx) =>
      publishThroughPage(await ctx.newPage(), map, t.sandbox.url, {
        text: 'Hello from the browser lane',
        requestKey: 'rk-1',
        confirmIdentity: (identity) => void confirmed.push(identity.externalAccountId),
      }),
    );
    expect(confirmed).toEqual([alice.id]);
    const [stored] = await t.admin.listPosts();
    expect(first).toEqual({ postId: stored!.id, url: `${t.sandbox.url}/p/${stored!.id}` });
    expect(stored!.text).toBe('Hello from the browser lane');

    const read = await inContext(async (ctx) =>
      readPostThroughPage(await ctx.newPage(), map, t.sandbox.url, first.postId),
    );
    expect(read).toEqual({
      postId: first.postId,
      url: first.url,
      text: 'Hello from the browser lane',
      authorExternalId: alice.id,
      createdAt: stored!.createdAt,
    });
    expect(
      await inContext(async (ctx) => readPostThroughPage(await ctx.newPage(), map, t.sandbox.url, 'sbx_p_missing')),
    ).toBeNull();

    await new Promise((r) => setTimeout(r, 20)); // distinct timestamps
    const second = await publish('And a second one', 'rk-2');
    const listed = await inContext(async (ctx) =>
      listPostsThroughPage(await ctx.newPage(), map, t.sandbox.url, 'alice'),
    );
    expect(listed.map((p) => [p.postId, p.text, p.authorExternalId])).toEqual([
      [second.postId, 'And a second one', alice.id],
      [first.postId, 'Hello from the browser lane', alice.id],
    ]);
  });

  it('sends the request key, so a repeated submission gives back the first post', async () => {
    const a = await publish('only once', 'rk-repeat');
    const b = await publish('only once', 'rk-repeat');
    expect(b.postId).toBe(a.postId);
    expect(await t.admin.listPosts()).toHaveLength(1);
  });

  it('[C-43] detects the v2 redesign as drift: the self-check fails and nothing is posted', async () => {
    await t.admin.setUi({ selectorVersion: 'v2' });
    const check = await inContext((ctx) => selfCheck(ctx, map, t.sandbox.url, { username: 'alice' }));
    expect(check.ok).toBe(false);
    expect(check.pages.find((p) => p.page === 'compose')?.result).toEqual({
      kind: 'drift',
      missing: map.selfCheck.find((s) => s.page === 'compose')!.expect,
      ambiguous: [],
    });
    const err = await failure(publish('should not post', 'rk-drift'));
    expect(err).toMatchObject({ kind: 'selector_drift', submitted: false });
    expect(err.missing).toContain('compose.submit');
    expect(await t.admin.listPosts()).toEqual([]);
  });

  it('[C-43] stops before any click on a captcha, a consent dialog or an ended session', async () => {
    await t.admin.setChallenge(alice.id, 'captcha');
    expect(await failure(publish('x', 'rk-captcha'))).toMatchObject({ kind: 'captcha', submitted: false });
    await t.admin.setChallenge(alice.id, 'consent');
    expect(await failure(publish('x', 'rk-consent'))).toMatchObject({ kind: 'consent', submitted: false });
    await t.admin.setChallenge(alice.id, null);
    await t.admin.revokeSessions(alice.id);
    expect(await failure(publish('x', 'rk-login'))).toMatchObject({ kind: 'login_wall', submitted: false });
    expect(await t.admin.listPosts()).toEqual([]);
  });

  it("[C-44] the compose page's contact email and phone are masked in its proof", async () => {
    const proof = await inContext(async (ctx) => {
      const page = await ctx.newPage();
      await page.goto(`${t.sandbox.url}/compose`);
      expect(await page.getByTestId('contact-email').textContent()).toBe(EMAIL);
      return captureProof(page);
    });
    expect(proof.masked).toBeGreaterThanOrEqual(2);
    expect(proof.domHtml).not.toContain(EMAIL);
    expect(proof.domHtml).not.toContain(PHONE);
    expect(proof.domHtml).toContain('data-testid="contact-email">[email]<');
    expect(proof.domHtml).toContain(alice.id);
    expect(proof.domHtml).not.toContain(state.cookies[0]!.value);
  });
});
