import type { BrowserContext, Page } from 'playwright-core';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import { PORTAL_COOKIE } from '../../services/api/modules/client-review/portal/portal.guard';
import { SESSION_COOKIE } from '../../services/api/auth/request-info';
import type { PostView } from '../factories/posts';
import { displayedChecksum, hasStatus, waitForPost } from '../factories/posts';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import type { E2eBrowser } from './support/browser';
import { launchBrowser, newOperatorContext, screenshot } from './support/browser';
import type { MadeLink } from './support/client-review';
import {
  addReviewer,
  clientWithClientStage,
  gqlOk,
  makeReviewLink,
  postWaitingForClient,
  revokeReviewLink,
} from './support/client-review';
import type { AxeFinding } from './support/in-page';
import { READ_CSP_VIOLATIONS, RECORD_CSP_VIOLATIONS, RUN_AXE } from './support/in-page';
import type { TenantWithLogins } from './support/operators';
import { seedTenantWithLogins, signInThroughUi } from './support/operators';
import { ensureWebBuild } from './support/web-build';

const HOUR = 3_600_000;
const CLIENT = 'Harbour Bakery';
const REVIEWER = 'Rosa Lindqvist';
const REJECTION = 'The opening hours are wrong: we open at 8, not 7. Please fix before it goes out.';

/** In the page, with the page's own cookies: a decision on a post (CSRF token from /portal/api/me unless left out). */
function decisionInPage(postId: string, checksum: string, withCsrf = true): string {
  return `(async () => {
    const me = await fetch('/portal/api/me', { credentials: 'same-origin' }).then((r) => r.json());
    const headers = { 'content-type': 'application/json' };
    if (${withCsrf}) headers['x-csrf-token'] = me.csrfToken;
    const r = await fetch('/portal/api/posts/${postId}/decision', {
      method: 'POST', credentials: 'same-origin', headers,
      body: JSON.stringify({ kind: 'approve', checksum: '${checksum}' }),
    });
    return { status: r.status, body: await r.json().catch(() => null) };
  })()`;
}

/** In the page, with the page's own cookies: an operator's GraphQL query. */
const GRAPHQL_FROM_PAGE = `fetch('/graphql', {
  method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ clients { id name } }' }),
}).then(async (r) => ({ status: r.status, body: await r.json() }))`;

const PORTAL_ME_FROM_PAGE = `fetch('/portal/api/me', { credentials: 'same-origin' }).then((r) => r.status)`;

/**
 * The client review portal (issue #14) in Debian's Chromium against the API serving the built app, the publish lane's
 * worker, Temporal and Postgres: a client's reviewer decides through a magic link without an account, the operator
 * sees those decisions, and the link opens nothing but the review of its own client.
 */
