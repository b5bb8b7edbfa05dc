import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page, Response } from 'playwright-core';
import { freePort } from '../../deploy/local/free-port';
import type { StackTemporal } from '../../deploy/local/stack/temporal-server';
import { startStackTemporal } from '../../deploy/local/stack/temporal-server';
import { PlatformStaffBootstrap } from '../../services/core/bootstrap/platform-staff';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import { loadTemporalConfig } from '../../services/core/config/temporal-config';
import { toolPath } from '../../services/core/util/tool-path';
import { connectSandboxAccount } from '../factories/connect-account';
import { createAsset, hasStatus, schedulePost, waitForPost } from '../factories/posts';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { tempDataDir, testEnv } from '../harness/test-env';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext } from './support/browser';
import type { TenantWithLogins } from './support/operators';
import { PASSWORD, seedTenantWithLogins } from './support/operators';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };

/**
 * Temporal Web as the local stack starts it (startStackTemporal: the dev server's UI behind the front that has
 * it send credentials to the codec endpoint), with this file's API as its codec endpoint. The engineer signs in
 * to Raize in the same browser, opens a publish episode in Temporal Web and reads its input decoded (C-14).
 */
describe('Temporal Web reads Raize payloads through the codec endpoint, for platform staff only', () => {
  let temporal: StackTemporal;
  let stack: TestStack;
  let b: E2eBrowser;
  let t: TenantWithLogins;
  let staffEmail: string;
  const contexts: BrowserContext[] = [];
  const harnessTemporal = process.env.RAIZE_TEST_TEMPORAL_ADDRESS;
  const episode = { workflowId: '', assetId: '', checksum: '', caption: '' };

  beforeAll(async () => {
    const apiPort = await freePort();
    const file = loadTemporalConfig();
    const dir = tempDataDir();
    temporal = await startStackTemporal({
      bin: toolPath('temporal'),
      config: {
        ...file,
        devServer: { ...file.devServer, ip: '127.0.0.1', port: await freePort(), uiPort: await freePort() },
      },
      dataDir: dir,
      logDir: dir,
      runDir: dir,
      codecEndpoint: `http://127.0.0.1:${apiPort}/codec`,
    });
    // The harness's server is headless: this file's API, worker and clients use the one with Temporal Web.
    process.env.RAIZE_TEST_TEMPORAL_ADDRESS = temporal.address;
    stack = await startTestStack({ apiPort, withWorker: true, env: { TEMPORAL_UI_URL: temporal.uiUrl } });
    b = await launchBrowser();

    t = await seedTenantWithLogins(stack.ds, AUTONOMOUS);
    // Like demo.engineer@raize.local: platform staff with no agency role at all.
    const boot = new TenantBootstrap(stack.ds);
    staffEmail = `engineer-${randomUUID().slice(0, 8)}@raize.test`;
    await boot.setPassword((await boot.createUser(staffEmail, 'Platform Engineer')).id, PASSWORD);
    await new PlatformStaffBootstrap(stack.ds).grant(staffEmail, 'test');

    // An episode on the sandbox: published by itself (autonomous), so its history holds input, activities, result.
    episode.caption = `Temporal Web caption ${randomUUID().slice(0, 8)}`;
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, episode.caption);
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 2,
    });
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));
    // The asset's id and checksum are in the workflow's input (PublishWorkflowInput) and nowhere in the clear; the
    // caption is in no payload at all (ids only, C-05), and must not turn up either.
    Object.assign(episode, { workflowId: post.workflowId, assetId: asset.id, checksum: asset.checksum });
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await b?.close();
    await stack?.close();
    await temporal?.server.stop();
    process.env.RAIZE_TEST_TEMPORAL_ADDRESS = harnessTemporal;
  });

  /**
   * Signs in to Raize in the browser with the API's signIn mutation, as the web app does (the session cookie lands
   * in this browser for the API's host), then opens the episode in Temporal Web, counting its codec calls.
   */
  async function openInTemporalWeb(
    email: string,
  ): Promise<{ page: Page; codecCalls: number[]; firstCodecCall: Promise<unknown> }> {
    const ctx = await newOperatorContext(b, stack.apiUrl);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await page.goto('/health');
    const signedIn = await page.evaluate(
      async ([mail, password]) => {
        const res = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            query: 'mutation($i: SignInInput!) { signIn(input: $i) { me { email } } }',
            variables: { i: { email: mail, password } },
          }),
        });
        return ((await res.json()) as { data?: { signIn: { me: { email: string } } } }).data?.signIn.me.email;
      },
      [email, PASSWORD],
    );
    expect(signedIn).toBe(email);
    const isCodecCall = (r: Response) =>
      r.url().startsWith(`${stack.apiUrl}/codec/`) && r.request().method() === 'POST';
    const codecCalls: number[] = [];
    page.on('response', (r) => {
      if (isCodecCall(r)) codecCalls.push(r.status());
    });
    const firstCodecCall = page.waitForResponse(isCodecCall, { timeout: 30_000 });
    await page.goto(
      `${temporal.uiUrl}/namespaces/${testEnv().namespace}/workflows/${encodeURIComponent(episode.workflowId)}`,
    );
    return { page, codecCalls, firstCodecCall };
  }

  const pageText = (page: Page) => page.locator('body').innerText();
  /** Runs in the page, as a function: Temporal Web's CSP refuses strings to evaluate (the root tsconfig has no DOM). */
  const pageShows = (s: string) =>
    (globalThis as unknown as { document: { body: { innerText: string } } }).document.body.innerText.includes(s);

  it('[C-14] staff sees decoded payloads in Temporal Web', async () => {
    const { page, codecCalls } = await openInTemporalWeb(staffEmail);
    // The workflow's input, decoded in the Input card: the ids the episode was started with.
    await page.waitForFunction(pageShows, episode.checksum, { timeout: 30_000 });
    expect(await pageText(page)).toContain(`"assetId": "${episode.assetId}"`);
    expect(codecCalls.length).toBeGreaterThan(0);
    expect(codecCalls.every((s) => s === 200)).toBe(true);
  }, 90_000);

  it('[C-14] an operator without the staff role gets nothing decoded in Temporal Web', async () => {
    const { page, codecCalls, firstCodecCall } = await openInTemporalWeb(t.emails.admin);
    // The page asked the codec endpoint and was refused; then it shows what the Temporal server holds.
    await firstCodecCall;
    // The Input card shows the payload as stored: metadata `encoding: binary/encrypted` (base64) and ciphertext.
    await page.waitForFunction(pageShows, Buffer.from('binary/encrypted').toString('base64'), { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(codecCalls.every((s) => s === 403)).toBe(true);
    const text = await pageText(page);
    for (const secret of [episode.checksum, episode.assetId, episode.caption]) expect(text).not.toContain(secret);
  }, 90_000);
});
