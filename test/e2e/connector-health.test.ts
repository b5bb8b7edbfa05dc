import type { BrowserContext, Page } from 'playwright-core';
import { PlatformAccount } from '../../services/core/database/entities';
import { connectSandboxAccount, createSandboxBrand, SANDBOX_PASSWORD } from '../factories/connect-account';
import { seedTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { seedAccount } from '../integration/connector-health/health-world';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext, screenshot } from './support/browser';
import type { AxeFinding } from './support/in-page';
import { READ_CSP_VIOLATIONS, RECORD_CSP_VIOLATIONS, RUN_AXE } from './support/in-page';
import type { TenantWithLogins } from './support/operators';
import { seedTenantWithLogins, signInThroughUi } from './support/operators';
import { ensureWebBuild } from './support/web-build';

describe('the connector health centre in a real browser: connections, needs attention, reconnect', () => {
  let stack: TestStack;
  let b: E2eBrowser;
  let t: TenantWithLogins;
  let account: { id: string; handle: string; username: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack({ env: { RAIZE_RATE_LIMIT_PRIVILEGED_PER_MINUTE: '1000' } });
    b = await launchBrowser();
    t = await seedTenantWithLogins(stack.ds);
    const brand = await createSandboxBrand(stack);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId, brand);
    account = { id: acc.accountId, handle: acc.handle, username: brand.username };
    // The platform refused the token (as the token workflow records it), with the error in words and a meter.
    await stack.ds.query(
      `UPDATE platform_accounts SET status = 'needs_reconnect', status_reason = 'token_revoked' WHERE id = $1`,
      [account.id],
    );
    await stack.ds.query(
      `INSERT INTO account_health (platform_account_id, agency_id, client_id, last_failure_at, recent_errors, quotas)
       VALUES ($1, $2, $3, now(), $4::jsonb, $5::jsonb)`,
      [
        account.id,
        t.agencyId,
        t.clientId,
        JSON.stringify([
          {
            at: new Date().toISOString(),
            signal: 'token_revoked',
            kind: 'auth',
            status: 401,
            platformCode: null,
            message: 'Sandbox no longer accepts this connection',
            whatToDo: 'Reconnect the account, signed in as the same account; posts to it wait until then.',
          },
        ]),
        JSON.stringify([
          { id: 'sandbox.posts_24h', label: 'Posts in the last 24 hours', used: 3, limit: 25, unit: 'posts' },
        ]),
      ],
    );
    // Another agency's broken account: never on this agency's screens.
    const other = await seedTenant(stack.ds);
    await seedAccount(stack.ds, other, { status: 'quarantined', handle: '@someone_elses' });
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await b?.close();
    await stack?.close();
  });

  async function operatorPage(opts: { bypassCSP?: boolean } = {}): Promise<Page> {
    const ctx = await newOperatorContext(b, stack.apiUrl, opts);
    contexts.push(ctx);
    return ctx.newPage();
  }
  const card = (page: Page) => page.locator(`[data-account="${account.id}"]`);

  it('[C-04] an Admin sees the broken connection in words, finds it agency-wide, reconnects it and checks it, under the strict CSP', async () => {
    const page = await operatorPage();
    await page.context().addInitScript({ content: RECORD_CSP_VIOLATIONS });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await signInThroughUi(page, t.emails.admin);

    // The agency-wide list: this client's problem, most severe first, and nothing of the other agency.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Needs attention' }).click();
    const row = page.locator(`tr[data-account="${account.id}"]`);
    await row.getByText('Sandbox no longer accepts this connection').waitFor();
    expect(await page.getByText('@someone_elses').count()).toBe(0);
    await screenshot(page, 'connector-needs-attention');
    await row.getByRole('link').click();

    // The client's connections: status, what to do, the meter, the API version, the last error.
    await page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    const c = card(page);
    await c.locator('[data-code="token_revoked"]').getByText('Sandbox no longer accepts this connection').waitFor();
    expect(await c.getAttribute('data-severity')).toBe('critical');
    expect(await c.getByTestId('meter-figures').textContent()).toBe('3 posts of 25 posts');
    expect(await c.getByTestId('api-version').textContent()).toBe('v1 (no retirement date published)');
    await c.getByRole('heading', { name: 'Last errors' }).waitFor();
    await screenshot(page, 'connector-connections');

    // Reconnect: the platform's sign-in in a new tab of this browser, then the operator confirms the same account.
    await c.getByRole('button', { name: `Reconnect ${account.handle}` }).click();
    const [platform] = await Promise.all([
      page.context().waitForEvent('page'),
      c.getByTestId('authorize-link').click(),
    ]);
    await platform.getByTestId('authorize-username').fill(account.username);
    await platform.getByTestId('authorize-password').fill(SANDBOX_PASSWORD);
    await platform.getByTestId('authorize-submit').click();
    await platform.getByRole('heading', { name: 'Confirm in Raize' }).waitFor();
    await platform.close();
    await c
      .getByRole('button', { name: `Reconnect ${account.handle}` })
      .last()
      .click({ timeout: 20_000 });
    await c.getByText(`Reconnected ${account.handle}`).waitFor();
    const saved = await stack.ds.getRepository(PlatformAccount).findOneByOrFail({ id: account.id });
    expect(saved.status).toBe('connected');
    await page.locator(`[data-account="${account.id}"][data-severity="none"]`).waitFor({ timeout: 40_000 });

    // Checking with the platform keeps its standing (the sandbox reports none) and says when.
    await c.getByRole('button', { name: 'Check with Sandbox now' }).click();
    await c.locator('dd').getByText('not yet', { exact: true }).waitFor({ state: 'detached' });
    expect(
      await stack.ds.query(`SELECT 1 FROM audit_events WHERE subject_id = $1 AND action = 'account.standing_checked'`, [
        account.id,
      ]),
    ).toHaveLength(1);

    expect([...problems, ...((await page.evaluate(READ_CSP_VIOLATIONS)) as string[])]).toEqual([]);
  }, 120_000);

  it('an Analyst reads the connections without any button that acts, and both screens pass axe-core', async () => {
    const page = await operatorPage({ bypassCSP: true });
    await signInThroughUi(page, t.emails.analyst);
    const found: string[] = [];
    const audit = async (name: string) => {
      await page.addScriptTag({ path: require.resolve('axe-core') });
      const { violations } = (await page.evaluate(RUN_AXE)) as { violations: AxeFinding[] };
      for (const v of violations)
        if (v.impact === 'serious' || v.impact === 'critical') found.push(`${name}: [${v.impact}] ${v.id} — ${v.help}`);
    };
    await page.goto(`/c/${t.clientId}/connections`);
    await card(page).waitFor();
    expect(await card(page).locator('[data-mutates]').count()).toBe(0);
    await audit('connections');
    await page.goto('/attention');
    await page.getByRole('heading', { name: 'Needs attention', level: 1 }).waitFor();
    await page
      .locator('.loading')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await audit('needs-attention');
    expect(found).toEqual([]);
  }, 90_000);
});
