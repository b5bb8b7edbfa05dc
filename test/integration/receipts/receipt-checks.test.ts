import type { Worker } from '@temporalio/worker';
import type { LaneDeps } from '../../../activities/lanes/lane.deps';
import type { ReceiptStarter } from '../../../activities/receipts/receipt-starter';
import { receiptStarter } from '../../../activities/receipts/receipt-starter';
import { ReceiptSweep } from '../../../activities/receipts/receipt-sweep';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { collectReportFigures } from '../../../services/core/reports/collect-report-figures';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { createLaneWorkers } from '../../../services/worker/lane-workers';
import { createWorkerDeps } from '../../../services/worker/worker-deps';
import type { ReceiptRecheckResult } from '../../../workflows/contracts/receipts.contract';
import { receiptWorkflowId } from '../../../workflows/contracts/receipts.contract';
import type { ConnectedAccount } from '../../factories/connect-account';
import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset, hasStatus, schedulePost, waitForPost } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { nativeConnection, temporalClient, testEnv } from '../../harness/test-env';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };
/** The first check comes 3 s after verification, the second 12 s after: time enough to act on the platform between. */
const SCHEDULE = { offsetsSeconds: [3, 12], retryInitialSeconds: 0.2, retryMaximumAttempts: 2 };

interface CheckRow {
  check_no: number;
  result: string;
  detail: string | null;
}

