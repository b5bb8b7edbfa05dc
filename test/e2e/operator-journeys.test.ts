import type { BrowserContext, Page } from 'playwright-core';
import { seedScheduledPosts, type CalendarTenant } from '../../bench/calendar/seed-calendar';
import { totpCode } from '../../services/core/auth/totp';
import { connectSandboxAccount } from '../factories/connect-account';
import { publishJobScheduledAt } from '../factories/db-reads';
import { signIn as signInOverHttp } from '../factories/operator-session';
import { createAsset, getPost, schedulePost, waitForPost } from '../factories/posts';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext } from './support/browser';
import { localDay } from './support/client-time';
import { PASSWORD, seedTenantWithLogins, signInThroughUi } from './support/operators';
import { ensureWebBuild } from './support/web-build';

// Posts per page of the approvals screen (APPROVAL_PAGE in services/web/src/ui/use-approval-queue.ts).
const QUEUE_PAGE = 50;

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };
const MUTATION_BUTTONS =
  /^(Approve|Reject|Engage|Release|Connect\b|Reconnect|New post|Reschedule|Cancel post|Save policy|Onboard a client|Schedule post)/;

describe("operators' journeys in a real browser: roles, kill switch, calendar, their own security", () => {
  let stack: TestStack;
  let b: E2eBrowser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack({ withWorker: true });
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

  async function awaitingApproval(t: { clientId: string }, actorId: string, accountId: string, text: string) {
    const asset = await createAsset(stack, actorId, t.clientId, text);
    const post = await schedulePost(stack, actorId, {
      clientId: t.clientId,
      platformAccountId: accountId,
      assetId: asset.id,
      inSeconds: 3600,
    });
    await waitForPost(stack, actorId, post.id, (p) => p.status === 'awaiting_approval');
    return post;
  }

  it("[C-21] a Reviewer cannot approve their own post under four eyes: the button is disabled with the reason; a colleague's post they can", async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    // The reviewer wrote this post while they also held Publisher on the client; that role is gone now.
    const setRole = (role: string) =>
      stack.ds.query('UPDATE memberships SET role = $1 WHERE user_id = $2 AND client_id = $3', [
        role,
        t.users.reviewer,
        t.clientId,
      ]);
    await setRole('Publisher');
    const own = await awaitingApproval(t, t.users.reviewer, acc.accountId, 'Written by the reviewer');
    await setRole('Reviewer');
    const colleague = await awaitingApproval(t, t.users.author, acc.accountId, 'Written by the author');

    const page = await signedIn(t.emails.reviewer);
    await page.goto(`/c/${t.clientId}/approvals`);
    const mine = page.locator(`[data-post="${own.id}"]`);
    const theirs = page.locator(`[data-post="${colleague.id}"]`);
    await mine.getByText('Written by the reviewer').waitFor();
    expect(await mine.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await mine.getByTestId('approve-blocked').innerText()).toMatch(
      /Four eyes: you wrote this post, so someone else must approve it/,
    );
    // The keyboard shortcut respects the rule too.
    await mine.click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('a');
    await page.waitForTimeout(500);
    expect((await getPost(stack, t.users.admin, own.id)).approvals).toEqual([]);
    // A Reviewer approves, but never schedules.
    expect(await page.locator('[data-mutates="post.schedule"]').count()).toBe(0);
    await theirs.getByRole('button', { name: 'Approve' }).click();
    // Answered once recorded: the post may already have left the queue, the answer stays on the page.
    await page.getByText('Approval recorded').waitFor();
    await waitForPost(stack, t.users.admin, colleague.id, (p) =>
      p.approvals.some((a) => a.approverId === t.users.reviewer),
    );
  });

  it("[C-21] an operator who edited a colleague's pending post is one of its authors: Approve is disabled with the reason", async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Written by the author');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 3600,
    });
    await waitForPost(stack, t.users.author, post.id, (p) => p.status === 'awaiting_approval');
    // The Manager rewrites the author's pending text: their words, so not their approval.
    const edited = await stack.gql(
      t.users.approver,
      'mutation($i: UpdateAssetTextInput!) { updateAssetText(input: $i) { checksum } }',
      { i: { assetId: asset.id, clientId: t.clientId, text: 'Rewritten by the manager' } },
    );
    expect(edited.errors).toBeUndefined();

    const page = await signedIn(t.emails.approver);
    await page.goto(`/c/${t.clientId}/approvals`);
    const row = page.locator(`[data-post="${post.id}"]`);
    await row.getByText('Rewritten by the manager').waitFor();
    expect(await row.getByRole('button', { name: 'Approve' }).isDisabled()).toBe(true);
    expect(await row.getByTestId('approve-blocked').innerText()).toMatch(/Four eyes: you wrote this post/);
    expect(await row.innerText()).toMatch(/written by you/);
  });

  it('the approvals queue reads page by page, soonest first: posts scheduled further ahead do not hide it, and "Load more" shows while the API has more', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Waiting in a long queue');
    const rows: CalendarTenant = {
      agencyId: t.agencyId,
      clientId: t.clientId,
      userId: t.users.author,
      accountIds: [acc.accountId],
      assetId: asset.id,
      timezone: 'Europe/Berlin',
    };
    // Rows only, no workflows: the queue reads the database. More than 200 posts further ahead than the queue:
    // the deprecated posts(clientId) listed those 200 and no post waiting sooner.
    const day = 86_400_000;
    await seedScheduledPosts(stack.ds, rows, {
      start: new Date(Date.now() + 30 * day),
      count: 210,
      spacingMs: 3_600_000,
    });
    const waiting = await seedScheduledPosts(stack.ds, rows, {
      start: new Date(Date.now() + day),
      count: QUEUE_PAGE + 7,
      spacingMs: 60_000,
      awaitingEvery: 1,
    });

    const page = await signedIn(t.emails.approver);
    await page.goto(`/c/${t.clientId}/approvals`);
    const listed = page.locator('ol.queue > li[data-post]');
    const more = page.getByRole('button', { name: 'Load more' });
    const listedIds = async () => Promise.all((await listed.all()).map((l) => l.getAttribute('data-post')));
    await page.locator(`[data-post="${waiting[0]}"]`).getByText('Waiting in a long queue').waitFor();
    await more.waitFor();
    expect(await listedIds()).toEqual(waiting.slice(0, QUEUE_PAGE));

    await more.click();
    await page.locator(`[data-post="${waiting[waiting.length - 1]}"]`).waitFor();
    expect(await listedIds()).toEqual(waiting);
    // The second page was short: the API has no more, so the control is gone.
    await more.waitFor({ state: 'detached' });
    expect(await page.getByTestId('error').count()).toBe(0);
  });

  it('[C-03] an Analyst sees every screen and no button that changes anything', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const post = await awaitingApproval(t, t.users.author, acc.accountId, 'Analysts only look');
    const page = await signedIn(t.emails.analyst);
    const screens: [string, string][] = [
      ['/clients', 'Clients'],
      [`/c/${t.clientId}/calendar`, 'Calendar'],
      [`/c/${t.clientId}/calendar?view=month`, 'Calendar'],
      [`/c/${t.clientId}/approvals`, 'Approvals'],
      [`/c/${t.clientId}/posts/${post.id}`, 'Post: Analysts only look'],
      [`/c/${t.clientId}/accounts`, 'Accounts'],
      [`/c/${t.clientId}/kill-switches`, 'Kill switches'],
      [`/c/${t.clientId}/audit`, 'Audit log'],
      [`/c/${t.clientId}/policy`, 'Policy and autonomy'],
    ];
    for (const [path, heading] of screens) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page
        .locator('.loading')
        .first()
        .waitFor({ state: 'detached' })
        .catch(() => undefined);
      await page.waitForLoadState('networkidle');
      const offered = await page.locator('[data-mutates]').count();
      const named = (await page.getByRole('button').allInnerTexts()).filter((n) => MUTATION_BUTTONS.test(n.trim()));
      const links = (await page.getByRole('link').allInnerTexts()).filter((n) => MUTATION_BUTTONS.test(n.trim()));
      expect({ path, offered, named, links, draggable: await page.locator('[draggable="true"]').count() }).toEqual({
        path,
        offered: 0,
        named: [],
        links: [],
        draggable: 0,
      });
    }
    await page.goto(`/c/${t.clientId}/approvals`);
    await page.getByText('Analysts only look').waitFor();
    await page.keyboard.press('a');
    await page.waitForTimeout(300);
    expect((await getPost(stack, t.users.admin, post.id)).approvals).toEqual([]);
  });

  it('[C-20] flipping the client kill switch in the app stops a due post, and the post page says why', async () => {
    const t = await seedTenantWithLogins(stack.ds, AUTONOMOUS);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Due while the switch is engaged');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 12,
    });
    const [{ name: clientName }] = await stack.ds.query<{ name: string }[]>('SELECT name FROM clients WHERE id = $1', [
      t.clientId,
    ]);

    const page = await signedIn(t.emails.admin);
    await page.goto(`/c/${t.clientId}/kill-switches`);
    const row = page.locator(`[data-scope="client"][data-scope-id="${t.clientId}"]`);
    await row.getByRole('button', { name: 'Engage client switch' }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByRole('heading').innerText()).toBe(`Engage the client kill switch for “${clientName}”?`);
    expect(await dialog.getByTestId('ks-stops').innerText()).toBe("every side effect of this client's accounts");
    await dialog.getByLabel(/Reason/).fill('brand crisis');
    await dialog.getByRole('button', { name: 'Engage and stop' }).click();
    await row.getByTestId('ks-state').getByText('Engaged', { exact: true }).waitFor();
    expect(await row.innerText()).toMatch(/Reason: brand crisis/);

    await page.goto(`/c/${t.clientId}/posts/${post.id}`);
    await page.locator('[data-testid="post-status"][data-status="paused"]').waitFor({ timeout: 45_000 });
    expect(await page.getByTestId('reasons').innerText()).toMatch(/kill switch engaged at client scope/);
    expect(
      await stack.sandboxAdmin
        .listPosts()
        .then((ps) => ps.filter((p) => p.text === 'Due while the switch is engaged').length),
    ).toBe(0);
  }, 90_000);

  it("dragging a post to another day on the calendar reschedules it (same time, the client's clock)", async () => {
    const t = await seedTenantWithLogins(stack.ds, AUTONOMOUS);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Move me a day');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 2 * 24 * 3600,
    });
    await waitForPost(stack, t.users.author, post.id, (p) => p.workflowStatus === 'scheduled');
    const tz = 'Europe/Berlin';
    const slot = await publishJobScheduledAt(stack.ds, post.id);
    const day = localDay(slot, tz);
    // Stay inside the week on screen: a Sunday post moves back to Saturday, any other forward a day.
    const sunday = new Date(`${day}T12:00:00Z`).getUTCDay() === 0;
    const shift = sunday ? -1 : 1;
    const target = localDay(new Date(slot.getTime() + shift * 24 * 3600_000), tz);

    const page = await signedIn(t.emails.author);
    await page.goto(`/c/${t.clientId}/calendar?view=week&date=${day}`);
    const chip = page.locator(`[data-post="${post.id}"]`);
    await chip.waitFor();
    await chip.dragTo(page.locator(`[data-day="${target}"]`));
    await page.getByText(/^Rescheduled to/).waitFor();
    const moved = async () => (await publishJobScheduledAt(stack.ds, post.id)).getTime();
    for (let i = 0; i < 40 && (await moved()) === slot.getTime(); i++) await new Promise((r) => setTimeout(r, 250));
    expect(await moved()).toBe(slot.getTime() + shift * 24 * 3600_000);
    await page.locator(`[data-day="${target}"] [data-post="${post.id}"]`).waitFor();
  });

  it('[C-06][C-09] an operator ends another session, creates an API token shown once and revokes it, enrols TOTP and signs in with it', async () => {
    const t = await seedTenantWithLogins(stack.ds);
    const page = await signedIn(t.emails.admin);
    const elsewhere = await signInOverHttp(stack, t.emails.admin, PASSWORD);
    const whoamiWith = async (headers: Record<string, string>) =>
      (await (
        await fetch(`${stack.apiUrl}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: '{ whoami { id } }' }),
        })
      ).json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };

    // Sessions: the other browser's session ends from here.
    await page.goto('/settings');
    const sessions = page.locator('section', { has: page.getByRole('heading', { name: 'Sessions' }) });
    await sessions.getByText('This browser').waitFor();
    expect(await whoamiWith({ cookie: elsewhere.session.cookie })).toHaveProperty('data');
    await sessions.getByRole('button', { name: 'Sign out', exact: true }).click();
    await sessions.getByRole('button', { name: 'Sign out', exact: true }).waitFor({ state: 'detached' });
    expect((await whoamiWith({ cookie: elsewhere.session.cookie })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    // API token: shown once, works, gone from the page once dismissed, revoked.
    const tokens = page.locator('section', { has: page.getByRole('heading', { name: 'API tokens' }) });
    await tokens.getByLabel('Name (what uses it)').fill('nightly report');
    await tokens.getByRole('button', { name: 'Create token' }).click();
    const token = (await page.getByTestId('token-value').innerText()).trim();
    expect((await whoamiWith({ authorization: `Bearer ${token}` })).data).toBeDefined();
    await page.getByRole('button', { name: 'I have stored it' }).click();
    await page.reload();
    await tokens.getByRole('row', { name: /nightly report/ }).waitFor();
    expect(await page.content()).not.toContain(token);
    await tokens
      .getByRole('row', { name: /nightly report/ })
      .getByRole('button', { name: 'Revoke' })
      .click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke token' }).click();
    await tokens
      .getByRole('row', { name: /nightly report/ })
      .getByText(/^revoked/)
      .waitFor();
    expect((await whoamiWith({ authorization: `Bearer ${token}` })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );

    // TOTP: enrol with the key shown, then the next sign-in asks for a code.
    await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    const confirmedAt = Date.now();
    await page.getByLabel('Six-digit code').fill(totpCode(secret, confirmedAt));
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByTestId('totp-on').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByLabel('Email').fill(t.emails.admin);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // A wrong code is answered in words, with what to do next.
    await page.getByLabel('Authentication code').fill(totpCode(secret, Date.now() - 10 * 60_000));
    await page.getByRole('button', { name: 'Verify and continue' }).click();
    expect(await page.getByRole('alert').innerText()).toMatch(
      /Code not accepted\s+The second-factor code is wrong, expired or already used\.\s+Enter the code your app shows now/,
    );
    // Each code works once (C-06): the one that turned TOTP on cannot sign in; the next step's code can.
    const nextStep = Math.max(Date.now(), confirmedAt + 30_000);
    await page.getByLabel('Authentication code').fill(totpCode(secret, nextStep));
    await page.getByRole('button', { name: 'Verify and continue' }).click();
    // Back where they were, signed in with both factors.
    await page.getByTestId('totp-on').waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings');
  });
});
