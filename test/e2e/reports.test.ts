import { readFileSync } from 'node:fs';
import type { Worker } from '@temporalio/worker';
import type { BrowserContext, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { loadAppConfig } from '../../services/core/config/app-config';
import { createLaneWorkers } from '../../services/worker/lane-workers';
import { createWorkerDeps } from '../../services/worker/worker-deps';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { nativeConnection, testEnv } from '../harness/test-env';
import { inspectPdf } from '../integration/reports/report-world';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext, screenshot } from './support/browser';
import type { AxeFinding } from './support/in-page';
import { READ_CSP_VIOLATIONS, RECORD_CSP_VIOLATIONS, RUN_AXE } from './support/in-page';
import type { TenantWithLogins } from './support/operators';
import { seedTenantWithLogins, signInThroughUi } from './support/operators';
import { ensureWebBuild } from './support/web-build';

describe('the Reports screen in a real browser: generate a month, download it, share a link that opens the PDF', () => {
  let stack: TestStack;
  let b: E2eBrowser;
  let t: TenantWithLogins;
  let clientName: string;
  let worker: Worker;
  let running: Promise<void>;
  let workerDs: DataSource;
  let closeDeps: () => Promise<void>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack();
    // The report episode's lane (planning) on the stack's queue: the API starts the episode there.
    const built = await createWorkerDeps(loadAppConfig(), { taskQueue: stack.taskQueue });
    workerDs = built.ds;
    closeDeps = built.close;
    const connection = await nativeConnection();
    [worker] = await createLaneWorkers({
      connection,
      namespace: testEnv().namespace,
      bundlePath: testEnv().bundlePath,
      deps: built.deps,
      dataConverter: built.dataConverter,
      lanes: ['planning'],
      taskQueueFor: () => stack.taskQueue,
    });
    running = worker.run().finally(() => connection.close());
    b = await launchBrowser();
    t = await seedTenantWithLogins(stack.ds, {}, 'UTC');
    clientName = `Harbour Coffee ${t.clientId.slice(0, 6)}`;
    await stack.ds.query(`UPDATE clients SET name = $2 WHERE id = $1`, [t.clientId, clientName]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await b?.close();
    worker?.shutdown();
    await running;
    await closeDeps?.();
    await workerDs?.destroy();
    await stack?.close();
  });

  async function operatorPage(opts: { bypassCSP?: boolean } = {}): Promise<Page> {
    const ctx = await newOperatorContext(b, stack.apiUrl, opts);
    contexts.push(ctx);
    return ctx.newPage();
  }

  it('[C-08] a Manager generates last month’s report, downloads it and shares a link that opens the PDF, under the strict CSP', async () => {
    const page = await operatorPage();
    await page.context().addInitScript({ content: RECORD_CSP_VIOLATIONS });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await signInThroughUi(page, t.emails.approver);
    await page.goto(`/c/${t.clientId}/calendar`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await page.getByText('No reports yet').waitFor();

    await page.getByRole('button', { name: 'Generate report' }).click();
    const row = page.locator('tr[data-report]');
    await page.locator('tr[data-report][data-status="ready"]').waitFor({ timeout: 60_000 });
    expect(await row.count()).toBe(1);
    const detail = page.getByTestId('report-detail');
    await detail.getByRole('heading', { name: /^Report for / }).waitFor();
    // Last month had no data: every figure says so, in words, with its source.
    await detail.locator('[data-figure="publish.success_rate"]').getByText('not available').waitFor();
    await screenshot(page, 'reports');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      detail.getByTestId('report-download').click(),
    ]);
    const downloaded = readFileSync((await download.path())!);
    expect(downloaded.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await detail.getByRole('button', { name: 'Create share link' }).click();
    const url = (await detail.getByTestId('report-link-url').textContent())!.trim();
    expect(url).toMatch(new RegExp(`^${stack.apiUrl}/r/rpt_[A-Za-z0-9_-]{43}$`));
    await detail.getByRole('button', { name: 'I have copied it' }).click();
    expect(await detail.getByTestId('report-link-url').count()).toBe(0);

    // The client opens the link in a browser of their own: no session, the PDF itself.
    const client = await operatorPage();
    const shown = await client.goto(url);
    expect(shown?.status()).toBe(200);
    expect(shown?.headers()['content-type']).toBe('application/pdf');
    const opened = await (await client.context().request.get(url)).body();
    expect(opened.equals(downloaded)).toBe(true);
    expect(inspectPdf(opened, 30).text).toContain(clientName);
    await client.goto(`${url}/view`);
    await client.getByRole('heading', { name: clientName, level: 1 }).waitFor();
    expect(await client.locator('.card[data-figure]').count()).toBeGreaterThan(5);

    // Revoked from the screen: the same browser now gets the page that says nothing.
    await detail.getByRole('button', { name: 'Revoke' }).click();
    await detail.getByText('Revoked').waitFor();
    const gone = await client.goto(`${url}/view`);
    expect(gone?.status()).toBe(404);
    await client.getByRole('heading', { name: 'This link is not available' }).waitFor();

    expect([...problems, ...((await page.evaluate(READ_CSP_VIOLATIONS)) as string[])]).toEqual([]);
  }, 120_000);

  it('an Analyst reads the reports without any button that acts, and the screen passes axe-core', async () => {
    const page = await operatorPage({ bypassCSP: true });
    await signInThroughUi(page, t.emails.analyst);
    await page.goto(`/c/${t.clientId}/reports`);
    await page.locator('tr[data-report][data-status="ready"]').waitFor();
    await page.getByRole('button', { name: /^Open the report for / }).click();
    await page.getByTestId('report-detail').locator('[data-figure]').first().waitFor();
    await page.getByTestId('delivery-state').waitFor();
    expect(await page.locator('[data-mutates]').count()).toBe(0);
    await page.addScriptTag({ path: require.resolve('axe-core') });
    const { violations } = (await page.evaluate(RUN_AXE)) as { violations: AxeFinding[] };
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `[${v.impact}] ${v.id} — ${v.help} ${v.targets.join(' ')}`);
    expect(serious).toEqual([]);
  }, 60_000);
});