// Receipts that stay true (issue #15) on the real parts: a real Temporal dev server running the publish lane and the
// engagement lane (where the receipt episodes run) each on a queue of its own, Postgres under RLS, the sandbox platform
// whose admin API takes posts down and edits them behind the account's back, and a schedule shortened to seconds.
describe('receipt re-checks of published posts (real Temporal, Postgres, sandbox)', () => {
  let stack: TestStack;
  let deps: LaneDeps;
  let workers: Worker[];
  let running: Promise<void>[];
  let closeDeps: () => Promise<void>;
  let temporal: Awaited<ReturnType<typeof temporalClient>>;

  beforeAll(async () => {
    stack = await startTestStack({ connectorTimeoutMs: 1500 });
    const built = await createWorkerDeps(loadAppConfig(), {
      connectorTimeoutMs: 1500,
      connectors: {
        sandbox: { settleSeconds: 3, reconcileLooks: 2, pacing: { minSpacingSeconds: 0, jitterSeconds: 0 } },
      },
      taskQueue: stack.taskQueue,
    });
    deps = built.deps;
    closeDeps = async () => {
      await built.close();
      await built.ds.destroy();
    };
    const engagementQueue = `${stack.taskQueue}-engagement`;
    deps.taskQueues.engagement = engagementQueue;
    deps.receiptOptions = SCHEDULE;
    const connection = await nativeConnection();
    workers = await createLaneWorkers({
      connection,
      namespace: testEnv().namespace,
      bundlePath: testEnv().bundlePath,
      deps,
      dataConverter: built.dataConverter,
      lanes: ['publish', 'engagement'],
      taskQueueFor: (lane) => (lane === 'publish' ? stack.taskQueue : engagementQueue),
    });
    running = workers.map((w) => w.run());
    void Promise.all(running).finally(() => connection.close());
    temporal = await temporalClient();
  });
  afterAll(async () => {
    workers?.forEach((w) => w.getState() === 'RUNNING' && w.shutdown());
    await Promise.all(running ?? []);
    await temporal?.close();
    await closeDeps?.();
    await stack?.close();
  });
  beforeEach(() => stack.sandboxAdmin.clearFaults());

  /** An autonomous client's post, published on the sandbox now and verified. */
  async function publishedPost(text: string) {
    const t = await seedTenant(stack.ds, AUTONOMOUS);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const asset = await createAsset(stack, t.users.author, t.clientId, text);
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 1,
    });
    const done = await waitForPost(stack, t.users.author, post.id, hasStatus('verified', 'unverified', 'failed'));
    expect(done.status).toBe('verified');
    return { t, acc, jobId: post.id, platformPostId: done.platformPostId! };
  }

  const checks = (jobId: string): Promise<CheckRow[]> =>
    stack.ds.query('SELECT check_no, result, detail FROM receipt_checks WHERE publish_job_id = $1 ORDER BY check_no', [
      jobId,
    ]);

  async function untilChecks(jobId: string, n: number): Promise<CheckRow[]> {
    for (let i = 0; i < 400; i++) {
      const rows = await checks(jobId);
      if (rows.length >= n) return rows;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`post ${jobId} did not get ${n} receipt checks`);
  }

  const episode = (t: SeededTenant, jobId: string) =>
    temporal.client.workflow.getHandle(receiptWorkflowId(t.clientId, jobId));

  const receiptOf = async (jobId: string): Promise<string | null> =>
    (
      (await stack.ds.query('SELECT receipt FROM publish_jobs WHERE id = $1', [jobId])) as { receipt: string | null }[]
    )[0]!.receipt;

  const auditActions = async (jobId: string): Promise<string[]> =>
    (
      (await stack.ds.query('SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY seq', [jobId])) as {
        action: string;
      }[]
    ).map((r) => r.action);

  async function attentionCodes(t: SeededTenant, acc: ConnectedAccount): Promise<string[]> {
    const r = await stack.gql<{ connectorHealth: { accountId: string; attention: { code: string }[] }[] }>(
      t.users.admin,
      'query($c: ID!) { connectorHealth(clientId: $c) { accountId attention { code } } }',
      { c: t.clientId },
    );
    expect(r.errors).toBeUndefined();
    return r.data!.connectorHealth.find((h) => h.accountId === acc.accountId)!.attention.map((a) => a.code);
  }

  it('[C-24] a post taken down on the platform is marked removed at its next check, raises the alert and is in the report', async () => {
    const { t, acc, jobId, platformPostId } = await publishedPost('Our spring collection is here');
    expect(await untilChecks(jobId, 1)).toEqual([
      { check_no: 1, result: 'intact', detail: 'still live, unchanged, by the connected account' },
    ]);
    expect(await receiptOf(jobId)).toBe('intact');
    // One episode per post: another start (a retried activity, the sweep) changes nothing.
    await receiptStarter(deps)({ agencyId: t.agencyId, clientId: t.clientId, jobId, verifiedAt: new Date() });

    await stack.sandboxAdmin.deletePost(platformPostId);
    const rows = await untilChecks(jobId, 2);
    expect(rows.map((r) => r.result)).toEqual(['intact', 'removed']);
    expect(await receiptOf(jobId)).toBe('removed');
    // The episode ends at the broken receipt: no later check.
    expect(await episode(t, jobId).result()).toEqual<ReceiptRecheckResult>({ receipt: 'removed', checks: 2 });

    // The alert: an audit event (the outbound webhook's source) and the account's entry on the attention list.
    expect((await auditActions(jobId)).filter((a) => a === 'post.receipt_broken')).toHaveLength(1);
    expect(await attentionCodes(t, acc)).toContain('receipts_broken');
    // The post page's fields.
    const page = await stack.gql<{ post: { receipt: string; receiptChecks: { checkNo: number; result: string }[] } }>(
      t.users.author,
      'query($p: ID!) { post(id: $p) { receipt receiptChecks { checkNo result } } }',
      { p: jobId },
    );
    expect(page.data!.post).toEqual({
      receipt: 'removed',
      receiptChecks: [
        { checkNo: 1, result: 'intact' },
        { checkNo: 2, result: 'removed' },
      ],
    });
    // The client's report for the period lists it, read under the client's row-level security.
    const now = new Date();
    const figures = await runInTenantScope(deps.ds, await clientScope(deps.ds, t.clientId), () =>
      collectReportFigures(deps.ds.manager, {
        client: { id: t.clientId, name: 'Client', timezone: 'UTC' },
        agencyName: 'Agency',
        window: {
          timezone: 'UTC',
          start: now.toISOString().slice(0, 10),
          end: now.toISOString().slice(0, 10),
          startAt: new Date(now.getTime() - 3_600_000),
          endAt: new Date(now.getTime() + 3_600_000),
        },
        now,
      }),
    );
    expect(figures.receipts!.posts).toEqual([
      expect.objectContaining({ platform: 'sandbox', excerpt: 'Our spring collection is here', receipt: 'removed' }),
    ]);
    expect(figures.proof.find((f) => f.key === 'publish.changed_after_publishing')).toMatchObject({
      value: 1,
      detail: '1 removed, 0 edited, 0 under another author; 1 post re-checked',
    });
  });

  it('[C-24] a post whose text was edited on the platform is marked edited; one moved to another account, author_changed', async () => {
    const edited = await publishedPost('Exactly what the client approved');
    await untilChecks(edited.jobId, 1);
    await stack.sandboxAdmin.editPost(edited.platformPostId, { text: 'Exactly what the client approved!!! 50% off' });
    expect((await untilChecks(edited.jobId, 2)).map((r) => r.result)).toEqual(['intact', 'edited']);
    expect(await receiptOf(edited.jobId)).toBe('edited');

    const moved = await publishedPost('Posted by the brand');
    await untilChecks(moved.jobId, 1);
    const other = await stack.sandboxAdmin.createUser({ username: `other-${moved.jobId.slice(0, 8)}`, password: 'pw' });
    await stack.sandboxAdmin.editPost(moved.platformPostId, { authorId: other.id });
    expect((await untilChecks(moved.jobId, 2)).map((r) => r.result)).toEqual(['intact', 'author_changed']);
    expect(await receiptOf(moved.jobId)).toBe('author_changed');
  });

  it('[C-24] a platform answering 5xx through every retry never marks a post removed: the check is unchecked, the next one finds it intact', async () => {
    const { t, acc, jobId, platformPostId } = await publishedPost('Still here after the outage');
    await stack.sandboxAdmin.setFaults([
      { match: { method: 'GET', path: `/posts/${platformPostId}` }, errorStatus: 503 },
    ]);
    const first = await untilChecks(jobId, 1);
    expect(first).toEqual([
      { check_no: 1, result: 'unchecked', detail: 'the platform did not answer through every retry' },
    ]);
    expect(await receiptOf(jobId)).toBeNull();
    // Every retry did reach the platform and got the 5xx.
    const reads = (await stack.sandboxAdmin.listRequests()).filter((r) => r.path === `/posts/${platformPostId}`);
    expect(reads.filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(SCHEDULE.retryMaximumAttempts);

    await stack.sandboxAdmin.clearFaults();
    expect((await untilChecks(jobId, 2)).map((r) => r.result)).toEqual(['unchecked', 'intact']);
    expect(await episode(t, jobId).result()).toEqual<ReceiptRecheckResult>({ receipt: 'intact', checks: 2 });
    expect(await receiptOf(jobId)).toBe('intact');
    expect(await auditActions(jobId)).not.toContain('post.receipt_broken');
    expect(await attentionCodes(t, acc)).not.toContain('receipts_broken');
  });
  it('a post verified by the workflow’s later read-back (not at once by the guard) gets its receipt episode too', async () => {
    // The guard's own read-back fails: the post is `published`, and the workflow reads it back a second later.
    await stack.sandboxAdmin.setFaults([{ match: { method: 'GET', path: '/posts/*' }, errorStatus: 503, times: 2 }]);
    const { t, jobId } = await publishedPost('Read back on the second look');
    const audit = await auditActions(jobId);
    expect(audit.indexOf('post.unverified')).toBeGreaterThan(-1);
    expect(audit.indexOf('post.unverified')).toBeLessThan(audit.indexOf('post.verified'));
    expect((await untilChecks(jobId, 1)).map((r) => r.result)).toEqual(['intact']);
    expect(await episode(t, jobId).result()).toEqual<ReceiptRecheckResult>({ receipt: 'intact', checks: 2 });
  });

  it('the sweep restarts a verified post whose receipt episode never ran its first check, and a duplicate start is harmless', async () => {
    deps.receiptOptions = { offsetsSeconds: [3600] };
    try {
      const { t, jobId } = await publishedPost('Verified while the receipts were down');
      // As if its start had been lost two hours ago: verified then, no check recorded since.
      await stack.ds.query(`UPDATE publish_jobs SET verified_at = now() - interval '2 hours' WHERE id = $1`, [jobId]);
      const started: Parameters<ReceiptStarter>[0][] = [];
      const start = receiptStarter(deps);
      const sweep = new ReceiptSweep({
        ds: deps.ds,
        start: async (post) => {
          started.push(post);
          await start(post);
        },
      });
      expect(await sweep.pass()).toBeGreaterThanOrEqual(1);
      expect(started).toContainEqual(expect.objectContaining({ agencyId: t.agencyId, clientId: t.clientId, jobId }));
      expect(await episode(t, jobId).describe()).toMatchObject({ status: { name: 'RUNNING' } });
    } finally {
      deps.receiptOptions = SCHEDULE;
    }
  });
});
