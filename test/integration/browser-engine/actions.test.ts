// The actions against a local fixture platform, for what the real sandbox cannot easily show: nothing is clicked
// unless the page was classified ok first (C-43) and the identity confirmed (C-41), and an error after the click says
// the outcome is unknown (submitted: true) so the caller reads back instead of posting again.
import type { Page } from 'playwright-core';
import {
  BrowserLaneError,
  BrowserPool,
  loadSelectorMap,
  publishThroughPage,
  readPostThroughPage,
  type PublishThroughPageInput,
} from '../../../services/browser/engine';
import { describeWithChromium, EMPTY_STATE } from './engine-env';
import { composeBody, page, postBody, startFixtureServer, type FixtureServer } from './fixture-server';

const map = loadSelectorMap('sandbox');

describeWithChromium('browser actions on a fixture platform', () => {
  let site: FixtureServer;
  let pool: BrowserPool;

  beforeAll(async () => {
    site = await startFixtureServer();
    pool = new BrowserPool({ platforms: { sandbox: { maxConcurrent: 2, origins: [site.url] } } });
  });
  afterAll(async () => {
    await pool?.close();
    await site?.close();
  });
  beforeEach(() => {
    site.clear();
    site.route('GET', '/compose', { html: page(composeBody()) });
    site.route('POST', '/compose', { status: 302, html: '', headers: { location: '/p/fx_1' } });
    site.route('GET', '/p/fx_1', { html: page(postBody('fx_1', 'hello')) });
  });

  const onTab = <T>(fn: (tab: Page) => Promise<T>) =>
    pool.withContext('sandbox', EMPTY_STATE, async (ctx) => fn(await ctx.newPage()));
  const publish = (input: Partial<PublishThroughPageInput> = {}) =>
    onTab((tab) => publishThroughPage(tab, map, site.url, { text: 'hello', requestKey: 'rk-1', ...input }));
  const failure = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(BrowserLaneError);
    return err as BrowserLaneError;
  };
  const posts = () => site.hits.filter((h) => h.method === 'POST');

  it('fills, submits once with the request key, and reads the post id from the post page', async () => {
    const seen: string[] = [];
    const out = await publish({ confirmIdentity: (identity) => void seen.push(identity.externalAccountId) });
    expect(out).toEqual({ postId: 'fx_1', url: `${site.url}/p/fx_1` });
    expect(seen).toEqual(['sbx_u_alice']);
    expect(posts()).toHaveLength(1);
    // the fixture form has no request_key field: the engine adds it as a hidden one
    expect(Object.fromEntries(new URLSearchParams(posts()[0]!.body))).toEqual({ text: 'hello', request_key: 'rk-1' });
  });

  it('[C-43] clicks nothing on a captcha, a consent wall or a drifted compose page', async () => {
    site.route('GET', '/compose', {
      html: page(composeBody({ extra: '<div data-testid="captcha-challenge">Are you a robot?</div>' })),
    });
    expect(await failure(publish())).toMatchObject({ kind: 'captcha', submitted: false });
    site.route('GET', '/compose', { html: page(composeBody({ extra: '<div role="dialog">We use cookies</div>' })) });
    expect(await failure(publish())).toMatchObject({ kind: 'consent', submitted: false });
    site.route('GET', '/compose', { html: page(composeBody({ submitTestId: 'composer-send' })) });
    const drift = await failure(publish());
    expect(drift).toMatchObject({ kind: 'selector_drift', missing: ['compose.submit'], submitted: false });
    expect(drift.message).toMatch(/compose\.submit/);
    expect(posts()).toEqual([]);
  }, 60_000);

  it('[C-41] clicks nothing when the identity is not confirmed', async () => {
    const err = await publish({
      confirmIdentity: () => {
        throw new Error('identity mismatch');
      },
    }).catch((e: Error) => e);
    expect((err as Error).message).toBe('identity mismatch');
    expect(posts()).toEqual([]);
  });

  it('reports a challenge met after the click as such, with an unknown outcome', async () => {
    site.route('POST', '/compose', { html: page('<div data-testid="captcha-challenge">robot?</div>') });
    expect(await failure(publish())).toMatchObject({ kind: 'captcha', submitted: true });
    expect(posts()).toHaveLength(1);
  }, 60_000);

  it('reports another page after the click (the platform refused the post) as an unknown outcome', async () => {
    site.route('POST', '/compose', { status: 400, html: page(composeBody({ extra: '<p role="alert">Too long</p>' })) });
    const err = await failure(publish());
    expect(err).toMatchObject({ kind: 'navigation', submitted: true });
    expect(err.message).toMatch(/another page than the post/);
  });

  it('refuses a post page whose id differs from its address', async () => {
    site.route('GET', '/p/fx_1', { html: page(postBody('fx_2', 'hello')) });
    expect(await failure(publish())).toMatchObject({ kind: 'navigation', submitted: true });
  });

  it('reads a post, and a 404 as no post', async () => {
    expect(await onTab((tab) => readPostThroughPage(tab, map, site.url, 'fx_1'))).toEqual({
      postId: 'fx_1',
      url: `${site.url}/p/fx_1`,
      text: 'hello',
      authorExternalId: 'sbx_u_alice',
      createdAt: '2024-05-01T10:00:00.000Z',
    });
    expect(await onTab((tab) => readPostThroughPage(tab, map, site.url, 'gone'))).toBeNull();
  });
});
