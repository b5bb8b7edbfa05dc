import { PlatformAccount } from '../../services/core/database/entities';
import type { PublishStatusView } from '../../workflows/contracts/publish.contract';
import { approveSignal } from '../../workflows/contracts/publish.contract';
import { connectSandboxAccount } from '../factories/connect-account';
import {
  createAsset,
  getPost,
  hasStatus,
  postAttempts,
  postMutation,
  proofOf,
  sandboxPostsBy,
  schedulePost,
  waitForPost,
} from '../factories/posts';
import { seedTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { temporalClient } from '../harness/test-env';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };

describe('the publishing episode, end to end (real Temporal, Postgres, OPA wasm, sandbox)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true, connectorTimeoutMs: 1500 });
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.sandboxAdmin.clearFaults();
    await stack.sandboxAdmin.setFlags({ ignoreIdempotencyKey: false, duplicateWebhooks: false });
    await stack.sandboxAdmin.clearSwaps();
    await stack.sandboxAdmin.clearRequests();
  });

  async function tenantWithAccount(settings: Parameters<typeof seedTenant>[1] = {}) {
    const t = await seedTenant(stack.ds, settings);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    return { t, acc };
  }

  it('publishes an approved post at its slot, verifies it, and records proof and a valid audit chain', async () => {
    const { t, acc } = await tenantWithAccount();
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Hello from Raize — launch day');
    const scheduled = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 3,
    });
    const waiting = await waitForPost(
      stack,
      t.users.author,
      scheduled.id,
      (p) => p.workflowStatus === 'awaiting_approval' || p.status === 'awaiting_approval',
    );
    expect(waiting.url).toBeNull();
    const approved = await postMutation(stack, t.users.approver, 'approvePost', scheduled.id);
    expect(approved.errors).toBeUndefined();
    const done = await waitForPost(
      stack,
      t.users.author,
      scheduled.id,
      hasStatus('verified', 'unverified', 'failed', 'denied'),
    );
    expect(done.status).toBe('verified');
    const posts = await sandboxPostsBy(stack, acc.sandboxUserId);
    expect(posts).toHaveLength(1);
    expect(posts[0].text).toBe('Hello from Raize — launch day');
    expect(done.url).toBe(posts[0].url);
    expect(JSON.parse(done.proof!)).toMatchObject({
      readBack: { postId: posts[0].id, authorExternalId: acc.sandboxUserId },
    });
    const audit = await stack.gql<{ auditEvents: { action: string; actor: string }[] }>(
      t.users.analyst,
      'query($p: ID!) { auditEvents(postId: $p) { action actor } }',
      { p: scheduled.id },
    );
    const actions = audit.data!.auditEvents.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['post.scheduled', 'approval.granted', 'post.published', 'post.verified']),
    );
    expect(actions.indexOf('approval.granted')).toBeLessThan(actions.indexOf('post.published'));
    const chain = await stack.gql<{ verifyAuditChain: { ok: boolean; count: number } }>(
      t.users.analyst,
      'query($c: ID!) { verifyAuditChain(clientId: $c) { ok count } }',
      { c: t.clientId },
    );
    expect(chain.data!.verifyAuditChain.ok).toBe(true);
    expect(chain.data!.verifyAuditChain.count).toBeGreaterThan(5);
  });

  it('[C-21] refuses approval by a role that may not approve, and self-approval under four eyes, at the API and in the workflow', async () => {
    const { t, acc } = await tenantWithAccount();
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Four eyes please');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 1,
    });
    await waitForPost(stack, t.users.author, post.id, (p) => p.status === 'awaiting_approval');
    const analyst = await postMutation(stack, t.users.analyst, 'approvePost', post.id);
    expect(analyst.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const self = await postMutation(stack, t.users.author, 'approvePost', post.id);
    expect(self.errors?.[0].message).toMatch(/four eyes/);
    // Signals sent straight to Temporal, bypassing the API, naming an approver: claims, not decisions. The
    // workflow acts only on references to decisions the API recorded (test/integration/approvals.test.ts).
    const { client, close } = await temporalClient();
    try {
      const h = client.workflow.getHandle(post.workflowId);
      await h.signal(approveSignal, { approverId: t.users.analyst, assetChecksum: asset.checksum });
      await h.signal(approveSignal, { approverId: t.users.reviewer, assetChecksum: asset.checksum });
      await new Promise((r) => setTimeout(r, 1500));
      const view = await h.query<PublishStatusView>('status');
      expect(view.status).toBe('awaiting_approval');
      expect(view.approvals).toEqual([]);
      expect(view.refusedDecisions.map((r) => r.reason)).toEqual([
        expect.stringMatching(/not a reference to a recorded decision/),
        expect.stringMatching(/not a reference to a recorded decision/),
      ]);
      // A Reviewer may approve someone else's post.
      expect((await postMutation(stack, t.users.reviewer, 'approvePost', post.id)).errors).toBeUndefined();
      await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));
      expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toHaveLength(1);
    } finally {
      await close();
    }
  });

  it('[C-22] duplicate approve signals make one approval and one post', async () => {
    const { t, acc } = await tenantWithAccount();
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Only once');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 2,
    });
    await waitForPost(stack, t.users.author, post.id, (p) => p.status === 'awaiting_approval');
    await Promise.all([1, 2, 3].map(() => postMutation(stack, t.users.approver, 'approvePost', post.id)));
    const done = await waitForPost(stack, t.users.author, post.id, hasStatus('verified', 'unverified'));
    expect(done.approvals).toHaveLength(1);
    expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toHaveLength(1);
  });

  it('[C-22] with the platform ignoring Idempotency-Key and the first attempt timing out after the post was created, the retry reconciles by fingerprint', async () => {
    const { t, acc } = await tenantWithAccount(AUTONOMOUS);
    await stack.sandboxAdmin.setFlags({ ignoreIdempotencyKey: true });
    await stack.sandboxAdmin.setFaults([
      { match: { method: 'POST', path: '/posts' }, afterHandlerDelayMs: 4000, times: 1 },
    ]);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Timeout after create');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 0,
    });
    const done = await waitForPost(stack, t.users.author, post.id, hasStatus('verified', 'unverified', 'failed'));
    expect(done.status).toBe('verified');
    expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toHaveLength(1);
    expect(await postAttempts(stack)).toBe(1);
    expect(proofOf(done).reconciled).toBe(true);
  });

  it('[C-18] a deny sends nothing and ends in a clear terminal state; [C-25] with a cap of two, two posts go out and the third is denied with the cap reason', async () => {
    const { t, acc } = await tenantWithAccount({
      ...AUTONOMOUS,
      caps: [{ action: 'publish', scope: 'account', max_per_day: 2 }],
    });
    const publish = async (text: string) => {
      const asset = await createAsset(stack, t.users.author, t.clientId, text);
      const post = await schedulePost(stack, t.users.author, {
        clientId: t.clientId,
        platformAccountId: acc.accountId,
        assetId: asset.id,
        inSeconds: 0,
      });
      return waitForPost(stack, t.users.author, post.id, hasStatus('denied', 'verified', 'unverified', 'failed'));
    };
    // One after the other, so each decision counts the posts that really went out before it.
    const first = await publish('Under the cap, one');
    const second = await publish('Under the cap, two');
    expect([first.status, second.status]).toEqual(['verified', 'verified']);
    expect(await postAttempts(stack)).toBe(2);
    const third = await publish('Over the cap');
    expect(third.status).toBe('denied');
    expect(third.reasons.map((r) => r.code)).toContain('cap_reached');
    expect(await postAttempts(stack)).toBe(2);
    expect((await sandboxPostsBy(stack, acc.sandboxUserId)).map((p) => p.text).sort()).toEqual([
      'Under the cap, one',
      'Under the cap, two',
    ]);
  });

  it('[C-18] a policy engine failure (a thrown string) sends nothing and pauses the post', async () => {
    const { t, acc } = await tenantWithAccount(AUTONOMOUS);
    const real = stack.deps!.policy;
    const { PolicyEngine } = await import('../../services/core/policy/policy-engine');
    stack.deps!.policy = PolicyEngine.fromEvaluator(() => {
      throw 'wasm trap: unreachable';
    });
    try {
      const asset = await createAsset(stack, t.users.author, t.clientId, 'Engine down');
      const post = await schedulePost(stack, t.users.author, {
        clientId: t.clientId,
        platformAccountId: acc.accountId,
        assetId: asset.id,
        inSeconds: 0,
      });
      const paused = await waitForPost(stack, t.users.author, post.id, hasStatus('paused', 'verified', 'denied'));
      expect(paused.status).toBe('paused');
      expect(paused.reasons.map((r) => r.code)).toContain('engine_error');
      expect(await postAttempts(stack)).toBe(0);
      stack.deps!.policy = real;
      await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));
    } finally {
      stack.deps!.policy = real;
    }
  });

  it('[C-19] when the token resolves to another identity nothing is sent, the account is quarantined and audited', async () => {
    const { t, acc } = await tenantWithAccount(AUTONOMOUS);
    const intruder = await stack.sandboxAdmin.createUser({
      username: `intruder_${Date.now()}`,
      password: 'x-password-1',
    });
    await stack.sandboxAdmin.swapIdentity({ fromUserId: acc.sandboxUserId, toUserId: intruder.id });
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Wrong account?');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 0,
    });
    const done = await waitForPost(stack, t.users.author, post.id, hasStatus('quarantined', 'verified', 'failed'));
    expect(done.status).toBe('quarantined');
    expect(await postAttempts(stack)).toBe(0);
    expect(
      (await stack.sandboxAdmin.listPosts()).filter(
        (p) => p.authorId === intruder.id || p.authorId === acc.sandboxUserId,
      ),
    ).toHaveLength(0);
    const account = await stack.ds.getRepository(PlatformAccount).findOneOrFail({ where: { id: acc.accountId } });
    expect(account.status).toBe('quarantined');
    const events: { action: string }[] = await stack.ds.query(`SELECT action FROM audit_events WHERE subject_id = $1`, [
      acc.accountId,
    ]);
    expect(events.map((e) => e.action)).toContain('account.quarantined');
  });

  it('[C-20] a kill switch flipped while the workflow waits stops the post; releasing it resumes', async () => {
    const { t, acc } = await tenantWithAccount(AUTONOMOUS);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Paused, not lost');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 3,
    });
    const q = 'mutation($i: SetKillSwitchInput!) { setKillSwitch(input: $i) { engaged stops } }';
    const on = await stack.gql<{ setKillSwitch: { engaged: boolean; stops: string } }>(t.users.admin, q, {
      i: { scope: 'client', scopeId: t.clientId, engaged: true, reason: 'brand crisis' },
    });
    expect(on.data?.setKillSwitch.engaged).toBe(true);
    const paused = await waitForPost(stack, t.users.author, post.id, hasStatus('paused', 'verified'));
    expect(paused.status).toBe('paused');
    expect(paused.reasons.map((r) => r.code)).toEqual(['kill_switch']);
    await new Promise((r) => setTimeout(r, 2500));
    expect(await postAttempts(stack)).toBe(0);
    expect((await getPost(stack, t.users.author, post.id)).status).toBe('paused');
    await stack.gql(t.users.admin, q, { i: { scope: 'client', scopeId: t.clientId, engaged: false } });
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));
    expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toHaveLength(1);
  });

  it('[C-23] content changed after approval is not published without a new approval', async () => {
    const { t, acc } = await tenantWithAccount();
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Version one');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 3,
    });
    await waitForPost(stack, t.users.author, post.id, (p) => p.status === 'awaiting_approval');
    expect((await postMutation(stack, t.users.approver, 'approvePost', post.id)).errors).toBeUndefined();
    const edited = await stack.gql(
      t.users.author,
      'mutation($i: UpdateAssetTextInput!) { updateAssetText(input: $i) { checksum } }',
      { i: { assetId: asset.id, clientId: t.clientId, text: 'Version two, edited after approval' } },
    );
    expect(edited.errors).toBeUndefined();
    const held = await waitForPost(
      stack,
      t.users.author,
      post.id,
      (p) =>
        p.status === 'awaiting_approval' &&
        p.reasons.some((r) => r.code === 'approval_stale' || r.code === 'content_changed'),
      30_000,
    );
    expect(held.url).toBeNull();
    expect(await postAttempts(stack)).toBe(0);
    expect((await postMutation(stack, t.users.approver, 'approvePost', post.id)).errors).toBeUndefined();
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));
    const posts = await sandboxPostsBy(stack, acc.sandboxUserId);
    expect(posts.map((p) => p.text)).toEqual(['Version two, edited after approval']);
  });

  it('[C-24] a post that cannot be read back shows as unverified, never as success', async () => {
    const { t, acc } = await tenantWithAccount(AUTONOMOUS);
    await stack.sandboxAdmin.setFaults([{ match: { method: 'GET', path: '/posts/*' }, errorStatus: 503 }]);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Hard to see');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 0,
    });
    const done = await waitForPost(
      stack,
      t.users.author,
      post.id,
      (p) => ['verified', 'unverified', 'failed'].includes(p.status) && p.workflowStatus === null,
      60_000,
    );
    expect(done.status).toBe('unverified');
    expect(done.url).not.toBeNull();
    expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toHaveLength(1);
  });

  it('[C-52] a 429 with Retry-After is honoured before the next attempt', async () => {
    const { t, acc } = await tenantWithAccount(AUTONOMOUS);
    await stack.sandboxAdmin.setFaults([
      { match: { method: 'POST', path: '/posts' }, rateLimit: { count: 1, retryAfterSeconds: 4 } },
    ]);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Slow down');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 0,
    });
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));
    const attempts = (await stack.sandboxAdmin.listRequests()).filter(
      (r) => r.method === 'POST' && r.path === '/posts',
    );
    expect(attempts.map((a) => a.status)).toEqual([429, 201]);
    expect(Date.parse(attempts[1].at) - Date.parse(attempts[0].at)).toBeGreaterThanOrEqual(4000);
    expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toHaveLength(1);
  });

  it('a post whose slot passed beyond the lateness cutoff waits for a fresh approval, then goes out now', async () => {
    const { t, acc } = await tenantWithAccount({ ...AUTONOMOUS, latenessCutoffSeconds: 60 });
    const asset = await createAsset(stack, t.users.author, t.clientId, 'After the outage');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: -600,
    });
    const held = await waitForPost(stack, t.users.author, post.id, (p) => p.status === 'awaiting_approval');
    expect(held.reasons.map((r) => r.code)).toContain('late');
    expect(await postAttempts(stack)).toBe(0);
    expect((await postMutation(stack, t.users.approver, 'approvePost', post.id)).errors).toBeUndefined();
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'));
  });
});
