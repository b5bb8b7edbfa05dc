import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { PlatformStaffBootstrap } from '../../services/core/bootstrap/platform-staff';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import { connectSandboxAccount } from '../factories/connect-account';
import { createAsset, schedulePost } from '../factories/posts';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { testEnv } from '../harness/test-env';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext } from './support/browser';
import { PASSWORD, seedTenantWithLogins, signInThroughUi } from './support/operators';
import { ensureWebBuild } from './support/web-build';

const UI_ORIGIN = 'http://127.0.0.1:18235';

describe('the app offers staff powers to platform staff only', () => {
  let stack: TestStack;
  let b: E2eBrowser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack({ env: { TEMPORAL_UI_URL: UI_ORIGIN } });
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

  it('[C-04] [C-14] an agency Admin sees no global switch button and no Temporal Web link; staff see both', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const boot = new TenantBootstrap(stack.ds);
    const staffEmail = `staff-${randomUUID().slice(0, 8)}@raize.test`;
    const staffId = (await boot.createUser(staffEmail, 'Platform Engineer')).id;
    await boot.setPassword(staffId, PASSWORD);
    // An ordinary role to open the client; the staff powers come from platform_staff alone.
    await boot.grant(staffId, t.agencyId, 'Analyst');
    await new PlatformStaffBootstrap(stack.ds).grant(staffEmail, 'test');
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Linked for staff only');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 86_400,
    });
    const link = `${UI_ORIGIN}/namespaces/${testEnv().namespace}/workflows/${encodeURIComponent(post.workflowId)}`;

    const admin = await signedIn(t.emails.admin);
    await admin.goto(`/c/${t.clientId}/kill-switches`);
    const adminGlobal = admin.locator('[data-scope="global"]');
    await adminGlobal.getByText("Only the platform's staff can flip the global switch").waitFor();
    expect(await adminGlobal.getByRole('button').count()).toBe(0);
    // The Admin's own agency switch is still theirs.
    await admin.locator('[data-scope="agency"]').getByRole('button', { name: 'Engage agency switch' }).waitFor();
    await admin.goto(`/c/${t.clientId}/posts/${post.id}`);
    await admin.getByText(`(workflow ${post.workflowId})`).waitFor();
    expect(await admin.getByTestId('temporal-link').count()).toBe(0);

    const staff = await signedIn(staffEmail);
    await staff.goto(`/c/${t.clientId}/kill-switches`);
    await staff.locator('[data-scope="global"]').getByRole('button', { name: 'Engage global switch' }).waitFor();
    await staff.goto(`/c/${t.clientId}/posts/${post.id}`);
    expect(await staff.getByTestId('temporal-link').getAttribute('href')).toBe(link);
  }, 90_000);
});
