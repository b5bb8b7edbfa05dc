import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { BrowserContext, Page } from 'playwright-core';
import { creationLaneActivities } from '../../activities/creation/creation-lane';
import { planningLaneActivities } from '../../activities/planning/planning-lane';
import { createPublishActivities } from '../../activities/publish/publish.activities';
import { loadAppConfig } from '../../services/core/config/app-config';
import { createWorkerDeps } from '../../services/worker/worker-deps';
import { connectSandboxAccount } from '../factories/connect-account';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { nativeConnection, testEnv } from '../harness/test-env';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext, screenshot } from './support/browser';
import { READ_CSP_VIOLATIONS, RECORD_CSP_VIOLATIONS } from './support/in-page';
import type { TenantWithLogins } from './support/operators';
import { seedTenantWithLogins, signInThroughUi } from './support/operators';
import { ensureWebBuild } from './support/web-build';
import { withTracing } from '../../services/worker/worker-tracing';

interface ReviewItemView {
  id: string;
  status: string;
  publishJobIds: string[];
  slotAt: string;
  asset: { mediaUrl: string | null; mediaContentType: string | null } | null;
}

const QUEUE = `query($c: ID!) { reviewQueue(clientId: $c, first: 50) { items { id status } } }`;
const ITEM = `query($id: ID!) { reviewItem(id: $id) { id status publishJobIds slotAt asset { mediaUrl mediaContentType } } }`;

/**
 * Planning and creation in the admin app, in Debian's Chromium against the real stack: the API serving the built app,
 * Postgres, the Temporal dev server and ONE worker on the stack's queue running the publish, planning and creation
 * lanes (the lanes' activities merged: a second worker on the same queue without them would be handed their tasks).
 * The provider is the local one (offline, deterministic: a brand text and a rendered PNG).
 */
