import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { PlatformAccount } from '../../services/core/database/entities';
import { getPost } from '../factories/posts';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext, screenshot } from './support/browser';
import { localInputValue } from './support/client-time';
import type { TenantWithLogins } from './support/operators';
import { seedTenantWithLogins, signInThroughUi } from './support/operators';
import { ensureWebBuild } from './support/web-build';

const SANDBOX_PASSWORD = 'correct horse battery';

describe('the admin app in a real browser: onboard, connect, schedule, approve, publish', () => {
  let stack: TestStack;
  let b: E2eBrowser;
  let t: TenantWithLogins;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack({ withWorker: true });
    b = await launchBrowser();
    t = await seedTenantWithLogins(stack.ds);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await b?.close();
    await stack?.close();
  });

  async function operatorPage(): Promise<Page> {
    const ctx = await newOperatorContext(b, stack.apiUrl);
    contexts.push(ctx);
    return ctx.newPage();
  }

  it('an Admin onboards a client and connects a sandbox account through OAuth; a Manager approves the post; the Admin sees it verified with proof', async () => {
    const brand = `brand_${randomUUID().slice(0, 8)}`;
    await stack.sandboxAdmin.createUser({
      username: brand,
      password: SANDBOX_PASSWORD,
      displayName: 'Northwind Coffee',
    });
    const clientName = `Northwind Coffee ${randomUUID().slice(0, 4)}`;
    const text = `Fresh beans, fresh week ☕ ${randomUUID().slice(0, 6)}`;

    // 1. The Admin onboards the client: details and timezone, then autonomy.
    const admin = await operatorPage();
    await signInThroughUi(admin, t.emails.admin);
    await admin.getByRole('link', { name: 'Onboard a client' }).click();
    await admin.getByLabel('Client name').fill(clientName);
    await admin.getByLabel('Timezone').selectOption('America/New_York');
    await admin.getByRole('button', { name: 'Create client and continue' }).click();
    await admin.getByRole('heading', { name: 'Autonomy' }).waitFor();
    await admin.getByRole('radio', { name: /Assisted/ }).check();
    await expectChecked(admin, 'Four eyes');
    await admin.getByRole('button', { name: 'Save and continue' }).click();

    // 2. It connects an account: the platform's sign-in opens in a new tab of the same browser (its binding
    // cookie goes along to the callback); the wizard notices by itself and asks to confirm the handle (C-12).
    await admin.getByRole('heading', { name: 'Connect an account' }).waitFor();
    await admin.getByRole('button', { name: 'Connect a sandbox account' }).click();
    const [platform] = await Promise.all([
      admin.context().waitForEvent('page'),
      admin.getByTestId('authorize-link').click(),
    ]);
    await platform.getByTestId('authorize-username').fill(brand);
    await platform.getByTestId('authorize-password').fill(SANDBOX_PASSWORD);
    await platform.getByTestId('authorize-submit').click();
    await platform.getByRole('heading', { name: 'Confirm in Raize' }).waitFor();
    expect(await platform.getByTestId('client-name').textContent()).toBe(clientName);
    const handle = (await platform.getByTestId('handle').textContent())!;
    await platform.close();
    await admin.getByTestId('connect-confirm').waitFor({ timeout: 20_000 });
    expect(await admin.getByTestId('pending-handle').textContent()).toBe(handle);
    expect(await admin.getByTestId('connected-handle').count()).toBe(0);
    await screenshot(admin, 'onboarding-connect-confirm');
    await admin.getByRole('button', { name: `Connect ${handle}` }).click();
    expect(await admin.getByTestId('connected-handle').textContent()).toBe(handle);
    await screenshot(admin, 'onboarding-connect-account');
    await screenshot(admin, 'onboarding-connect-account');
    await admin.getByRole('button', { name: 'Continue' }).click();
    await admin.getByRole('heading', { name: 'Provider keys' }).waitFor();
    await admin.getByRole('link', { name: /Finish/ }).click();
    await admin.getByRole('heading', { name: 'Calendar' }).waitFor();
    const clientId = new URL(admin.url()).pathname.split('/')[2];

    // 3. It writes a text asset and schedules it, on the client's clock.
    await admin.getByRole('link', { name: 'New post' }).click();
    await admin.getByLabel('Text').fill(text);
    await admin
      .getByLabel(/Publish at \(America\/New_York\)/)
      .fill(localInputValue(new Date(Date.now() + 20_000), 'America/New_York'));
    await admin.getByRole('button', { name: 'Schedule post' }).click();
    await admin
      .getByTestId('post-status')
      .and(admin.locator('[data-status="awaiting_approval"]'))
      .waitFor({ timeout: 30_000 });
    const postId = new URL(admin.url()).pathname.split('/')[4];
    // The author may approve in general (Admin), but four eyes keeps this button off for their own post.
    await expectDisabledWithReason(admin);

    // 4. A Manager, in a browser context of their own, approves it from the queue.
    const manager = await operatorPage();
    await signInThroughUi(manager, t.emails.approver);
    await manager.goto(`/c/${clientId}/approvals`);
    const item = manager.locator(`[data-post="${postId}"]`);
    await item.getByText(text).waitFor();
    await item.getByRole('button', { name: 'Approve' }).click();
    // Answered once recorded: the post may already have left the queue, the answer stays on the page.
    await manager.getByText('Approval recorded').waitFor();

    // 5. Without a reload, the Admin's page shows the post published, verified, with the platform's proof.
    await admin.locator('[data-testid="post-status"][data-status="verified"]').waitFor({ timeout: 60_000 });
    const proof = JSON.parse(await admin.getByTestId('proof').innerText()) as { readBack?: { postId?: string } };
    const post = await getPost(stack, t.users.admin, postId);
    expect(post.status).toBe('verified');
    expect(proof.readBack?.postId).toBe(post.platformPostId);
    expect(await admin.getByTestId('post-url').getAttribute('href')).toBe(post.url);
    const posted = (await stack.sandboxAdmin.listPosts()).filter((p) => p.text === text);
    expect(posted).toHaveLength(1);
  }, 180_000);

  it("[C-12] the genuine authorize link opened in another brand manager's browser connects nothing", async () => {
    const brand = `brand_${randomUUID().slice(0, 8)}`;
    await stack.sandboxAdmin.createUser({ username: brand, password: SANDBOX_PASSWORD, displayName: 'Other brand' });
    const admin = await operatorPage();
    await signInThroughUi(admin, t.emails.admin);
    await admin.goto(`/c/${t.clientId}/accounts`);
    await admin.getByRole('button', { name: 'Connect a sandbox account' }).click();
    const link = (await admin.getByTestId('authorize-link').getAttribute('href'))!;

    // The operator sends the link to another brand's manager, who signs in at the platform in their own browser.
    const victim = await operatorPage();
    await victim.goto(link);
    await victim.getByTestId('authorize-username').fill(brand);
    await victim.getByTestId('authorize-password').fill(SANDBOX_PASSWORD);
    await victim.getByTestId('authorize-submit').click();
    await victim.getByRole('heading', { name: 'Not connected' }).waitFor();
    expect(await victim.locator('main').innerText()).toMatch(/started in another browser; nothing was saved/);

    // The operator's page, still polling, never offers that account; nothing was bound.
    await admin.waitForTimeout(3000);
    expect(await admin.getByTestId('connect-confirm').count()).toBe(0);
    expect(await stack.ds.getRepository(PlatformAccount).count({ where: { handle: `@${brand}` } })).toBe(0);
  }, 90_000);
});

async function expectChecked(page: Page, label: string): Promise<void> {
  expect(await page.getByRole('checkbox', { name: new RegExp(label) }).isChecked()).toBe(true);
}

async function expectDisabledWithReason(page: Page): Promise<void> {
  const approve = page.getByTestId('decision').getByRole('button', { name: 'Approve' });
  expect(await approve.isDisabled()).toBe(true);
  expect(await page.getByTestId('approve-blocked').innerText()).toMatch(/Four eyes: you wrote this post/);
}
