import { randomUUID } from 'node:crypto';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext, screenshot } from './support/browser';
import type { AxeFinding } from './support/in-page';
import { READ_CSP_VIOLATIONS, RECORD_CSP_VIOLATIONS, RUN_AXE } from './support/in-page';
import type { TenantWithLogins } from './support/operators';
import { seedTenantWithLogins, signInThroughUi } from './support/operators';
import { ensureWebBuild } from './support/web-build';

interface Seed {
  platform?: string;
  status: string;
  intent: string;
  sentiment: string;
  flags?: string[];
  why?: string[];
  minutesAgo: number;
  /** minutes from now; negative is past */
  slaInMinutes?: number;
  author?: string;
  text: string;
  /** an AI draft waiting for approval on the message */
  draft?: string;
}

// A fan's comment trying markup: the app must show it as the characters typed, never as an element.
const HOSTILE = 'Where is my refund?? <img src=x onerror="window.__pwned=1"><b>now</b>';

/**
 * The engagement inbox in Debian's Chromium against the API serving the built app and Postgres. Conversations are
 * written with owner inserts as the engagement episode writes them (as test/integration/inbox/inbox-api.test.ts
 * does); approving a draft end to end needs the engagement worker and is covered by
 * test/integration/engagement/engagement-episode.test.ts.
 */
