import { randomUUID } from 'node:crypto';
import { SideEffectLedgerRepository } from '../../services/core/repositories/side-effect-ledger.repository';
import { createConnectorReaders, connectorSettingsFrom } from '../../services/core/connectors/platform-registry';
import { contentFingerprint } from '../../services/core/connectors/content-fingerprint';
import { loadAppConfig } from '../../services/core/config/app-config';
import { findOurPost } from '../../activities/guard/kernel/reconcile.step';
import { createPublishActivities } from '../../activities/publish/publish.activities';
import type { PublishWorkflowInput } from '../../workflows/contracts/publish.contract';
import { connectSandboxAccount } from '../factories/connect-account';
import {
  approvePost,
  createAsset,
  getPost,
  hasStatus,
  postAttempts,
  proofOf,
  sandboxPostsBy,
  schedulePost,
  waitForPost,
} from '../factories/posts';
import { seedTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };
const TIMEOUT_MS = 3000;
const SETTLE_S = 8;

describe('the side-effect kernel (real Temporal, Postgres, OPA wasm, sandbox)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      withWorker: true,
      connectorTimeoutMs: TIMEOUT_MS,
      connectors: {
        sandbox: { settleSeconds: SETTLE_S, reconcileLooks: 2, pacing: { minSpacingSeconds: 0, jitterSeconds: 0 } },
      },
    });
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.sandboxAdmin.clearFaults();
    await stack.sandboxAdmin.setFlags({ ignoreIdempotencyKey: false, echoRequestKey: true });
    await stack.sandboxAdmin.clearRequests();
  });

  async function tenantWithAccount(settings: Parameters<typeof seedTenant>[1] = AUTONOMOUS) {
    const t = await seedTenant(stack.ds, settings);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    return { t, acc };
  }

  async function jobKey(postId: string): Promise<{ key: string; agencyId: string }> {
    const rows: { idempotency_key: string; agency_id: string }[] = await stack.ds.query(
      'SELECT idempotency_key, agency_id FROM publish_jobs WHERE id = $1',
      [postId],
    );
    return { key: rows[0]!.idempotency_key, agencyId: rows[0]!.agency_id };
  }

  it('[C-22] a slow platform gets one post: after a timeout the guard waits out the processing window before posting again', async () => {
    const { t, acc } = await tenantWithAccount();
    // The platform neither dedupes by Idempotency-Key nor echoes it: only the settle window stands between a
    // timed-out write that is still processing and a second post.
    await stack.sandboxAdmin.setFlags({ ignoreIdempotencyKey: true, echoRequestKey: false });
    await stack.sandboxAdmin.setFaults([
      { match: { method: 'POST', path: '/posts' }, beforeHandlerDelayMs: TIMEOUT_MS + 5000, times: 1 },
    ]);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Slow platform, one post');
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
      hasStatus('verified', 'unverified', 'failed'),
      60_000,
    );
    expect(done.status).toBe('verified');
    expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toHaveLength(1);
    expect(await postAttempts(stack)).toBe(1);
    expect(proofOf(done).reconciled).toBe(true);
  });

  it('[C-20] a kill switch engaged while the guard waits on the platform stops the call', async () => {
    const { t, acc } = await tenantWithAccount();
    await stack.sandboxAdmin.setFaults([{ match: { method: 'GET', path: '/me' }, latencyMs: 2000, times: 1 }]);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Stopped mid-flight');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 0,
    });
    // `publishing` is recorded in the guard's first transaction, right before the (slow) identity check.
    await waitForPost(stack, t.users.author, post.id, hasStatus('publishing', 'verified'), 20_000);
    const q = 'mutation($i: SetKillSwitchInput!) { setKillSwitch(input: $i) { engaged } }';
    const on = await stack.gql(t.users.admin, q, {
      i: { scope: 'account', scopeId: acc.accountId, engaged: true, reason: 'wrong campaign' },
    });
    expect(on.errors).toBeUndefined();
    const paused = await waitForPost(stack, t.users.author, post.id, hasStatus('paused', 'verified'), 20_000);
    expect(paused.status).toBe('paused');
    expect(paused.reasons.map((r) => r.code)).toEqual(['kill_switch']);
    expect(await postAttempts(stack)).toBe(0);
    await stack.gql(t.users.admin, q, { i: { scope: 'account', scopeId: acc.accountId, engaged: false } });
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'), 30_000);
  });

  it('[C-25] caps hold under concurrency: six posts due in the same second with a cap of two, exactly two go out', async () => {
    const { t, acc } = await tenantWithAccount({
      ...AUTONOMOUS,
      caps: [{ action: 'publish', scope: 'account', max_per_day: 2 }],
    });
    const posts = [];
    // One instant for all six: their timers fire together and the guard attempts race for the cap.
    const at = new Date(Date.now() + 5000);
    for (let i = 0; i < 6; i++) {
      const asset = await createAsset(stack, t.users.author, t.clientId, `Cap race ${i}`);
      posts.push(
        await schedulePost(stack, t.users.author, {
          clientId: t.clientId,
          platformAccountId: acc.accountId,
          assetId: asset.id,
          inSeconds: 5,
          at,
        }),
      );
    }
    const done = await Promise.all(
      posts.map((p) =>
        waitForPost(stack, t.users.author, p.id, hasStatus('verified', 'unverified', 'denied', 'failed'), 60_000),
      ),
    );
    expect(done.filter((p) => p.status === 'verified')).toHaveLength(2);
    const denied = done.filter((p) => p.status === 'denied');
    expect(denied).toHaveLength(4);
    for (const d of denied) expect(d.reasons.map((r) => r.code)).toContain('cap_reached');
    expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toHaveLength(2);
  });

  it('[C-05] an idempotency key held by another tenant is refused at once, not retried twelve times', async () => {
    const { t, acc } = await tenantWithAccount();
    const other = await tenantWithAccount();
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Someone else holds my key');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 3,
    });
    const { key } = await jobKey(post.id);
    await stack.ds.query(
      `INSERT INTO side_effect_ledger (idempotency_key, agency_id, client_id, platform_account_id, action, state, attempts, content_fingerprint)
       VALUES ($1, $2, $3, $4, 'publish', 'attempting', 1, 'x')`,
      [key, other.t.agencyId, other.t.clientId, other.acc.accountId],
    );
    const started = Date.now();
    const done = await waitForPost(stack, t.users.author, post.id, hasStatus('failed', 'verified'), 30_000);
    expect(done.status).toBe('failed');
    expect(done.reasons.map((r) => r.code)).toEqual(['tenant_refused_key']);
    // Retried with backoff (2 s, 4 s, 8 s, …) this would take minutes; refused, it ends at the first attempt.
    expect(Date.now() - started).toBeLessThan(12_000);
    expect(await postAttempts(stack)).toBe(0);
  });

  it("[C-22] an attempt inside another attempt's live lease does not call the platform until the lease ends", async () => {
    const { t, acc } = await tenantWithAccount();
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Wait for the lease');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 2,
    });
    const { key, agencyId } = await jobKey(post.id);
    const leaseEnds = new Date(Date.now() + 6000);
    await stack.ds.query(
      `INSERT INTO side_effect_ledger (idempotency_key, agency_id, client_id, platform_account_id, action, state, attempts, content_fingerprint, owner, lease_expires_at, first_attempt_at)
       VALUES ($1, $2, $3, $4, 'publish', 'attempting', 1, $5, 'another-worker:1:1', $6, now())`,
      [key, agencyId, t.clientId, acc.accountId, contentFingerprint({ text: 'Wait for the lease' }), leaseEnds],
    );
    const done = await waitForPost(
      stack,
      t.users.author,
      post.id,
      hasStatus('verified', 'unverified', 'failed'),
      60_000,
    );
    expect(done.status).toBe('verified');
    const attempts = (await stack.sandboxAdmin.listRequests()).filter(
      (r) => r.method === 'POST' && r.path === '/posts',
    );
    expect(attempts).toHaveLength(1);
    expect(Date.parse(attempts[0]!.at)).toBeGreaterThanOrEqual(leaseEnds.getTime());
    expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toHaveLength(1);
  });

  it('[C-22] an attempt whose answer was lost after the post settled reports it: no policy pause, no status rewritten', async () => {
    const { t, acc } = await tenantWithAccount();
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Out already');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 0,
    });
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'), 30_000);
    // Later, a kill switch: it must not turn a published post into a paused one when a lost answer is retried.
    const on = await stack.gql(
      t.users.admin,
      'mutation($i: SetKillSwitchInput!) { setKillSwitch(input: $i) { engaged } }',
      {
        i: { scope: 'account', scopeId: acc.accountId, engaged: true, reason: 'after the fact' },
      },
    );
    expect(on.errors).toBeUndefined();
    const [row] = await stack.ds.query<{ payload: PublishWorkflowInput; workflow_id: string }[]>(
      'SELECT payload, workflow_id FROM publish_jobs WHERE id = $1',
      [post.id],
    );
    const { jobId, agencyId, clientId, platformAccountId, assetId, assetChecksum, idempotencyKey, scheduledAt } =
      row!.payload;
    const retried = await createPublishActivities(stack.deps!).guardedPublish({
      jobId,
      agencyId,
      clientId,
      platformAccountId,
      assetId,
      assetChecksum,
      idempotencyKey,
      scheduledAt,
      workflowId: row!.workflow_id,
      approvalIds: [],
      recordPublishing: true,
    });
    expect(retried).toMatchObject({ kind: 'published', reconciled: true, verified: true });
    const after = await getPost(stack, t.users.author, post.id);
    expect(after.status).toBe('verified');
    const publishing = await stack.ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM audit_events WHERE subject_id = $1 AND action = 'post.publishing'`,
      [post.id],
    );
    expect(Number(publishing[0]!.n)).toBe(1);
    expect(await postAttempts(stack)).toBe(1);
  });

  it("[C-25] a spike far above the account's usual volume switches the client to human review", async () => {
    const { t, acc } = await tenantWithAccount();
    // Twenty side effects in the last hour on an account that usually posts nothing: a loop, not a plan.
    for (let i = 0; i < 20; i++) {
      await stack.ds.query(
        `INSERT INTO side_effect_ledger (idempotency_key, agency_id, client_id, platform_account_id, action, state, attempts, content_fingerprint, created_at, updated_at)
         VALUES ($1, $2, $3, $4, 'publish', 'succeeded', 1, 'f', now() - interval '10 minutes', now() - interval '10 minutes')`,
        [randomUUID(), t.agencyId, t.clientId, acc.accountId],
      );
    }
    const asset = await createAsset(stack, t.users.author, t.clientId, 'One more from the loop');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 0,
    });
    const held = await waitForPost(
      stack,
      t.users.author,
      post.id,
      hasStatus('awaiting_approval', 'verified', 'denied'),
      30_000,
    );
    expect(held.status).toBe('awaiting_approval');
    expect(held.reasons.map((r) => r.code)).toContain('spike');
    expect(await postAttempts(stack)).toBe(0);
    const settings: { autonomy: Record<string, string> }[] = await stack.ds.query(
      'SELECT autonomy FROM client_policy_settings WHERE client_id = $1',
      [t.clientId],
    );
    expect(settings[0]!.autonomy.publish).toBe('assisted');
    const events: { action: string }[] = await stack.ds.query(
      `SELECT action FROM audit_events WHERE client_id = $1 AND action = 'autonomy.downgraded'`,
      [t.clientId],
    );
    expect(events).toHaveLength(1);
    // A human looked at it: the approved post goes out.
    expect((await approvePost(stack, t.users.approver, post.id)).errors).toBeUndefined();
    await waitForPost(stack, t.users.author, post.id, hasStatus('verified'), 30_000);
  });

  describe('reconciliation finds only our post', () => {
    const ledger = new SideEffectLedgerRepository();
    let reader: ReturnType<typeof createConnectorReaders>['sandbox'];
    let token: string;
    let userId: string;
    let accountId: string;
    let agencyId: string;
    let clientId: string;

    beforeAll(async () => {
      reader = createConnectorReaders(connectorSettingsFrom(loadAppConfig())).sandbox;
      const { t, acc } = await tenantWithAccount();
      userId = acc.sandboxUserId;
      accountId = acc.accountId;
      agencyId = t.agencyId;
      clientId = t.clientId;
      token = (await stack.sandboxAdmin.issueToken({ userId })).access_token;
    });

    async function postAs(text: string, idempotencyKey?: string): Promise<{ id: string }> {
      const res = await fetch(`${stack.sandbox.url}/posts`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
        },
        body: JSON.stringify({ text }),
      });
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string };
    }

    const query = (over: { key?: string; text: string; firstAttemptAt: Date }) => ({
      idempotencyKey: over.key ?? randomUUID(),
      platformAccountId: accountId,
      action: 'publish',
      fingerprint: contentFingerprint({ text: over.text }),
      since: new Date(Date.now() - 3600_000),
      firstAttemptAt: over.firstAttemptAt,
      maxPages: 20,
    });

    it("[C-22] pages back to the job's creation, past the first page, and matches our request key", async () => {
      const key = randomUUID();
      const ours = await postAs('Launch day, page two', key);
      for (let i = 0; i < 120; i++) await postAs(`Unrelated post ${i}`);
      const found = await findOurPost(
        stack.ds.manager,
        ledger,
        reader,
        { accessToken: token },
        query({ key, text: 'Launch day, page two', firstAttemptAt: new Date() }),
        {},
      );
      expect(found).toEqual({ found: expect.objectContaining({ postId: ours.id, requestKey: key }) as unknown });
    });

    it('[C-22] never claims identical text posted before our first attempt (a recurring "Good morning!")', async () => {
      await stack.sandboxAdmin.setFlags({ echoRequestKey: false });
      await postAs('Good morning!');
      const found = await findOurPost(
        stack.ds.manager,
        ledger,
        reader,
        { accessToken: token },
        query({ text: 'Good morning!', firstAttemptAt: new Date(Date.now() + 60_000) }),
        {},
      );
      expect(found).toEqual({ found: null });
    });

    it('[C-22] never claims a post another job already owns, and reports two candidates as ambiguous', async () => {
      await stack.sandboxAdmin.setFlags({ echoRequestKey: false });
      const firstAttemptAt = new Date();
      const theirs = await postAs('Same words, another job');
      await stack.ds.query(
        `INSERT INTO side_effect_ledger (idempotency_key, agency_id, client_id, platform_account_id, action, state, attempts, content_fingerprint, platform_post_id)
         VALUES ($1, $2, $3, $4, 'publish', 'succeeded', 1, $5, $6)`,
        [
          randomUUID(),
          agencyId,
          clientId,
          accountId,
          contentFingerprint({ text: 'Same words, another job' }),
          theirs.id,
        ],
      );
      const q = query({ text: 'Same words, another job', firstAttemptAt });
      expect(await findOurPost(stack.ds.manager, ledger, reader, { accessToken: token }, q, {})).toEqual({
        found: null,
      });
      const mine = await postAs('Same words, another job');
      expect(await findOurPost(stack.ds.manager, ledger, reader, { accessToken: token }, q, {})).toEqual({
        found: expect.objectContaining({ postId: mine.id }) as unknown,
      });
      await postAs('Same words, another job');
      const twice = await findOurPost(stack.ds.manager, ledger, reader, { accessToken: token }, q, {});
      expect('ambiguous' in twice && twice.ambiguous).toHaveLength(2);
    });
  });
});
