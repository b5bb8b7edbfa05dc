import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningBrowserRunner } from '../../../services/browser/runner/runner.app';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import { userEmail } from '../../factories/db-reads';
import type { PostView } from '../../factories/posts';
import { hasStatus, proofOf, waitForPost } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import { startTestBrowserRunner } from '../../harness/browser-runner';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import type { E2eBrowser } from '../../e2e/support/browser';
import { launchBrowser, newOperatorContext } from '../../e2e/support/browser';
import { PASSWORD, signInThroughUi } from '../../e2e/support/operators';
import { ensureWebBuild } from '../../e2e/support/web-build';
import type { BrowserAccount } from '../browser-lane/browser-lane-world';
import { browserAccount, scheduleNow } from '../browser-lane/browser-lane-world';

const PROOF = `query($p: ID!) { postBrowserProof(postId: $p) {
  selectorMapVersion linksExpireAt steps { step url at masked screenshotUrl domUrl } } }`;

// In-page code as text: the test project has no DOM types. Every thumbnail decoded, so none was refused by the CSP.
const THUMBNAILS_LOADED = `[...document.querySelectorAll('[data-testid="proof-thumbnail"]')]
  .every((i) => i.complete && i.naturalWidth > 0)`;

interface ProofAnswer {
  postBrowserProof: {
    selectorMapVersion: string;
    linksExpireAt: string;
    steps: { step: string; url: string; at: string; masked: number; screenshotUrl: string; domUrl: string }[];
  } | null;
}

/**
 * The browser lane's proof on the post's page (issue #17, C-44): a post really published through the sandbox's web
 * pages by the runner in Debian's Chromium, then its proof read through the API and through the admin app.
 */
describe('the proof through the browser on the post page', () => {
  let stack: TestStack;
  let runner: RunningBrowserRunner;
  let b: E2eBrowser;
  let a: BrowserAccount;
  let done: PostView;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack({ withWorker: true });
    runner = await startTestBrowserRunner(stack);
    b = await launchBrowser();
    a = await browserAccount(stack);
    const post = await scheduleNow(stack, a, 'Autumn range, with proof on its page');
    done = await waitForPost(stack, a.t.users.admin, post.id, hasStatus('verified'), 120_000);
  }, 240_000);
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await b?.close();
    await runner?.close();
    await stack?.close();
  });

  async function signedIn(userId: string): Promise<Page> {
    await new TenantBootstrap(stack.ds).setPassword(userId, PASSWORD);
    const ctx = await newOperatorContext(b, stack.apiUrl);
    ctx.setDefaultTimeout(30_000);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await signInThroughUi(page, await userEmail(stack.ds, userId));
    return page;
  }

  it('[C-44] gives each step with links signed on read: a masked PNG and a text/plain DOM snapshot', async () => {
    const r = await stack.gql<ProofAnswer>(a.t.users.admin, PROOF, { p: done.id });
    const proof = r.data?.postBrowserProof;
    expect(proof?.selectorMapVersion).toBe('sandbox@v1');
    expect(proof!.steps.map((s) => s.step)).toEqual(['compose', 'published', 'read_back']);
    expect(proof!.steps[0]!.masked).toBeGreaterThanOrEqual(2);
    expect(proof!.steps[1]!.url).toBe(`${stack.sandbox.url}/p/${done.platformPostId}`);
    // Short-lived (C-46): five minutes at most.
    expect(Date.parse(proof!.linksExpireAt) - Date.now()).toBeLessThanOrEqual(300_000);
    // Links only: the answer names no artifact key of the store.
    const stored = proofOf(done).browser!.steps;
    for (const k of stored.flatMap((s) => [s.screenshotKey, s.domKey])) expect(JSON.stringify(r)).not.toContain(k);

    for (const s of proof!.steps) {
      expect(s.screenshotUrl.startsWith(`${stack.apiUrl}/artifacts/`)).toBe(true);
      const shot = await fetch(s.screenshotUrl);
      expect(shot.status).toBe(200);
      expect(shot.headers.get('content-type')).toBe('image/png');
      expect(
        Buffer.from(await shot.arrayBuffer())
          .subarray(1, 4)
          .toString('latin1'),
      ).toBe('PNG');

      const dom = await fetch(s.domUrl);
      expect(dom.status).toBe(200);
      // Captured markup comes back as text to read, never as a page that could run in our origin.
      expect(dom.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(dom.headers.get('x-content-type-options')).toBe('nosniff');
      expect(dom.headers.get('content-disposition')).toBe('attachment');
      const text = await dom.text();
      expect(text).not.toContain('@brand.example');
      expect(text).not.toContain('7946');
    }
    // A link altered by one character is refused (C-46).
    const forged = proof!.steps[0]!.domUrl.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(forged)).status).toBe(403);
  }, 60_000);

  it("another client's operator gets nothing: the post answers as not found", async () => {
    const other = await seedTenant(stack.ds);
    const r = await stack.gql<ProofAnswer>(other.users.admin, PROOF, { p: done.id });
    expect(r.data?.postBrowserProof ?? null).toBeNull();
    expect(r.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(JSON.stringify(r)).not.toContain('/artifacts/');
  }, 60_000);

  it('[C-44] the post page shows each step with its thumbnail, page and working links', async () => {
    const page = await signedIn(a.t.users.admin);
    await page.goto(`/c/${a.t.clientId}/posts/${done.id}`);
    const section = page.getByTestId('browser-proof');
    await section.getByRole('heading', { name: 'Proof through the browser' }).waitFor();
    const steps = section.locator('li[data-step]');
    await steps.first().getByTestId('proof-screenshot').waitFor();
    const order: (string | null)[] = [];
    for (let i = 0; i < (await steps.count()); i++) order.push(await steps.nth(i).getAttribute('data-step'));
    expect(order).toEqual(['compose', 'published', 'read_back']);
    expect(await steps.locator('h3').allInnerTexts()).toEqual(['Compose page', 'Published post', 'Read back']);
    expect(await page.getByTestId('post-lane').innerText()).toContain('Browser lane');

    const compose = steps.nth(0);
    expect(await compose.getByTestId('proof-masked').innerText()).toMatch(/^\d+ emails or phone numbers masked$/);
    const published = steps.nth(1);
    const postPage = `${stack.sandbox.url}/p/${done.platformPostId}`;
    expect(await published.innerText()).toContain(postPage);
    expect(await published.getByTestId('proof-page-link').getAttribute('href')).toBe(postPage);

    // Every thumbnail really loaded under the app's CSP (img-src 'self'): a signed link of the API's own origin.
    const thumbs = section.getByTestId('proof-thumbnail');
    await page.waitForFunction(THUMBNAILS_LOADED, undefined, { timeout: 30_000 });
    expect(await thumbs.count()).toBe(3);

    // "Screenshot" opens the masked PNG in a tab of its own.
    const href = (await compose.getByTestId('proof-screenshot').getAttribute('href'))!;
    const [shotTab, shot] = await Promise.all([
      page.context().waitForEvent('page'),
      page.context().waitForEvent('response', (res) => res.url() === href),
      compose.getByTestId('proof-screenshot').click(),
    ]);
    expect(shot.status()).toBe(200);
    expect(shot.headers()['content-type']).toBe('image/png');
    await shotTab.close();

    // "DOM snapshot" is saved as a text file, never opened as a page.
    const [download] = await Promise.all([page.waitForEvent('download'), compose.getByTestId('proof-dom').click()]);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text).toContain('compose');
    expect(text).not.toContain('@brand.example');
    expect(page.url()).toContain(`/posts/${done.id}`);
  }, 120_000);
});