describe('the engagement inbox in a real browser', () => {
  let stack: TestStack;
  let b: E2eBrowser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack();
    b = await launchBrowser();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await b?.close();
    await stack?.close();
  });

  async function signedIn(email: string, opts: { bypassCSP?: boolean } = {}): Promise<Page> {
    const ctx = await newOperatorContext(b, stack.apiUrl, opts);
    await ctx.addInitScript(RECORD_CSP_VIOLATIONS);
    contexts.push(ctx);
    const page = await ctx.newPage();
    await signInThroughUi(page, email);
    return page;
  }

  async function account(t: TenantWithLogins, platform: string, handle: string): Promise<string> {
    const [row] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
       VALUES ($1, $2, $3, $4, $5, 'fp') RETURNING id`,
      [t.agencyId, t.clientId, platform, randomUUID(), handle],
    );
    return row.id;
  }

  async function conversation(t: TenantWithLogins, accountId: string, s: Seed): Promise<string> {
    const at = new Date(Date.now() - s.minutesAgo * 60_000);
    const [c] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO conversations (agency_id, client_id, platform_account_id, platform, thread_key, kind, status, intent,
         sentiment, flags, sensitive, why, sla_due_at, last_message_at, summary)
       VALUES ($1, $2, $3, $4, $5, 'comment', $6, $7, $8, $9, $10, $11::jsonb, $12, $13, $14) RETURNING id`,
      [
        t.agencyId,
        t.clientId,
        accountId,
        s.platform ?? 'sandbox',
        `post:${randomUUID()}`,
        s.status,
        s.intent,
        s.sentiment,
        s.flags ?? [],
        ['refund', 'legal', 'pricing'].includes(s.intent),
        JSON.stringify(s.why ?? [`reads as ${s.intent}`]),
        s.slaInMinutes === undefined ? null : new Date(Date.now() + s.slaInMinutes * 60_000),
        at,
        `A fan wrote about ${s.intent}.`,
      ],
    );
    const [ev] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO inbound_events (source, delivery_id, external_account_id, kind, external_id, author_handle, text,
         occurred_at, agency_id, client_id, platform_account_id, status)
       VALUES ('sandbox', $1, 'ext', 'comment', $2, $3, $4, $5, $6, $7, $8, 'drained') RETURNING id`,
      [randomUUID(), randomUUID(), s.author ?? '@fan', s.text, at, t.agencyId, t.clientId, accountId],
    );
    await stack.ds.query(
      `INSERT INTO conversation_messages (agency_id, client_id, conversation_id, direction, author_handle, text,
         occurred_at, inbound_event_id)
       VALUES ($1, $2, $3, 'in', $4, $5, $6, $7)`,
      [t.agencyId, t.clientId, c.id, s.author ?? '@fan', s.text, at, ev.id],
    );
    if (s.draft)
      await stack.ds.query(
        `INSERT INTO engagement_replies (agency_id, client_id, platform_account_id, inbound_event_id, action, text,
           checksum, author_kind)
         VALUES ($1, $2, $3, $4, 'reply', $5, $6, 'ai')`,
        [t.agencyId, t.clientId, accountId, ev.id, s.draft, `sha256:${randomUUID()}`],
      );
    return c.id;
  }

  /** A refund past its SLA (with a draft), a question on Instagram, and praise that was answered. */
  async function seedInbox(t: TenantWithLogins) {
    const sandbox = await account(t, 'sandbox', '@northwind');
    const insta = await account(t, 'instagram', '@northwind.ig');
    const refund = await conversation(t, sandbox, {
      status: 'escalated',
      intent: 'refund',
      sentiment: 'negative',
      flags: ['link'],
      why: ['mentions a refund', 'sensitive intent: a human answers'],
      minutesAgo: 20,
      slaInMinutes: -10,
      author: '@angry_fan',
      text: HOSTILE,
      draft: 'We are sorry for the wait: we have sent your refund request to our team.',
    });
    const question = await conversation(t, insta, {
      platform: 'instagram',
      status: 'open',
      intent: 'question',
      sentiment: 'neutral',
      minutesAgo: 10,
      slaInMinutes: 90,
      text: 'Do you ship to Norway?',
    });
    const praise = await conversation(t, sandbox, {
      status: 'answered',
      intent: 'praise',
      sentiment: 'positive',
      minutesAgo: 30,
      text: 'Best flat white in town!',
    });
    return { sandbox, insta, refund, question, praise };
  }

  async function rowIds(page: Page): Promise<string[]> {
    const rows = page.locator('li[data-conversation]');
    const ids: string[] = [];
    for (let i = 0, n = await rows.count(); i < n; i++)
      ids.push((await rows.nth(i).getAttribute('data-conversation')) ?? '');
    return ids;
  }

  /** Waits until the list shows exactly `ids`, in order (the list polls; a filter change reloads it). */
  async function listShows(page: Page, ids: string[]): Promise<void> {
    const deadline = Date.now() + 15_000;
    let seen: string[] = [];
    while (Date.now() < deadline) {
      if ((await page.locator('.loading').count()) === 0) {
        seen = await rowIds(page);
        if (JSON.stringify(seen) === JSON.stringify(ids)) return;
      }
      await page.waitForTimeout(200);
    }
    throw new Error(`the list showed ${JSON.stringify(seen)}, expected ${JSON.stringify(ids)}`);
  }

  const filter = (page: Page, label: string) => page.getByRole('form', { name: 'Filters' }).getByLabel(label);
  const row = (page: Page, id: string): Locator => page.locator(`li[data-conversation="${id}"]`);

  it('lists the conversations with their badges, narrows them by each filter, highlights a missed SLA and shows inbound text as text only', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    // Names that read well in the screenshot.
    await stack.ds.query('UPDATE agencies SET name = $1 WHERE id = $2', ['Brightside Agency', t.agencyId]);
    await stack.ds.query('UPDATE clients SET name = $1 WHERE id = $2', ['Northwind Coffee', t.clientId]);
    await stack.ds.query('UPDATE users SET display_name = $1 WHERE id = $2', ['Rita Reviewer', t.users.reviewer]);
    const s = await seedInbox(t);
    const page = await signedIn(t.emails.reviewer);
    await page.goto(`/c/${t.clientId}/calendar`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inbox' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inbox' }).waitFor();
    await listShows(page, [s.question, s.refund, s.praise]);

    const refundRow = row(page, s.refund);
    expect(await refundRow.getAttribute('class')).toMatch(/\bsla-breached\b/);
    expect(await refundRow.getByTestId('sla').innerText()).toMatch(/^SLA missed/);
    expect(await refundRow.innerText()).toMatch(/Escalated[\s\S]*Refund[\s\S]*Negative[\s\S]*Link/);
    expect(await refundRow.innerText()).toMatch(/sandbox · @northwind\b/);
    expect(await row(page, s.question).getAttribute('class')).not.toMatch(/sla-breached/);
    expect(await row(page, s.question).getByTestId('sla').innerText()).toMatch(/^SLA due in (89|90) minutes$/);
    expect(await row(page, s.question).innerText()).toMatch(/instagram · @northwind\.ig/);
    expect(await row(page, s.praise).getByTestId('sla').count()).toBe(0);
    expect(await page.getByText('SLA missed').count()).toBe(1);

    // Each filter narrows the list (the API filters; the app sends what was picked) and clears again.
    const narrows: [string, string, string[]][] = [
      ['Intent', 'refund', [s.refund]],
      ['Platform', 'instagram', [s.question]],
      ['Sentiment', 'positive', [s.praise]],
      ['Status', 'escalated', [s.refund]],
    ];
    for (const [label, value, ids] of narrows) {
      await filter(page, label).selectOption(value);
      await listShows(page, ids);
      expect(new URL(page.url()).searchParams.get(label.toLowerCase())).toBe(value);
      await filter(page, label).selectOption('');
      await listShows(page, [s.question, s.refund, s.praise]);
    }
    await page.getByLabel('Breached SLA only').check();
    await listShows(page, [s.refund]);
    await page.getByLabel('Breached SLA only').uncheck();
    await filter(page, 'Assignee').selectOption('me');
    await page.getByText('No conversation matches these filters').waitFor();
    await filter(page, 'Assignee').selectOption('');
    await listShows(page, [s.question, s.refund, s.praise]);

    // The conversation beside the list: the hostile comment is the characters typed, not an element.
    await refundRow.getByRole('link').click();
    await page.waitForURL(new RegExp(`/inbox/${s.refund}$`));
    const panel = page.getByTestId('conversation');
    await panel.getByTestId('message-text').first().waitFor();
    expect(await panel.getByTestId('message-text').first().innerText()).toBe(HOSTILE);
    expect(await panel.getByTestId('message-text').locator('img, b').count()).toBe(0);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await panel.getByTestId('why-routed').innerText()).toMatch(
      /mentions a refund[\s\S]*sensitive intent: a human answers[\s\S]*A fan wrote about refund/,
    );
    await panel.locator('[data-reply][data-status="draft"]').getByText('We are sorry for the wait').waitFor();
    expect(await panel.getByRole('button', { name: 'Approve as is' }).isEnabled()).toBe(true);
    expect(await row(page, s.refund).getAttribute('class')).toMatch(/\bselected\b/);
    await screenshot(page, 'inbox');
    expect(await page.evaluate(READ_CSP_VIOLATIONS)).toEqual([]);
  }, 120_000);

  it('a conversation written while the page is open shows up without a reload, under the filters in use', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const s = await seedInbox(t);
    const page = await signedIn(t.emails.analyst);
    await page.goto(`/c/${t.clientId}/inbox?sentiment=negative`);
    await listShows(page, [s.refund]);
    await page.evaluate('window.__samePage = true');
    const fresh = await conversation(t, s.sandbox, {
      status: 'escalated',
      intent: 'complaint',
      sentiment: 'negative',
      minutesAgo: 0,
      slaInMinutes: 60,
      text: 'My order arrived cold.',
    });
    // A happy one at the same time: the filter still applies to what arrives.
    const happy = await conversation(t, s.sandbox, {
      status: 'answered',
      intent: 'praise',
      sentiment: 'positive',
      minutesAgo: 0,
      text: 'Lovely staff!',
    });
    await listShows(page, [fresh, s.refund]);
    expect(await page.evaluate('window.__samePage')).toBe(true);
    expect(await row(page, happy).count()).toBe(0);
    expect(await filter(page, 'Sentiment').inputValue()).toBe('negative');
  }, 60_000);

  it('"Load more" appends the next page by cursor; a row pushed off the polled first page by a new one stays in view', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const acc = await account(t, 'sandbox', '@many');
    const ids: string[] = [];
    // One more than the app's page of 25, newest first.
    for (let i = 0; i < 26; i++)
      ids.push(
        await conversation(t, acc, {
          status: 'open',
          intent: 'question',
          sentiment: 'neutral',
          minutesAgo: 60 + i,
          text: `Question number ${i}`,
        }),
      );
    const page = await signedIn(t.emails.reviewer);
    await page.goto(`/c/${t.clientId}/inbox`);
    await listShows(page, ids.slice(0, 25));
    await page.getByRole('button', { name: 'Load more' }).click();
    await listShows(page, ids);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
    const fresh = await conversation(t, acc, {
      status: 'open',
      intent: 'question',
      sentiment: 'neutral',
      minutesAgo: 0,
      text: 'A new one on top',
    });
    await listShows(page, [fresh, ...ids]);
  }, 60_000);

  it('[C-03] an Analyst reads a conversation but its actions are disabled, with the reason', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const s = await seedInbox(t);
    const page = await signedIn(t.emails.analyst);
    await page.goto(`/c/${t.clientId}/inbox/${s.refund}`);
    const panel = page.getByTestId('conversation');
    await panel.getByTestId('message-text').first().waitFor();
    await panel.locator('[data-reply][data-status="draft"]').waitFor();
    for (const name of ['Assign to me', 'Escalate', 'Close', 'Add note', 'Send reply', 'Approve as is', 'Reject']) {
      const button = panel.getByRole('button', { name, exact: true });
      expect({ name, disabled: await button.isDisabled() }).toEqual({ name, disabled: true });
      // The reason is announced with the button, not only shown near it.
      const describedBy = await button.getAttribute('aria-describedby');
      expect(describedBy).toBeTruthy();
      expect(await page.locator(`[id="${describedBy}"]`).innerText()).toMatch(
        /Your role \(Analyst\) may read the inbox but not/,
      );
    }
    expect(await panel.getByTestId('not-allowed').first().innerText()).toMatch(
      /that needs Admin, Manager, Publisher, Reviewer/,
    );
    // What a colleague can do is still readable: the draft, the notes, the thread.
    expect(await panel.getByTestId('conversation-replies').innerText()).toMatch(/We are sorry for the wait/);
  }, 60_000);

  it('a Reviewer adds a note, assigns the conversation to themself and to a colleague by name, escalates it with a note and closes it', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const s = await seedInbox(t);
    const page = await signedIn(t.emails.reviewer);
    await page.goto(`/c/${t.clientId}/inbox`);
    await listShows(page, [s.question, s.refund, s.praise]);
    await row(page, s.question).getByRole('link').click();
    const panel = page.getByTestId('conversation');
    await panel.getByText('Do you ship to Norway?').waitFor();

    const notes = panel.getByTestId('conversation-notes');
    await notes.getByLabel('New note').fill('Checking with logistics about Norway.');
    await notes.getByRole('button', { name: 'Add note' }).click();
    await notes.locator('[data-note]').getByText('Checking with logistics about Norway.').waitFor();
    expect(await notes.locator('[data-note]').innerText()).toMatch(/^you ·/);

    const work = panel.getByTestId('conversation-work');
    await work.getByRole('button', { name: 'Assign to me' }).click();
    await work.getByTestId('assigned-to').getByText('Assigned to you.').waitFor();
    await row(page, s.question).getByText('assigned to you').waitFor();
    await filter(page, 'Assignee').selectOption('me');
    await listShows(page, [s.question]);

    // Given to a colleague by name (the client's operators who may work the inbox), then taken back.
    const [admin] = await stack.ds.query<{ display_name: string }[]>('SELECT display_name FROM users WHERE id = $1', [
      t.users.admin,
    ]);
    const giveTo = work.getByLabel('Give it to');
    await giveTo.locator('option', { hasText: admin.display_name }).waitFor({ state: 'attached' });
    expect(await giveTo.locator('option').allInnerTexts()).not.toEqual(
      expect.arrayContaining([expect.stringContaining('(Analyst)')]),
    );
    await giveTo.selectOption({ label: `${admin.display_name} (Admin)` });
    await work.getByRole('button', { name: 'Assign', exact: true }).click();
    await work.getByTestId('assigned-to').getByText(`Assigned to ${admin.display_name}.`).waitFor();
    await work.getByRole('button', { name: 'Assign to me' }).click();
    await work.getByTestId('assigned-to').getByText('Assigned to you.').waitFor();

    await work.getByLabel('Why it needs escalating').fill('Shipping abroad needs a manager');
    await work.getByRole('button', { name: 'Escalate' }).click();
    await panel.getByTestId('conversation-reasons').getByText('Shipping abroad needs a manager').waitFor();
    await row(page, s.question).locator('[data-testid="conversation-status"][data-status="escalated"]').waitFor();
    expect(await work.getByRole('button', { name: 'Escalate' }).isDisabled()).toBe(true);

    await work.getByLabel('Note on closing (optional)').fill('Answered by phone');
    await work.getByRole('button', { name: 'Close' }).click();
    await row(page, s.question).locator('[data-testid="conversation-status"][data-status="closed"]').waitFor();
    expect(await work.getByRole('button', { name: 'Close' }).isDisabled()).toBe(true);

    const [db] = await stack.ds.query<{ status: string; assignee_id: string; notes: string[] }[]>(
      `SELECT c.status, c.assignee_id, array(SELECT text FROM conversation_notes n WHERE n.conversation_id = c.id) AS notes
         FROM conversations c WHERE c.id = $1`,
      [s.question],
    );
    expect(db).toEqual({
      status: 'closed',
      assignee_id: t.users.reviewer,
      notes: ['Checking with logistics about Norway.'],
    });
    const [audit] = await stack.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM audit_events WHERE subject_id = $1 AND action = 'conversation.escalated'`,
      [s.question],
    );
    expect(audit.n).toBe(1);
    expect(await page.evaluate(READ_CSP_VIOLATIONS)).toEqual([]);
  }, 90_000);

  it('the inbox with a conversation open passes axe-core with no serious or critical violation, for a Reviewer and an Analyst', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const s = await seedInbox(t);
    const found: string[] = [];
    for (const email of [t.emails.reviewer, t.emails.analyst]) {
      // axe arrives as an inline script, which the real CSP refuses: this context alone bypasses it (the tests
      // above check the app itself causes no CSP violation).
      const page = await signedIn(email, { bypassCSP: true });
      await page.goto(`/c/${t.clientId}/inbox/${s.refund}`);
      await page.getByTestId('conversation').locator('[data-reply][data-status="draft"]').waitFor();
      await page.locator('details.saved-replies > summary').click();
      await page.addScriptTag({ path: require.resolve('axe-core') });
      const { violations } = (await page.evaluate(RUN_AXE)) as { violations: AxeFinding[] };
      for (const v of violations)
        if (v.impact === 'serious' || v.impact === 'critical')
          found.push(`${email}: [${v.impact}] ${v.id} — ${v.help} at ${v.targets.join(', ')}`);
    }
    expect(found).toEqual([]);
  }, 60_000);
});