describe('the client review portal in a real browser', () => {
  let stack: TestStack;
  let b: E2eBrowser;
  let t: TenantWithLogins;
  let approve: PostView;
  let reject: PostView;
  let waiting: PostView;
  let reviewerId: string;
  let link: MadeLink;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ensureWebBuild();
    stack = await startTestStack({ withWorker: true });
    b = await launchBrowser();
    t = await seedTenantWithLogins(stack.ds, {}, 'UTC');
    await stack.ds.query('UPDATE clients SET name = $1 WHERE id = $2', [CLIENT, t.clientId]);
    await gqlOk(
      stack,
      t.users.approver,
      'mutation($i: UpdateBrandKitInput!) { updateBrandKit(input: $i) { clientId } }',
      {
        i: { clientId: t.clientId, colours: ['#c2410c', '#1e3a8a'] },
      },
    );
    const acc = await clientWithClientStage(stack, { admin: t.users.admin, clientId: t.clientId });
    const ids = { author: t.users.author, approver: t.users.approver, clientId: t.clientId, accountId: acc.accountId };
    const now = Date.now();
    approve = await postWaitingForClient(
      stack,
      ids,
      'Fresh sourdough every morning from 8:00 #bakery #sourdough https://harbour.example/menu',
      new Date(now + 2 * HOUR),
    );
    reject = await postWaitingForClient(stack, ids, 'We now open at 7:00 every day!', new Date(now + 3 * HOUR));
    waiting = await postWaitingForClient(stack, ids, 'Cinnamon buns are back this Friday.', new Date(now + 4 * HOUR));
    reviewerId = await addReviewer(stack, t.users.approver, t.clientId, REVIEWER, 'rosa@harbour.example');
    link = await makeReviewLink(stack, t.users.approver, { clientId: t.clientId, reviewerId });
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await b?.close();
    await stack?.close();
  });

  async function freshPage(opts: { bypassCSP?: boolean } = {}): Promise<Page> {
    const ctx = await newOperatorContext(b, stack.apiUrl, opts);
    contexts.push(ctx);
    if (!opts.bypassCSP) await ctx.addInitScript({ content: RECORD_CSP_VIOLATIONS });
    return ctx.newPage();
  }

  async function openPortal(url: string, opts: { bypassCSP?: boolean } = {}): Promise<Page> {
    const page = await freshPage(opts);
    await page.goto(url);
    await page.getByRole('heading', { level: 1, name: 'Posts for your review' }).waitFor();
    return page;
  }

  const card = (page: Page, post: { id: string }) => page.locator(`article[data-post="${post.id}"]`);

  async function axe(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: require.resolve('axe-core') });
    const { violations } = (await page.evaluate(RUN_AXE)) as { violations: AxeFinding[] };
    return violations.map((v) => `[${v.impact}] ${v.id} — ${v.help} ${v.targets.join(' ')}`);
  }

  it('[C-08] a reviewer opens the link, sees the posts as their platform shows them, approves one and rejects another with a comment; the operator sees both', async () => {
    const page = await openPortal(link.url);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    // The token left the address at once: not in the history, not in a bookmark, not on a shared screen.
    expect(page.url()).toBe(`${stack.apiUrl}/portal/`);
    expect(await page.getByTestId('portal-client').textContent()).toBe(CLIENT);
    expect(await page.getByTestId('portal-reviewer').innerText()).toBe(REVIEWER);
    expect(await page.getByTestId('portal-expiry').getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT/);
    // The client's colours as SVG fills: no inline style, which the CSP would refuse.
    const rects = page.getByTestId('portal-colours').locator('rect');
    expect([await rects.nth(0).getAttribute('fill'), await rects.nth(1).getAttribute('fill')]).toEqual([
      '#c2410c',
      '#1e3a8a',
    ]);
    // No operator navigation: the page is the review and nothing else.
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByTestId('portal-waiting-count').innerText()).toBe('3 posts wait for your decision.');

    const first = card(page, approve);
    for (const p of [approve, reject, waiting])
      expect(await card(page, p).getByTestId('review-state').getAttribute('data-state')).toBe('waiting_client');
    expect(await first.getByTestId('feed-text').innerText()).toContain('Fresh sourdough every morning');
    expect(await first.getByRole('list', { name: 'Hashtags' }).innerText()).toMatch(/#bakery[\s\S]*#sourdough/);
    const linkCard = first.getByTestId('link-card');
    expect(await linkCard.innerText()).toContain('harbour.example');
    expect(await linkCard.getByRole('link').getAttribute('href')).toBe('https://harbour.example/menu');
    expect(await linkCard.getByRole('link').getAttribute('rel')).toBe('noopener noreferrer nofollow');

    await first.getByRole('button', { name: 'Approve' }).click();
    await first.getByTestId('portal-done').getByText('You approved this post').waitFor();
    expect(await first.getByTestId('review-state').getAttribute('data-state')).toBe('approved');

    const second = card(page, reject);
    await second.getByRole('button', { name: 'Reject' }).click();
    // The comment is required: the form does not go without one.
    expect(await second.getByRole('button', { name: 'Reject the post' }).isDisabled()).toBe(true);
    await second.getByLabel('Why do you reject this post?').fill(REJECTION);
    await second.getByRole('button', { name: 'Reject the post' }).click();
    await second.getByTestId('portal-done').getByText('You rejected this post').waitFor();
    expect(await second.getByTestId('review-state').getAttribute('data-state')).toBe('rejected');
    expect(await second.getByTestId('portal-decisions').innerText()).toContain(REJECTION);
    expect(await second.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    // The month calendar shows the same posts; choosing one shows it with its actions.
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    const calendar = page.getByTestId('portal-calendar');
    await calendar.locator(`button[data-post="${waiting.id}"]`).click();
    await card(page, waiting).getByRole('button', { name: 'Hold' }).waitFor();
    await page.getByRole('button', { name: 'List', exact: true }).click();

    // A reload has no fragment any more: the portal session's cookie carries on.
    await page.reload();
    await card(page, approve).waitFor();
    expect(await card(page, approve).getByTestId('review-state').getAttribute('data-state')).toBe('approved');
    await screenshot(page, 'client-portal');
    expect([...problems, ...((await page.evaluate(READ_CSP_VIOLATIONS)) as string[])]).toEqual([]);

    // Recorded as the reviewer's, through this link, and audited with it.
    const decisions = await stack.ds.query<{ kind: string; reviewer_id: string; review_link_id: string }[]>(
      `SELECT kind, reviewer_id, review_link_id FROM post_decisions
        WHERE publish_job_id = ANY($1) AND reviewer_id IS NOT NULL ORDER BY created_at`,
      [[approve.id, reject.id]],
    );
    expect(decisions).toEqual([
      { kind: 'approve', reviewer_id: reviewerId, review_link_id: link.id },
      { kind: 'reject', reviewer_id: reviewerId, review_link_id: link.id },
    ]);
    const audited = await stack.ds.query<{ actor: string; link: string }[]>(
      `SELECT actor, data->>'reviewLinkId' AS link FROM audit_events WHERE action = 'portal.decision' AND subject_id = ANY($1)`,
      [[approve.id, reject.id]],
    );
    expect(audited).toEqual([
      { actor: `reviewer:${reviewerId}`, link: link.id },
      { actor: `reviewer:${reviewerId}`, link: link.id },
    ]);

    // The operator, signed in to the admin app, sees the client's approval and the rejection with its comment.
    await waitForPost(stack, t.users.approver, reject.id, hasStatus('rejected'));
    const operator = await freshPage();
    await signInThroughUi(operator, t.emails.approver);
    await operator.goto(`/c/${t.clientId}/posts/${approve.id}`);
    const approvedPanel = operator.getByTestId('client-review');
    await approvedPanel.locator('[data-state="approved"]').waitFor();
    expect(await approvedPanel.getByTestId('client-decisions').innerText()).toMatch(
      new RegExp(`Approved\\s+by the client’s reviewer ${REVIEWER}`),
    );
    expect(await operator.getByText(/Approved by: /).innerText()).toContain(`the client’s reviewer ${REVIEWER}`);
    await operator.goto(`/c/${t.clientId}/posts/${reject.id}`);
    await operator.locator('[data-testid="post-status"][data-status="rejected"]').waitFor();
    const rejectedPanel = operator.getByTestId('client-review');
    await rejectedPanel.locator('[data-state="rejected"]').waitFor();
    expect(await rejectedPanel.getByTestId('client-decisions').innerText()).toMatch(
      new RegExp(`Rejected\\s+by the client’s reviewer ${REVIEWER}`),
    );
    expect(await rejectedPanel.getByTestId('client-comment').innerText()).toBe(REJECTION);
  }, 180_000);

  it('[C-09] an expired link and a revoked link get the refusal page; a page left open stops at its next click once its link is revoked', async () => {
    const expired = await makeReviewLink(stack, t.users.approver, { clientId: t.clientId, reviewerId });
    // As the owner: no operator can set a link's expiry in the past.
    await stack.ds.query(`UPDATE review_links SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expired.id,
    ]);
    const late = await freshPage();
    await late.goto(expired.url);
    await late.getByTestId('portal-refused').getByRole('heading', { name: 'This review link does not work' }).waitFor();
    expect(await late.getByTestId('portal-refused').innerText()).toContain('does not work any more');
    expect(await late.locator('article[data-post]').count()).toBe(0);

    const revoked = await makeReviewLink(stack, t.users.approver, { clientId: t.clientId, reviewerId });
    const open = await openPortal(revoked.url);
    await card(open, waiting).waitFor();
    await revokeReviewLink(stack, t.users.approver, t.clientId, revoked.id);
    await open.getByRole('button', { name: 'Refresh' }).click();
    await open.getByTestId('portal-expired').getByRole('heading', { name: 'This review page has expired' }).waitFor();
    expect(await open.locator('article[data-post]').count()).toBe(0);

    const again = await freshPage();
    await again.goto(revoked.url);
    await again.getByTestId('portal-refused').waitFor();
    // The same words for both; the audit trail says which it was.
    expect(await again.getByTestId('portal-refused').innerText()).toBe(
      await late.getByTestId('portal-refused').innerText(),
    );
    const refusals = await stack.ds.query<{ subject_id: string; reason: string }[]>(
      `SELECT subject_id, data->>'reason' AS reason FROM audit_events
        WHERE action = 'review_link.refused' AND subject_id = ANY($1) ORDER BY seq`,
      [[expired.id, revoked.id]],
    );
    expect(refusals).toEqual([
      { subject_id: expired.id, reason: 'expired' },
      { subject_id: revoked.id, reason: 'revoked' },
    ]);
    for (const p of [late, open, again]) expect(await p.evaluate(READ_CSP_VIOLATIONS)).toEqual([]);
  }, 90_000);

  it("[C-02] a link of client A decides nothing about client B's post: 404, as if it did not exist, and nothing is recorded", async () => {
    // Client B of the same agency, its post approved by the agency and waiting for B's own reviewer.
    const clientB = await new TenantBootstrap(stack.ds).createClient(t.agencyId, 'Client B', 'UTC');
    const accB = await clientWithClientStage(stack, { admin: t.users.admin, clientId: clientB.id });
    const postB = await postWaitingForClient(
      stack,
      { author: t.users.author, approver: t.users.approver, clientId: clientB.id, accountId: accB.accountId },
      "B's launch: not A's to approve",
      new Date(Date.now() + 5 * HOUR),
    );
    const checksumB = await displayedChecksum(stack, t.users.approver, postB.id);

    const page = await openPortal(link.url);
    await card(page, waiting).waitFor();
    expect(await card(page, postB).count()).toBe(0);
    const answer = (await page.evaluate(decisionInPage(postB.id, checksumB))) as { status: number };
    expect(answer.status).toBe(404);
    // The control: the same request on A's own waiting post goes through.
    const own = await displayedChecksum(stack, t.users.approver, waiting.id);
    expect(((await page.evaluate(decisionInPage(waiting.id, own))) as { status: number }).status).toBe(200);
    expect(
      await stack.ds.query('SELECT id FROM post_decisions WHERE publish_job_id = $1 AND reviewer_id IS NOT NULL', [
        postB.id,
      ]),
    ).toEqual([]);
  }, 120_000);

  it('[C-07] the portal opens the review only: its cookie and its link are refused by the operator API, and a decision needs its CSRF token', async () => {
    const page = await openPortal(link.url);
    const cookies = await page.context().cookies();
    expect(cookies.map((c) => c.name)).not.toContain(SESSION_COOKIE);
    const portal = cookies.find((c) => c.name === PORTAL_COOKIE)!;
    expect(portal).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/' });

    // The operator's GraphQL with the portal's cookie alone: not signed in.
    const viaPage = (await page.evaluate(GRAPHQL_FROM_PAGE)) as {
      body: { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    };
    expect(viaPage.body.data ?? null).toBeNull();
    expect(viaPage.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // The link's token, or the portal session's, presented as an operator's credentials: refused alike.
    const credentials: Record<string, string>[] = [
      { authorization: `Bearer ${link.token}` },
      { authorization: `Bearer ${portal.value}` },
      { cookie: `${SESSION_COOKIE}=${portal.value}` },
    ];
    for (const headers of credentials) {
      const res = await fetch(`${stack.apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ clients { id name } }' }),
      });
      const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    // Nor does an operator's session open the portal.
    const operator = await freshPage();
    await signInThroughUi(operator, t.emails.admin);
    expect(await operator.evaluate(PORTAL_ME_FROM_PAGE)).toBe(401);

    // A decision without the session's CSRF token changes nothing (C-07).
    const own = await displayedChecksum(stack, t.users.approver, waiting.id);
    const noCsrf = (await page.evaluate(decisionInPage(waiting.id, own, false))) as {
      status: number;
      body: { error?: { code?: string } };
    };
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error?.code).toBe('CSRF_REQUIRED');

    // The portal's page ships none of the operator's app: no GraphQL client in any of its scripts.
    const html = await (await fetch(`${stack.apiUrl}/portal/`)).text();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(await (await fetch(`${stack.apiUrl}${s}`)).text()).not.toContain('/graphql');
    const admin = await (await fetch(`${stack.apiUrl}/`)).text();
    const adminMain = /src="(\/assets\/[^"]+\.js)"/.exec(admin)![1];
    expect(await (await fetch(`${stack.apiUrl}${adminMain}`)).text()).toContain('/graphql');
  }, 90_000);

  it('the portal passes axe-core in its list, comment form, calendar and refusal pages', async () => {
    const page = await openPortal(link.url, { bypassCSP: true });
    await card(page, waiting).getByRole('button', { name: 'Request changes' }).click();
    await card(page, waiting).getByLabel('What should change?').waitFor();
    expect(await axe(page)).toEqual([]);
    await page.getByRole('button', { name: 'Calendar', exact: true }).click();
    await page.getByTestId('portal-calendar').locator(`button[data-post="${approve.id}"]`).click();
    await card(page, approve).waitFor();
    expect(await axe(page)).toEqual([]);
    const refused = await freshPage({ bypassCSP: true });
    await refused.goto(`${stack.apiUrl}/portal/#rzr_${'x'.repeat(43)}`);
    await refused.getByTestId('portal-refused').waitFor();
    expect(await axe(refused)).toEqual([]);
  }, 90_000);

  it("the operator's screens: reviewers, a batch link shown once and revoked, approval stages per platform; axe-clean", async () => {
    const page = await freshPage({ bypassCSP: true });
    await signInThroughUi(page, t.emails.approver);
    await page.goto(`/c/${t.clientId}/calendar`);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Client review' }).click();
    await page.getByRole('heading', { level: 1, name: 'Client review' }).waitFor();
    await page.locator(`tr[data-reviewer="${reviewerId}"]`).waitFor();

    const reviewers = page.getByRole('form', { name: 'Add a reviewer' });
    await reviewers.getByLabel('Name').fill('Sam Second');
    await reviewers.getByLabel('Email').fill('sam@harbour.example');
    await reviewers.getByRole('button', { name: 'Add reviewer' }).click();
    const sam = page.getByTestId('client-reviewers').getByRole('row', { name: /Sam Second/ });
    await sam.waitFor();

    await page.getByRole('combobox', { name: /^Reviewer/ }).selectOption({ label: 'Sam Second (sam@harbour.example)' });
    await page.getByRole('radio', { name: 'Only the posts I choose' }).check();
    await page.getByTestId('batch-picker').locator(`input[data-post="${waiting.id}"]`).check();
    await page.getByLabel('Expires after (days, 1–90)').fill('7');
    await page.getByRole('button', { name: 'Create review link' }).click();
    const url = (await page.getByTestId('review-link-url').innerText()).trim();
    expect(url).toMatch(new RegExp(`^${stack.apiUrl}/portal/#rzr_[A-Za-z0-9_-]{43}$`));
    expect(await axe(page)).toEqual([]);
    await screenshot(page, 'client-review');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.getByTestId('review-link-url').count()).toBe(0);
    const row = page.locator('tr[data-review-link]', { hasText: 'Sam Second' });
    await page.locator('tr[data-review-link][data-status="active"]', { hasText: 'Sam Second' }).waitFor();
    expect(await row.innerText()).toContain('1 chosen post');

    // The batch link shows its one post only.
    const batch = await openPortal(url);
    await card(batch, waiting).waitFor();
    expect(await batch.locator('article[data-post]').count()).toBe(1);

    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke the link' }).click();
    await page.locator('tr[data-review-link][data-status="revoked"]', { hasText: 'Sam Second' }).waitFor();
    await sam.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Disable the reviewer' }).click();
    await sam.getByText('Disabled').waitFor();

    // The policy screen: an Admin sees the sandbox's client stage and sets the agency's stage for replies.
    const admin = await freshPage({ bypassCSP: true });
    await signInThroughUi(admin, t.emails.admin);
    await admin.goto(`/c/${t.clientId}/policy`);
    const onSandbox = admin.getByLabel('Publish on Sandbox', { exact: true });
    await admin.getByTestId('approval-stages').waitFor();
    expect(await onSandbox.inputValue()).toBe('internal_then_client');
    await admin.getByLabel('Reply: default').selectOption('internal');
    await admin.getByRole('button', { name: 'Save approval stages' }).click();
    await admin.getByText('Approval stages saved').waitFor();
    expect(await axe(admin)).toEqual([]);
    const saved = await gqlOk<{
      policySettings: { approvalStages: { action: string; platform: string; stage: string }[] };
    }>(
      stack,
      t.users.admin,
      'query($c: ID!) { policySettings(clientId: $c) { approvalStages { action platform stage } } }',
      { c: t.clientId },
    );
    expect(saved.policySettings.approvalStages).toEqual(
      expect.arrayContaining([
        { action: 'publish', platform: 'sandbox', stage: 'internal_then_client' },
        { action: 'reply', platform: 'default', stage: 'internal' },
      ]),
    );
    expect(saved.policySettings.approvalStages).toHaveLength(2);
  }, 120_000);
});