describe('planning and creation in a real browser: plans, the review queue with previews, settings, import', () => {
  let stack: TestStack;
  let b: E2eBrowser;
  let worker: Worker;
  let running: Promise<void>;
  let closeDeps: () => Promise<void>;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack({ env: { RAIZE_ARTIFACTS_DIR: mkdtempSync(join(tmpdir(), 'raize-e2e-artifacts-')) } });
    const built = await createWorkerDeps(loadAppConfig(), {
      taskQueue: stack.taskQueue,
      connectors: {
        sandbox: { settleSeconds: 3, reconcileLooks: 2, pacing: { minSpacingSeconds: 0, jitterSeconds: 0 } },
      },
    });
    closeDeps = async () => {
      await built.close();
      await built.ds.destroy();
    };
    const lanes = [
      createPublishActivities(built.deps),
      planningLaneActivities(built.deps),
      creationLaneActivities(built.deps),
    ] as Record<string, unknown>[];
    const names = lanes.flatMap((l) => Object.keys(l));
    if (new Set(names).size !== names.length) throw new Error(`lanes share an activity name: ${names.join(', ')}`);
    const connection = await nativeConnection();
    worker = await Worker.create(
      withTracing({
        connection,
        namespace: testEnv().namespace,
        taskQueue: stack.taskQueue,
        workflowBundle: { codePath: testEnv().bundlePath },
        dataConverter: built.dataConverter,
        activities: Object.assign({}, ...lanes) as object,
      }),
    );
    running = worker.run().finally(() => connection.close());
    b = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await b?.close();
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    await closeDeps?.();
    await stack?.close();
  });

  async function signedIn(email: string): Promise<Page> {
    const ctx = await newOperatorContext(b, stack.apiUrl);
    await ctx.addInitScript(RECORD_CSP_VIOLATIONS);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await signInThroughUi(page, email);
    return page;
  }

  async function waitFor<T>(what: string, read: () => Promise<T | undefined>, ms = 90_000): Promise<T> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const v = await read();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 300));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async function gql<T>(actor: string, query: string, variables: Record<string, unknown>): Promise<T> {
    const r = await stack.gql<T>(actor, query, variables);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data;
  }

  /** Waits for a locator; on a timeout, the error carries what the page showed instead. */
  async function shown(page: Page, l: ReturnType<Page['locator']>, ms = 15_000): Promise<void> {
    try {
      await l.waitFor({ timeout: ms });
    } catch (err) {
      const text = await page
        .locator('main')
        .innerText()
        .catch(() => '(no main)');
      throw new Error(`${(err as Error).message.split('\n')[0]}\n--- the page showed ---\n${text.slice(0, 3000)}`);
    }
  }

  async function settled(page: Page): Promise<void> {
    await page
      .locator('.loading')
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
  }

  it("[C-21] a Publisher plans with the local provider; a Manager approves the plan and, from the review queue's image preview, the item; its post shows in the calendar; the planner cannot approve", async () => {
    const t: TenantWithLogins = await seedTenantWithLogins(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);

    // The Publisher asks for a week's plan: one image post on the sandbox account.
    const author = await signedIn(t.emails.author);
    await author.goto(`/c/${t.clientId}/plans`);
    await author.getByRole('heading', { level: 1, name: 'Plans' }).waitFor();
    await author.getByTestId('recurring-planning').getByText('Not set up').waitFor();
    // Recurring planning is a Manager's: a Publisher is not offered it.
    expect(await author.locator('[data-mutates="plan.recurring"]').count()).toBe(0);
    await author.getByRole('link', { name: 'New plan' }).click();
    await author.getByRole('heading', { level: 1, name: 'New plan' }).waitFor();
    await author.getByLabel('Goals').fill('Launch the spring range of light jackets');
    await author.getByLabel(`Posts per week for ${acc.handle}`).fill('1');
    await author.getByLabel(`Posting times for ${acc.handle}`).fill('10:15');
    await author.getByLabel('Pillar 1 name').fill('Launch');
    await author.locator('input[name="format-sandbox-text"]').uncheck();
    await author.locator('input[name="format-sandbox-image"]').check();
    await author.getByRole('button', { name: 'Create plan' }).click();
    await author.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    await author.getByRole('heading', { level: 1, name: 'Plan', exact: true }).waitFor();
    const planId = author.url().split('/plans/')[1];
    const planDecision = author.getByTestId('plan-decision');
    await shown(author, planDecision, 90_000);
    expect(await planDecision.getByRole('button', { name: 'Approve plan' }).isDisabled()).toBe(true);
    expect(await planDecision.getByTestId('approve-blocked').innerText()).toMatch(/you asked for this plan/);
    await author.locator('[data-item]').first().waitFor();
    expect(await author.locator('[data-item]').count()).toBe(1);
    expect(await author.locator('[data-item]').first().innerText()).toMatch(/10:15[\s\S]*image[\s\S]*Launch/);
    await screenshot(author, 'plan');
    await author.goto(`/c/${t.clientId}/plans`);
    await author.locator(`[data-plan="${planId}"]`).waitFor();
    await screenshot(author, 'plans');

    // The Manager approves the plan on its page.
    const approver = await signedIn(t.emails.approver);
    await approver.goto(`/c/${t.clientId}/plans/${planId}`);
    await approver.getByRole('button', { name: 'Approve plan' }).click();
    await approver.getByText('Plan approved').waitFor();

    // The local provider writes the text and renders the image; the content policy passes it into review.
    const item = await waitFor('the item in review', async () => {
      const q = await gql<{ reviewQueue: { items: { id: string; status: string }[] } }>(t.users.approver, QUEUE, {
        c: t.clientId,
      });
      const listed = q.reviewQueue.items.find((i) => i.status === 'in_review');
      return (
        listed && (await gql<{ reviewItem: ReviewItemView }>(t.users.approver, ITEM, { id: listed.id })).reviewItem
      );
    });
    expect(item.asset?.mediaContentType).toBe('image/png');

    await approver.goto(`/c/${t.clientId}/review`);
    await approver.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    const card = approver.locator(`[data-item="${item.id}"]`);
    await card.getByTestId('feed-preview').waitFor();
    // The <img> really loaded from its short signed URL on the API's origin (CSP img-src 'self').
    const img = `[data-item="${item.id}"] [data-testid="preview-image"]`;
    await approver.waitForFunction(
      `(() => { const i = document.querySelector(${JSON.stringify(img)}); return !!i && i.complete && i.naturalWidth > 0; })()`,
      undefined,
      { timeout: 15_000 },
    );
    const width = await approver.evaluate(`document.querySelector(${JSON.stringify(img)}).naturalWidth`);
    expect(width).toBeGreaterThan(0);
    expect(await approver.getAttribute(img, 'src')).toMatch(new RegExp(`^${stack.apiUrl}/artifacts/`));
    expect(await approver.evaluate(READ_CSP_VIOLATIONS)).toEqual([]);
    await screenshot(approver, 'review-queue');

    // The planner is an author of every item of their plan: Approve is disabled with the reason.
    await author.goto(`/c/${t.clientId}/review`);
    const own = author.locator(`[data-item="${item.id}"]`);
    await own.getByTestId('feed-preview').waitFor();
    expect(await own.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await own.getByTestId('approve-blocked').innerText()).toMatch(
      /Four eyes: you planned or edited this item, so someone else must approve it/,
    );

    await card.getByRole('button', { name: 'Approve' }).click();
    await approver.getByText('Approved: the post is scheduled for its slot.').waitFor();
    const scheduled = await waitFor('the item scheduled', async () => {
      const r = await gql<{ reviewItem: ReviewItemView }>(t.users.approver, ITEM, { id: item.id });
      return r.reviewItem.publishJobIds.length ? r.reviewItem : undefined;
    });
    const postId = scheduled.publishJobIds[0];
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(scheduled.slotAt));
    await approver.goto(`/c/${t.clientId}/calendar?view=month&date=${day}`);
    await approver.locator(`[data-day="${day}"] [data-post="${postId}"]`).waitFor();
    expect(await approver.locator(`[data-post="${postId}"] .chip-time`).innerText()).toBe('10:15');
  });

  it('[C-11] [C-35] settings, queue slots and import: a key is stored and never shown, a private URL is refused with the reason, a CSV with a bad row cannot be imported', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const admin = await signedIn(t.emails.admin);

    // AI providers: the key goes in once; the page keeps no trace of it.
    const key = `sk-e2e-${Date.now().toString(36)}-never-shown`;
    await admin.goto(`/c/${t.clientId}/ai-providers`);
    await admin.getByRole('heading', { level: 1, name: 'AI providers' }).waitFor();
    await shown(admin, admin.getByRole('button', { name: 'Store key' }));
    await admin.getByRole('combobox', { name: /^Provider/ }).selectOption('openai');
    await admin.getByLabel('API key').fill(key);
    await admin.getByRole('button', { name: 'Store key' }).click();
    await admin.getByText('The OpenAI key is stored and will not be shown again.').waitFor();
    expect(await admin.getByLabel('API key').inputValue()).toBe('');
    await admin.locator('[data-key="openai"]').getByText('this client').waitFor();
    await admin.getByTestId('ai-spend').waitFor();
    expect(await admin.content()).not.toContain(key);
    // The presenter of avatar videos: half a presenter is refused in words; both ids are saved and shown again.
    await admin.getByLabel('HeyGen avatar id').fill('Daisy-inskirt-20220818');
    await admin.getByRole('button', { name: 'Save AI settings' }).click();
    await admin.getByText('Give both the HeyGen avatar id and the HeyGen voice id, or leave both empty.').waitFor();
    await admin.getByLabel('HeyGen voice id').fill('2d5b0e6cf36f460aa7fc47e3eee4ba54');
    await admin.getByRole('button', { name: 'Save AI settings' }).click();
    await admin.getByText('AI settings saved.').waitFor();
    await admin.reload();
    await admin.getByTestId('ai-spend').waitFor();
    expect(await admin.getByLabel('HeyGen voice id').inputValue()).toBe('2d5b0e6cf36f460aa7fc47e3eee4ba54');
    await screenshot(admin, 'ai-providers');
    await admin.getByRole('button', { name: 'Remove openai key' }).click();
    await admin.locator('[data-key="openai"]').waitFor({ state: 'detached' });

    // Brand kit and knowledge: a URL on the loopback interface is refused by the guarded fetcher, in words.
    await admin.goto(`/c/${t.clientId}/brand`);
    await admin.getByRole('heading', { level: 1, name: 'Brand kit and knowledge' }).waitFor();
    await admin.getByLabel('Voice').fill('Warm, plain and brief');
    await admin.getByLabel('Banned claims (one per line; the content policy blocks them)').fill('waterproof forever');
    await admin.getByLabel('Hashtags (space separated)').fill('#spring #jackets');
    await admin.getByLabel('Colours (hex, comma separated)').fill('#4b2bb3, #f6f7f9');
    await admin.getByRole('button', { name: 'Save brand kit' }).click();
    await admin.getByText('Brand kit saved').waitFor();
    await admin.getByRole('radio', { name: 'URL' }).check();
    await admin.getByRole('textbox', { name: 'URL (https)' }).fill('https://127.0.0.1:9/internal/report');
    await admin.getByRole('button', { name: 'Add source' }).click();
    const refused = admin.getByTestId('error');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/fetch blocked \(private_address\).*private, loopback/);
    expect(await admin.locator('[data-kb-source]').count()).toBe(0);
    await admin.getByRole('radio', { name: 'Text' }).check();
    await admin.getByLabel('Title (optional)').fill('Jacket facts');
    await admin
      .getByRole('textbox', { name: 'Text', exact: true })
      .fill('Our light jackets weigh 300 grams. They come in sand, moss and navy. Every jacket is repairable.');
    await admin.getByRole('button', { name: 'Add source' }).click();
    await admin
      .locator('[data-kb-source]')
      .getByRole('heading', { name: /Jacket facts/ })
      .waitFor();
    await screenshot(admin, 'brand');

    // Queue slots on the accounts screen: the times "next" fills.
    await admin.goto(`/c/${t.clientId}/accounts`);
    const slots = admin.locator(`[data-queue-slots="${acc.accountId}"]`);
    await slots.locator('form select').selectOption('3');
    await slots.locator('form input[type="time"]').fill('11:45');
    await slots.getByRole('button', { name: `Add slot for ${acc.handle}` }).click();
    await slots.locator('[data-slot]').first().waitFor();
    expect(await slots.locator('[data-slot] input[type="time"]').first().inputValue()).toBe('11:45');
    await screenshot(admin, 'accounts-queue-slots');

    // Import: a CSV with a row for an unknown account is checked, shown with its error, and cannot be imported.
    await admin.goto(`/c/${t.clientId}/import`);
    await admin.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    const csvField = admin.getByLabel('or paste it');
    await csvField.fill(`text,accounts,date\n"Jackets for spring",${acc.handle},next\n"To nobody",@nobody_here,next\n`);
    await admin.getByRole('button', { name: 'Check' }).click();
    const table = admin.getByTestId('dry-run');
    await table.waitFor();
    await table.locator('[data-line="3"].row-error').waitFor();
    expect(await table.locator('[data-line="2"]').innerText()).toMatch(/11:45/);
    expect(await table.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await screenshot(admin, 'import');
    await csvField.fill(`text,accounts,date\n"Jackets for spring",${acc.handle},next\n`);
    expect(await admin.getByTestId('dry-run').count()).toBe(0);
    await admin.getByRole('button', { name: 'Check' }).click();
    const importButton = admin.getByTestId('dry-run').getByRole('button', { name: 'Import 1 post' });
    await importButton.waitFor();
    expect(await importButton.isDisabled()).toBe(false);
    await importButton.click();
    await admin.getByText('Imported 1 post.').waitFor();
    await admin.getByRole('link', { name: 'See them in the calendar' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Calendar' }).waitFor();
    await settled(admin);
    expect(await admin.evaluate(READ_CSP_VIOLATIONS)).toEqual([]);
  });
});
