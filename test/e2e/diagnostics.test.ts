import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { PlatformStaffBootstrap } from '../../services/core/bootstrap/platform-staff';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import { connectSandboxAccount } from '../factories/connect-account';
import { createAsset, hasStatus, schedulePost, waitForPost } from '../factories/posts';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext } from './support/browser';
import { PASSWORD, seedTenantWithLogins, signInThroughUi } from './support/operators';
import { ensureWebBuild } from './support/web-build';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };

describe('diagnostics in the admin app (Chromium)', () => {
  let stack: TestStack;
  let b: E2eBrowser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack({ withWorker: true, connectorTimeoutMs: 1500 });
    b = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await b?.close();
    await stack?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const ctx = await newOperatorContext(b, stack.apiUrl);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await signInThroughUi(page, email);
    return page;
  }

  it('staff open diagnostics, see the failed post with its reason and Temporal history, and follow it to its page', async () => {
    const t = await seedTenantWithLogins(stack.ds, AUTONOMOUS);
    const boot = new TenantBootstrap(stack.ds);
    const staffEmail = `engineer-${randomUUID().slice(0, 8)}@raize.test`;
    const staffId = (await boot.createUser(staffEmail, 'Platform Engineer')).id;
    await boot.setPassword(staffId, PASSWORD);
    // A role to open the client's pages; what diagnostics show and allow comes from platform_staff alone.
    await boot.grant(staffId, t.agencyId, 'Analyst');
    await new PlatformStaffBootstrap(stack.ds).grant(staffEmail, 'test');
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    await stack.sandboxAdmin.setFaults([{ match: { method: 'POST', path: '/posts' }, errorStatus: 422 }]);
    let postId: string;
    let workflowId: string;
    try {
      const asset = await createAsset(stack, t.users.author, t.clientId, 'Refused, then diagnosed');
      const post = await schedulePost(stack, t.users.author, {
        clientId: t.clientId,
        platformAccountId: acc.accountId,
        assetId: asset.id,
        inSeconds: 0,
      });
      await waitForPost(stack, t.users.author, post.id, (p) => hasStatus('failed')(p) && !p.workflowStatus);
      postId = post.id;
      workflowId = post.workflowId;
    } finally {
      await stack.sandboxAdmin.clearFaults();
    }

    const staff = await signedIn(staffEmail);
    await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diagnostics' }).click();
    await staff.getByRole('heading', { name: 'Diagnostics', level: 1 }).waitFor();
    await staff.getByTestId('alerts').waitFor();
    await staff.locator('[data-lane="publish"]').waitFor();
    const row = staff.locator(`[data-workflow="${workflowId}"]`);
    await row.waitFor();
    await row.getByText('publish_failed').waitFor();
    await row.getByText('POST /posts answered 422').waitFor();
    expect(await row.getByRole('link', { name: 'Temporal history' }).getAttribute('href')).toContain(
      `/workflows/${encodeURIComponent(workflowId)}/`,
    );
    await row.getByRole('button', { name: 'Retry' }).waitFor();
    await row.getByRole('link', { name: 'Post' }).click();
    await staff.waitForURL(`**/c/${t.clientId}/posts/${postId}`);
    await staff.getByText(`(workflow ${workflowId})`).waitFor();

    // The agency's Admin reads the same row without the platform's words and without the repair buttons.
    const admin = await signedIn(t.emails.admin);
    await admin.goto('/diagnostics');
    const own = admin.locator(`[data-workflow="${workflowId}"]`);
    await own.getByText('publish_failed').waitFor();
    expect(await own.getByText('POST /posts answered 422').count()).toBe(0);
    expect(await own.getByTestId('episode-actions').count()).toBe(0);
    // A Publisher gets no Diagnostics entry.
    const author = await signedIn(t.emails.author);
    expect(
      await author.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Diagnostics' }).count(),
    ).toBe(0);
  }, 180_000);
});
