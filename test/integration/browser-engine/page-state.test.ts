// classifyPage and readIdentity on pages served by a local fixture: each challenge page is recognised by its
// detector, missing or doubled selectors are drift (C-43), and the identity card is read from the page (C-41).
import type { Page } from 'playwright-core';
import {
  BrowserLaneError,
  BrowserPool,
  classifyPage,
  loadSelectorMap,
  readIdentity,
  type PageKey,
  type PageState,
} from '../../../services/browser/engine';
import { describeWithChromium, EMPTY_STATE } from './engine-env';
import { composeBody, identityCard, page, postBody, startFixtureServer, type FixtureServer } from './fixture-server';

const map = loadSelectorMap('sandbox');
// Drift is only concluded after the settle time; server-rendered fixtures are complete at load.
const FAST = { settleMs: 300 };

describeWithChromium('page state and identity', () => {
  let site: FixtureServer;
  let pool: BrowserPool;

  beforeAll(async () => {
    site = await startFixtureServer();
    pool = new BrowserPool({ platforms: { sandbox: { maxConcurrent: 4, origins: [site.url] } } });
  });
  afterAll(async () => {
    await pool?.close();
    await site?.close();
  });
  beforeEach(() => site.clear());

  const onPage = <T>(path: string, html: string, fn: (tab: Page) => Promise<T>): Promise<T> => {
    site.route('GET', path, { html: page(html) });
    return pool.withContext('sandbox', EMPTY_STATE, async (ctx) => {
      const tab = await ctx.newPage();
      await tab.goto(`${site.url}${path}`);
      return fn(tab);
    });
  };
  const classify = (path: string, html: string, expected: PageKey): Promise<PageState> =>
    onPage(path, html, (tab) => classifyPage(tab, map, expected, FAST));

  it('says ok when the page shows every selector it needs once', async () => {
    expect(await classify('/compose', composeBody(), 'compose')).toEqual({ kind: 'ok' });
    expect(await classify('/p/sbx_p_1', postBody('sbx_p_1', 'hello'), 'post')).toEqual({ kind: 'ok' });
  });

  it('[C-43] detects a captcha by each of its detectors', async () => {
    expect(
      await classify('/compose', `<div data-testid="captcha-challenge">Are you a robot?</div>`, 'compose'),
    ).toEqual({ kind: 'captcha' });
    // the compose page is all there, but a captcha widget stands on it: a captcha, not ok
    expect(
      await classify('/compose', composeBody({ extra: '<div class="g-recaptcha">robot?</div>' }), 'compose'),
    ).toEqual({
      kind: 'captcha',
    });
    const frame = (src: string) => `<h1>Check</h1><iframe src="${src}" width="300" height="80"></iframe>`;
    expect(await classify('/x', frame('https://www.google.com/recaptcha/api2/anchor?k=1'), 'home')).toEqual({
      kind: 'captcha',
    });
    expect(await classify('/x', frame('https://newassets.hcaptcha.com/captcha/v1/frame'), 'home')).toEqual({
      kind: 'captcha',
    });
    // an invisible widget is not a wall
    expect(
      await classify(
        '/compose',
        composeBody({ extra: '<div class="g-recaptcha" style="display:none"></div>' }),
        'compose',
      ),
    ).toEqual({ kind: 'ok' });
  });

  it('[C-43] detects a consent wall: the named dialog, or any dialog about cookies', async () => {
    expect(
      await classify('/compose', composeBody({ extra: '<div data-testid="consent-dialog">Accept?</div>' }), 'compose'),
    ).toEqual({ kind: 'consent' });
    const dialog = (text: string) =>
      composeBody({ extra: `<div role="dialog"><p>${text}</p><button>OK</button></div>` });
    expect(await classify('/compose', dialog('We and our partners use Cookies to measure you.'), 'compose')).toEqual({
      kind: 'consent',
    });
    expect(await classify('/compose', dialog('Share this post with a friend?'), 'compose')).toEqual({ kind: 'ok' });
  });

  it('[C-43] detects a login wall by its path anywhere, by a password field only where we expected to be signed in', async () => {
    const form = '<form><input name="username"><input type="password" name="password"><button>Log in</button></form>';
    // the sign-in path needs no password field (a single sign-on button), on any page we expected
    expect(await classify('/login', '<h1>Log in</h1><button>Continue with SSO</button>', 'post')).toEqual({
      kind: 'login_wall',
    });
    expect(await classify('/compose', `<h1>Session ended</h1>${form}`, 'compose')).toEqual({ kind: 'login_wall' });
    // a public post page may show a sign-in box beside the post
    expect(await classify('/p/sbx_p_1', postBody('sbx_p_1', 'hi') + form, 'post')).toEqual({ kind: 'ok' });
  });

  it('[C-43] reports drift with the missing and the doubled selector keys', async () => {
    expect(await classify('/compose', composeBody({ submitTestId: 'composer-send' }), 'compose')).toEqual({
      kind: 'drift',
      missing: ['compose.submit'],
      ambiguous: [],
    });
    expect(await classify('/compose', identityCard() + composeBody(), 'compose')).toEqual({
      kind: 'drift',
      missing: [],
      ambiguous: ['identity.card', 'identity.handle', 'identity.displayName', 'identity.accountId'],
    });
    // a v2-style redesign: every name changed at once
    const v2 = composeBody()
      .replace(/account-identity/g, 'profile-card')
      .replace(/identity-/g, 'card-')
      .replace(/compose-/g, 'composer-');
    const state = await classify('/compose', v2, 'compose');
    expect(state).toEqual({ kind: 'drift', missing: map.pages.compose.requires, ambiguous: [] });
  });

  it('waits, bounded, for a page that renders after load before concluding drift', async () => {
    const late = `<div id="root"></div><script>
      setTimeout(() => { document.getElementById('root').innerHTML = ${JSON.stringify(composeBody())}; }, 400);
    </script>`;
    expect(await onPage('/compose', late, (tab) => classifyPage(tab, map, 'compose', { settleMs: 3_000 }))).toEqual({
      kind: 'ok',
    });
  });

  it('[C-41] reads the identity card from the page', async () => {
    expect(await onPage('/', identityCard('sbx_u_7', '@seven', 'Seven S.'), (tab) => readIdentity(tab, map))).toEqual({
      kind: 'ok',
      identity: { externalAccountId: 'sbx_u_7', handle: '@seven', displayName: 'Seven S.' },
    });
  });

  it('[C-41] reads a missing card as drift and a card contradicting itself as unreadable', async () => {
    expect(await onPage('/', '<h1>Home</h1>', (tab) => readIdentity(tab, map))).toEqual({
      kind: 'drift',
      missing: ['identity.card', 'identity.accountId', 'identity.handle', 'identity.displayName'],
    });
    const forged = identityCard('sbx_u_alice', '@alice', 'Alice', 'sbx_u_mallory');
    const err = await onPage('/', forged, (tab) => readIdentity(tab, map).catch((e: unknown) => e));
    expect(err).toBeInstanceOf(BrowserLaneError);
    expect(err).toMatchObject({ kind: 'identity_unreadable' });
  });
});
