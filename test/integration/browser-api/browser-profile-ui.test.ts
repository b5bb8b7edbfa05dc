import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { TenantBootstrap } from '../../../services/core/bootstrap/tenants';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import type { E2eBrowser } from '../../e2e/support/browser';
import { launchBrowser, newOperatorContext } from '../../e2e/support/browser';
import type { TenantWithLogins } from '../../e2e/support/operators';
import { PASSWORD, seedTenantWithLogins, signInThroughUi } from '../../e2e/support/operators';
import { ensureWebBuild } from '../../e2e/support/web-build';
import { seedAccount, storageState } from './browser-api-world';

describe('the browser profile and restricted platforms in the admin app (issue #17)', () => {
  let stack: TestStack;
  let b: E2eBrowser;
  let t: TenantWithLogins;
  let account: { id: string; handle: string };
  let secondAdmin: string;
  const contexts: BrowserContext[] = [];
  const secret = `cookie-${randomUUID()}`;

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
    b = await launchBrowser();
    t = await seedTenantWithLogins(stack.ds);
    account = await seedAccount(stack, t);
    const boot = new TenantBootstrap(stack.ds);
    secondAdmin = `second-admin-${randomUUID().slice(0, 8)}@example.test`;
    const u = await boot.createUser(secondAdmin, 'Second Admin');
    await boot.grant(u.id, t.agencyId, 'Admin');
    await boot.setPassword(u.id, PASSWORD);
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
  const section = (page: Page) => page.locator(`[data-account="${account.id}"] [data-testid="browser-profile"]`);

  it('[C-42] one Admin attaches and requests, the same Admin cannot approve, a second Admin approves', async () => {
    const first = await signedIn(t.emails.admin);
    await first.goto(`/c/${t.clientId}/accounts`);
    await section(first).getByTestId('no-profile').waitFor();
    await section(first).getByRole('button', { name: 'Attach profile' }).click();
    const dialog = first.getByRole('dialog');
    await dialog.getByText('live, signed-in session').waitFor();
    await dialog.getByTestId('storage-state').fill(storageState(secret));
    await dialog.getByRole('button', { name: 'Attach profile' }).click();
    await section(first).getByTestId('profile-mode').getByText('Read-only').waitFor();
    expect(await section(first).getByTestId('profile-identity').innerText()).toContain(account.handle);
    // The pasted session left the page with the dialog.
    expect(await first.content()).not.toContain(secret);

    await section(first).getByRole('button', { name: 'Request side effects' }).click();
    await first.getByRole('dialog').getByLabel('Note for the approving Admin (optional)').fill('web UI publishing');
    await first.getByRole('dialog').getByRole('button', { name: 'Request' }).click();
    const approveOwn = section(first).getByRole('button', { name: 'Approve side effects' });
    await approveOwn.waitFor();
    expect(await approveOwn.isDisabled()).toBe(true);
    expect(await section(first).getByTestId('approve-why-not').innerText()).toMatch(/different Admin/);

    const second = await signedIn(secondAdmin);
    await second.goto(`/c/${t.clientId}/accounts`);
    await section(second).getByRole('button', { name: 'Approve side effects' }).click();
    await second.getByRole('dialog').getByText('web UI publishing').waitFor();
    await second.getByRole('dialog').getByRole('button', { name: 'Approve side effects' }).click();
    await section(second).getByTestId('profile-mode').getByText('Side effects on').waitFor();
    expect(await section(second).getByTestId('side-effects').innerText()).toMatch(/Approved by Second Admin/);
    expect(
      (
        await stack.ds.query<{ mode: string }[]>('SELECT mode FROM browser_profiles WHERE platform_account_id = $1', [
          account.id,
        ])
      )[0].mode,
    ).toBe('side_effects');
  });

  it('an Analyst reads the profile and is offered nothing that changes it', async () => {
    const page = await signedIn(t.emails.analyst);
    await page.goto(`/c/${t.clientId}/accounts`);
    await section(page).getByTestId('profile-mode').waitFor();
    expect(await section(page).locator('[data-mutates]').count()).toBe(0);
    await page.goto(`/c/${t.clientId}/policy`);
    await page.getByTestId('risk-statement').first().waitFor();
    expect(await page.getByTestId('restricted-platforms').locator('[data-mutates]').count()).toBe(0);
  });

  it('[C-45] turning a restricted platform on needs the risk read and ticked, and shows who did it', async () => {
    const page = await signedIn(t.emails.admin);
    await page.goto(`/c/${t.clientId}/policy`);
    const card = page.locator('[data-testid="restricted-platforms"] [data-platform="skool"]');
    expect(await card.getByTestId('risk-statement').innerText()).toMatch(/terms of service forbid automated access/);
    const turnOn = card.getByRole('button', { name: 'Turn skool on' });
    expect(await turnOn.isDisabled()).toBe(true);
    await card.getByTestId('acknowledge-risk').check();
    await turnOn.click();
    await card.getByTestId('restricted-state').getByText('On for this client').waitFor();
    expect(await card.getByTestId('enabled-by').innerText()).toMatch(/^Turned on by admin /);
    const [row] = await stack.ds.query<{ enabled_platforms: string[] }[]>(
      'SELECT enabled_platforms FROM client_policy_settings WHERE client_id = $1',
      [t.clientId],
    );
    expect(row.enabled_platforms).toEqual(['skool']);
  });
});
