import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningMailCatcher } from '../../../services/mailcatcher/mail-catcher.server';
import { startMailCatcher } from '../../../services/mailcatcher/mail-catcher.server';
import { MailCatcherClient } from '../../../services/mailcatcher/mail-catcher.client';
import { connectSandboxAccount } from '../../factories/connect-account';
import {
  approvePost,
  createAsset,
  getPost,
  hasStatus,
  sandboxPostsBy,
  schedulePost,
  waitForPost,
} from '../../factories/posts';
import {
  addReviewer,
  createReviewLink,
  portalBrowser,
  portalPosts,
  tokenOf,
  type PortalBrowser,
} from '../../factories/portal';
import { seedTenant, setPolicy } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';

const CLIENT_STAGES = { publish: { default: 'internal_then_client' } } as never;
const NOT_VALID = 'this review link does not work any more; ask the agency for a new one';

/**
 * The client review portal against the real API, Temporal worker, Postgres, OPA wasm and the sandbox (issue #14):
 * a client reviewer's decisions are approvals and rejections in the publishing episode, and a link opens review of
 * one client's waiting posts and nothing else.
 */
describe('client review portal (real API, Temporal, Postgres, OPA wasm, sandbox, mail catcher)', () => {
  let stack: TestStack;
  let mail: RunningMailCatcher;
  let inbox: MailCatcherClient;
  beforeAll(async () => {
    mail = await startMailCatcher({ dir: mkdtempSync(join(tmpdir(), 'raize-portal-mail-')) });
    inbox = new MailCatcherClient(mail.url);
    stack = await startTestStack({
      withWorker: true,
      env: { RAIZE_SMTP_URL: mail.smtpUrl, RAIZE_MAIL_FROM: 'Raize test <noreply@raize.test>' },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await mail?.close();
  });

  /** A client whose posts need the agency's approval, then the client's; one connected account; one reviewer. */
  async function clientWithStages() {
    const t = await seedTenant(stack.ds);
    await setPolicy(stack.ds, t.clientId, { approvalStages: CLIENT_STAGES });
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const reviewer = await addReviewer(stack, t.users.author, t.clientId);
    return { t, acc, reviewer };
  }

  async function agencyApprovedPost(c: Awaited<ReturnType<typeof clientWithStages>>, text: string, inSeconds = 3600) {
    const asset = await createAsset(stack, c.t.users.author, c.t.clientId, text);
    const post = await schedulePost(stack, c.t.users.author, {
      clientId: c.t.clientId,
      platformAccountId: c.acc.accountId,
      assetId: asset.id,
      inSeconds,
    });
    const approved = await approvePost(stack, c.t.users.approver, post.id);
    expect(approved.errors).toBeUndefined();
    return { asset, post };
  }

  async function openedPortal(url: string): Promise<PortalBrowser> {
    const b = portalBrowser(stack);
    const r = await b.call('POST', 'open', { token: tokenOf(url) });
    expect(r).toMatchObject({ status: 200, body: { needsCode: false } });
    expect(r.setCookie).toMatch(/__Host-raize_portal=rzp_[^;]+;.*HttpOnly/i);
    expect(r.setCookie).toMatch(/SameSite=Strict/i);
    return b;
  }

  const decide = (b: PortalBrowser, postId: string, body: Record<string, unknown>) =>
    b.call('POST', `posts/${postId}/decision`, body);

  /** The operator's view of a post's client review (flat fields of Post). */
  const clientReview = async (actorId: string, postId: string) => {
    const r = await stack.gql<{
      post: {
        approvalStage: string;
        clientReviewState: string;
        clientDecisions: { kind: string; reviewerName: string; comment: string | null }[];
        approvals: { role: string }[];
      };
    }>(
      actorId,
      'query($id: ID!) { post(id: $id) { approvals { role } approvalStage clientReviewState clientDecisions { kind reviewerName comment } } }',
      { id: postId },
    );
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    const p = r.data.post;
    return {
      approvals: p.approvals,
      clientReview: { stage: p.approvalStage, state: p.clientReviewState, decisions: p.clientDecisions },
    };
  };

  it('[C-21] a post whose client requires its approval goes out only after the client reviewer approves it', async () => {
    const c = await clientWithStages();
    const { post } = await agencyApprovedPost(c, 'Spring menu, approved by the agency first', 4);
    // The slot passes with the agency's approval alone: the policy holds it for the client.
    await waitForPost(stack, c.t.users.author, post.id, (p) =>
      p.reasons.some((r) => r.code === 'client_approval_required'),
    );
    expect(await sandboxPostsBy(stack, c.acc.sandboxUserId)).toEqual([]);
    expect((await clientReview(c.t.users.author, post.id)).clientReview).toMatchObject({
      stage: 'internal_then_client',
      state: 'waiting_client',
    });

    const link = await createReviewLink(stack, c.t.users.author, { clientId: c.t.clientId, reviewerId: c.reviewer.id });
    expect(link.url).toMatch(/\/portal\/#rzr_[A-Za-z0-9_-]{43}$/);
    const b = await openedPortal(link.url);
    const [shown] = await portalPosts(b);
    expect(shown).toMatchObject({ id: post.id, state: 'waiting_client', canDecide: true });
    const approved = await decide(b, post.id, { kind: 'approve', checksum: shown.checksum });
    expect(approved.status).toBe(200);

    await waitForPost(stack, c.t.users.author, post.id, hasStatus('verified'));
    expect((await sandboxPostsBy(stack, c.acc.sandboxUserId)).map((p) => p.text)).toEqual([
      'Spring menu, approved by the agency first',
    ]);
    const seen = await clientReview(c.t.users.author, post.id);
    expect(seen.approvals.map((a) => a.role).sort()).toEqual(['ClientReviewer', 'Manager']);
    expect(seen.clientReview.decisions).toEqual([{ kind: 'approve', reviewerName: 'Rita Reviewer', comment: null }]);
    const [audit] = await stack.ds.query<{ actor: string; data: { reviewLinkId: string } }[]>(
      `SELECT actor, data FROM audit_events WHERE subject_id = $1 AND action = 'portal.decision'`,
      [post.id],
    );
    expect(audit.actor).toBe(`reviewer:${c.reviewer.id}`);
    expect(audit.data).toMatchObject({ kind: 'approve', reviewLinkId: link.link.id });
  });

  it('[C-23] an edit after both approvals sends the post back to the first stage', async () => {
    const c = await clientWithStages();
    const { asset, post } = await agencyApprovedPost(c, 'Opening hours for the holidays');
    const link = await createReviewLink(stack, c.t.users.author, { clientId: c.t.clientId, reviewerId: c.reviewer.id });
    const b = await openedPortal(link.url);
    const [before] = await portalPosts(b);
    expect((await decide(b, post.id, { kind: 'approve', checksum: before.checksum })).status).toBe(200);
    expect((await clientReview(c.t.users.author, post.id)).clientReview.state).toBe('approved');

    const edited = await stack.gql(
      c.t.users.author,
      'mutation($i: UpdateAssetTextInput!) { updateAssetText(input: $i) { checksum } }',
      { i: { assetId: asset.id, clientId: c.t.clientId, text: 'Opening hours for the holidays (updated)' } },
    );
    expect(edited.errors).toBeUndefined();
    expect((await clientReview(c.t.users.author, post.id)).clientReview.state).toBe('waiting_internal');
    // Until the agency approves the new text, the client has nothing to decide, and an approval of the old text fails.
    expect(await portalPosts(b)).toEqual([]);
    const stale = await decide(b, post.id, { kind: 'approve', checksum: before.checksum });
    expect(stale).toMatchObject({
      status: 409,
      body: { error: { message: 'refused: this post is not waiting for the client’s review' } },
    });

    expect((await approvePost(stack, c.t.users.approver, post.id)).errors).toBeUndefined();
    const [again] = await portalPosts(b);
    expect(again).toMatchObject({
      state: 'waiting_client',
      canDecide: true,
      text: 'Opening hours for the holidays (updated)',
    });
    const oldText = await decide(b, post.id, { kind: 'approve', checksum: before.checksum });
    expect(oldText).toMatchObject({
      status: 409,
      body: { error: { message: 'the text changed while you were reading; review it again' } },
    });
  });

  it('a rejection with a comment ends the post and the operator sees who said what', async () => {
    const c = await clientWithStages();
    const { post } = await agencyApprovedPost(c, 'A joke the client may not like');
    const b = await openedPortal(
      (await createReviewLink(stack, c.t.users.author, { clientId: c.t.clientId, reviewerId: c.reviewer.id })).url,
    );
    const [shown] = await portalPosts(b);
    const noComment = await decide(b, post.id, { kind: 'reject', checksum: shown.checksum });
    expect(noComment).toMatchObject({ status: 400, body: { error: { code: 'BAD_USER_INPUT' } } });
    const rejected = await decide(b, post.id, {
      kind: 'reject',
      checksum: shown.checksum,
      comment: 'Not our tone, please drop it',
    });
    expect(rejected.status).toBe(200);
    await waitForPost(stack, c.t.users.author, post.id, hasStatus('rejected'));
    expect((await clientReview(c.t.users.author, post.id)).clientReview).toMatchObject({
      state: 'rejected',
      decisions: [{ kind: 'reject', reviewerName: 'Rita Reviewer', comment: 'Not our tone, please drop it' }],
    });
    expect(await sandboxPostsBy(stack, c.acc.sandboxUserId)).toEqual([]);
  });

  it('a hold keeps an approved post back at its slot until the client approves again', async () => {
    const c = await clientWithStages();
    const { post } = await agencyApprovedPost(c, 'Flash sale, all day', 6);
    const b = await openedPortal(
      (await createReviewLink(stack, c.t.users.author, { clientId: c.t.clientId, reviewerId: c.reviewer.id })).url,
    );
    const [shown] = await portalPosts(b);
    expect((await decide(b, post.id, { kind: 'approve', checksum: shown.checksum })).status).toBe(200);
    expect((await decide(b, post.id, { kind: 'hold', checksum: shown.checksum })).status).toBe(200);
    await waitForPost(stack, c.t.users.author, post.id, (p) => p.reasons.some((r) => r.code === 'client_hold'));
    expect(await sandboxPostsBy(stack, c.acc.sandboxUserId)).toEqual([]);

    expect((await decide(b, post.id, { kind: 'approve', checksum: shown.checksum })).status).toBe(200);
    await waitForPost(stack, c.t.users.author, post.id, hasStatus('verified'));
    expect(await sandboxPostsBy(stack, c.acc.sandboxUserId)).toHaveLength(1);
  });

  it('a change request holds the post until an edit; the client cannot cancel or reschedule', async () => {
    const c = await clientWithStages();
    const { post } = await agencyApprovedPost(c, 'Our new store opens Friday');
    const b = await openedPortal(
      (await createReviewLink(stack, c.t.users.author, { clientId: c.t.clientId, reviewerId: c.reviewer.id })).url,
    );
    const [shown] = await portalPosts(b);
    expect(
      (await decide(b, post.id, { kind: 'request_changes', checksum: shown.checksum, comment: 'It opens Saturday' }))
        .status,
    ).toBe(200);
    const [after] = await portalPosts(b);
    expect(after).toMatchObject({
      state: 'changes_requested',
      decisions: [{ kind: 'request_changes', comment: 'It opens Saturday', byYou: true }],
    });
    for (const kind of ['cancel', 'reschedule'])
      expect((await decide(b, post.id, { kind, checksum: shown.checksum })).status).toBe(400);
  });

  it('[C-02] a link opens one client’s waiting posts only: another client’s post and a post outside a batch are not found', async () => {
    const a = await clientWithStages();
    const bClient = await clientWithStages();
    const first = await agencyApprovedPost(a, 'A first');
    const second = await agencyApprovedPost(a, 'A second');
    const theirs = await agencyApprovedPost(bClient, 'B only');
    const batch = await createReviewLink(stack, a.t.users.author, {
      clientId: a.t.clientId,
      reviewerId: a.reviewer.id,
      postIds: [first.post.id],
    });
    const b = await openedPortal(batch.url);
    expect((await portalPosts(b)).map((p) => p.id)).toEqual([first.post.id]);
    const checksum = (await portalPosts(b))[0].checksum;
    for (const other of [second.post.id, theirs.post.id]) {
      const r = await decide(b, other, { kind: 'approve', checksum });
      expect(r).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
    }
    // An operator cannot make a link for another client's reviewer or batch another client's posts either.
    const cross = await stack.gql(
      a.t.users.author,
      'mutation($i: CreateReviewLinkInput!) { createReviewLink(input: $i) { url } }',
      { i: { clientId: a.t.clientId, reviewerId: bClient.reviewer.id } },
    );
    expect(cross.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const crossBatch = await stack.gql(
      a.t.users.author,
      'mutation($i: CreateReviewLinkInput!) { createReviewLink(input: $i) { url } }',
      { i: { clientId: a.t.clientId, reviewerId: a.reviewer.id, postIds: [theirs.post.id] } },
    );
    expect(crossBatch.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await getPost(stack, bClient.t.users.author, theirs.post.id)).approvals).toHaveLength(1);
  });

  it('expired, revoked and unknown links get one answer; revoking or disabling stops an open page at its next request', async () => {
    const c = await clientWithStages();
    await agencyApprovedPost(c, 'Anything');
    const expired = await createReviewLink(stack, c.t.users.author, {
      clientId: c.t.clientId,
      reviewerId: c.reviewer.id,
    });
    await stack.ds.query(`UPDATE review_links SET expires_at = now() - interval '1 minute' WHERE id = $1`, [
      expired.link.id,
    ]);
    const revoked = await createReviewLink(stack, c.t.users.author, {
      clientId: c.t.clientId,
      reviewerId: c.reviewer.id,
    });
    const open = await createReviewLink(stack, c.t.users.author, { clientId: c.t.clientId, reviewerId: c.reviewer.id });
    const b = await openedPortal(open.url);
    const r = await stack.gql(
      c.t.users.author,
      'mutation($i: ReviewLinkRefInput!) { revokeReviewLink(input: $i) { status } }',
      {
        i: { clientId: c.t.clientId, linkId: revoked.link.id },
      },
    );
    expect(r.data).toEqual({ revokeReviewLink: { status: 'revoked' } });
    const unknown = `rzr_${'A'.repeat(43)}`;
    for (const token of [tokenOf(expired.url), tokenOf(revoked.url), unknown, 'not-a-token']) {
      const answer = await portalBrowser(stack).call('POST', 'open', { token });
      expect(answer).toMatchObject({ status: 403, body: { error: { message: NOT_VALID } } });
      expect(answer.setCookie).toBeNull();
    }
    const refused = await stack.ds.query<{ reason: string }[]>(
      `SELECT data->>'reason' AS reason FROM audit_events WHERE action = 'review_link.refused' AND subject_id = ANY($1) ORDER BY seq`,
      [[expired.link.id, revoked.link.id]],
    );
    expect(refused.map((x) => x.reason)).toEqual(['expired', 'revoked']);

    expect((await b.call('GET', 'posts')).status).toBe(200);
    await stack.gql(c.t.users.author, 'mutation($i: ReviewLinkRefInput!) { revokeReviewLink(input: $i) { status } }', {
      i: { clientId: c.t.clientId, linkId: open.link.id },
    });
    expect((await b.call('GET', 'posts')).status).toBe(401);

    const again = await openedPortal(
      (await createReviewLink(stack, c.t.users.author, { clientId: c.t.clientId, reviewerId: c.reviewer.id })).url,
    );
    await stack.gql(
      c.t.users.author,
      'mutation($i: ClientReviewerRefInput!) { disableClientReviewer(input: $i) { id } }',
      {
        i: { clientId: c.t.clientId, reviewerId: c.reviewer.id },
      },
    );
    expect((await again.call('GET', 'me')).status).toBe(401);
  });

  it('[C-07] a portal session is for review only: no GraphQL with its cookie or the link token, no change without its CSRF token', async () => {
    const c = await clientWithStages();
    const { post } = await agencyApprovedPost(c, 'Review only');
    const link = await createReviewLink(stack, c.t.users.author, { clientId: c.t.clientId, reviewerId: c.reviewer.id });
    const b = await openedPortal(link.url);
    const graphql = (headers: Record<string, string>) =>
      fetch(`${stack.apiUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ clients { id name } }' }),
      }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as { errors?: { extensions?: { code?: string } }[] },
      }));
    const byCookie = await graphql({ cookie: b.cookie! });
    expect(byCookie.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const byToken = await graphql({ authorization: `Bearer ${tokenOf(link.url)}` });
    expect(byToken.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    const [shown] = await portalPosts(b);
    const noCsrf = await b.call(
      'POST',
      `posts/${post.id}/decision`,
      { kind: 'approve', checksum: shown.checksum },
      { 'x-csrf-token': 'forged' },
    );
    expect(noCsrf).toMatchObject({ status: 403, body: { error: { code: 'CSRF_REQUIRED' } } });
    // Without a portal cookie (an operator's browser), the portal answers nothing.
    const operatorOnly = portalBrowser(stack);
    expect((await operatorOnly.call('GET', 'posts')).status).toBe(401);
    expect((await clientReview(c.t.users.author, post.id)).clientReview.decisions).toEqual([]);
  });

  it('a link that asks for a code mails a one-time code; wrong codes are counted and a spent code is refused', async () => {
    const c = await clientWithStages();
    await agencyApprovedPost(c, 'Coded');
    const link = await createReviewLink(stack, c.t.users.author, {
      clientId: c.t.clientId,
      reviewerId: c.reviewer.id,
      requireCode: true,
      sendEmail: true,
    });
    expect(link.emailed).toBe(true);
    const sent = await inbox.waitFor(
      (m) => m.to.includes(c.reviewer.email) && m.subject.includes('waiting for your review'),
    );
    expect(sent.text).toContain(link.url);

    const b = portalBrowser(stack);
    const opened = await b.call('POST', 'open', { token: tokenOf(link.url) });
    expect(opened).toMatchObject({ status: 200, body: { needsCode: true } });
    expect(opened.body.emailHint).toMatch(/^r•••@client\.example$/);
    expect(opened.setCookie).toBeNull();
    const codeMail = await inbox.waitFor((m) => m.to.includes(c.reviewer.email) && m.subject.includes('review code'));
    const code = /: (\d{6})$/.exec(codeMail.subject)![1];
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await b.call('POST', 'code', { token: tokenOf(link.url), code: wrong })).toMatchObject({ status: 403 });
    const right = await b.call('POST', 'code', { token: tokenOf(link.url), code });
    expect(right).toMatchObject({ status: 200, body: { needsCode: false } });
    expect((await b.call('GET', 'posts')).status).toBe(200);
    // Used once: the same code does not open a second session.
    expect((await portalBrowser(stack).call('POST', 'code', { token: tokenOf(link.url), code })).status).toBe(403);
    const [{ attempts }] = await stack.ds.query<{ attempts: number }[]>(
      'SELECT attempts FROM review_link_codes WHERE link_id = $1',
      [link.link.id],
    );
    expect(attempts).toBe(2);
  });
});
