import type { Client } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { ensureAnalyticsSchedule } from '../../../activities/analytics/analytics-schedules';
import { createAnalyticsActivities } from '../../../activities/analytics/analytics.activities';
import { AnalyticsRepository } from '../../../services/core/analytics/analytics.repository';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import type { AnalyticsInput, AnalyticsResult } from '../../../workflows/contracts/analytics.contract';
import {
  ANALYTICS_WORKFLOW_TYPE,
  analyticsScheduleId,
  analyticsWorkflowId,
} from '../../../workflows/contracts/analytics.contract';
import { connectSandboxAccount } from '../../factories/connect-account';
import { createAsset, hasStatus, schedulePost, waitForPost } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { dataConverterFor, nativeConnection, temporalClient, testEnv, uniqueTaskQueue } from '../../harness/test-env';
import { until } from '../ingest/ingest-test-worker';
import { withTracing } from '../../../services/worker/worker-tracing';

const AUTONOMOUS = { autonomy: { publish: 'autonomous' as const }, fourEyes: false };

interface Row {
  day: string;
  followers?: number | null;
  reach: string | null;
  impressions: string | null;
  engagement: string | null;
  likes?: string | null;
  comments?: string | null;
  shares?: string | null;
  collected_at: Date;
}

describe('the analytics episode, end to end (real Temporal, Postgres, sandbox)', () => {
  let stack: TestStack;
  let client: Client;
  let closeClient: () => Promise<void>;
  let worker: Worker;
  let running: Promise<void>;
  const taskQueue = uniqueTaskQueue('analytics');

  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true });
    ({ client, close: closeClient } = await temporalClient({ dataDir: stack.dataDir }));
    const deps = stack.deps!;
    const connection = await nativeConnection();
    // The production bundle and the planning lane's analytics activities, on a queue of this file's own.
    worker = await Worker.create(
      withTracing({
        connection,
        namespace: testEnv().namespace,
        taskQueue,
        workflowBundle: { codePath: testEnv().bundlePath },
        dataConverter: dataConverterFor(stack.dataDir),
        activities: createAnalyticsActivities({
          ds: deps.ds,
          audit: deps.audit,
          alert: deps.alert,
          credentials: deps.credentials,
          credentialStore: deps.credentialStore,
          connectorSettings: deps.connectorSettings,
        }),
      }),
    );
    running = worker.run().finally(() => connection.close());
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await closeClient?.();
    await stack?.close();
  });
  beforeEach(() => stack.sandboxAdmin.clearFaults());

  /** A tenant with a connected sandbox account and one post published (and verified) on it. */
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
    const input: AnalyticsInput = { agencyId: t.agencyId, clientId: t.clientId, platformAccountId: acc.accountId };
    return { t, acc, jobId: post.id, platformPostId: done.platformPostId!, input };
  }

  const accountRows = (accountId: string) =>
    stack.ds.query<Row[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, followers, reach, impressions, engagement, collected_at
         FROM account_metrics_daily WHERE platform_account_id = $1`,
      [accountId],
    );
  const postRows = (jobId: string) =>
    stack.ds.query<(Row & { platform_post_id: string })[]>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, platform_post_id, reach, impressions, engagement, likes, comments,
              shares, collected_at
         FROM post_metrics_daily WHERE publish_job_id = $1`,
      [jobId],
    );
  const runOnce = (input: AnalyticsInput, day: string, suffix: string) =>
    client.workflow.execute(ANALYTICS_WORKFLOW_TYPE, {
      taskQueue,
      workflowId: `${analyticsWorkflowId(input.clientId, input.platformAccountId, day)}-${suffix}`,
      args: [input],
    }) as Promise<AnalyticsResult>;

  it("the account's Schedule runs the episode, which stores the day's account and post rows; a re-run the same day upserts", async () => {
    const { acc, jobId, platformPostId, input, t } = await publishedPost('Analytics launch day');
    const fan = await stack.sandboxAdmin.createUser({ username: `fan${Date.now()}`, password: 'pw' });
    await stack.sandboxAdmin.createComment({ postId: platformPostId, authorId: fan.id, text: 'Love it' });

    expect(await ensureAnalyticsSchedule(client, { taskQueue, account: input })).toBe('created');
    // Idempotent: the keeper asks again on every pass.
    expect(await ensureAnalyticsSchedule(client, { taskQueue, account: input })).toBe('exists');
    const schedule = client.schedule.getHandle(analyticsScheduleId(t.clientId, acc.accountId));
    try {
      const described = await schedule.describe();
      expect(described.spec.intervals?.[0]?.every).toBe(86_400_000);
      await schedule.trigger();
      const [accountRow] = await until(
        'the day row of the account',
        () => accountRows(acc.accountId),
        (rows) => rows.length === 1,
      );
      const [postRow] = await until(
        'the day row of the post',
        () => postRows(jobId),
        (rows) => rows.length === 1,
      );
      const day = new Date().toISOString().slice(0, 10);
      expect(accountRow).toMatchObject({ day, followers: 1 });
      expect(postRow).toMatchObject({ day, platform_post_id: platformPostId, comments: '1', likes: '0' });
      // The sandbox has no sharing: not given is NULL, never 0.
      expect(postRow!.shares).toBeNull();

      // The same day again, twice: still one row each, with the newer reading.
      await new Promise((r) => setTimeout(r, 1500));
      const again = await runOnce(input, day, 'a');
      expect(again).toEqual({ day, account: 'stored', posts: { stored: 1, notGiven: 0, failed: 0 } });
      await runOnce(input, day, 'b');
      const accountAfter = await accountRows(acc.accountId);
      const postAfter = await postRows(jobId);
      expect(accountAfter).toHaveLength(1);
      expect(postAfter).toHaveLength(1);
      expect(postAfter[0]!.collected_at.getTime()).toBeGreaterThan(postRow!.collected_at.getTime());
      expect(Number(postAfter[0]!.impressions)).toBeGreaterThanOrEqual(Number(postRow!.impressions));

      // What a report reads, through the repository under the client's scope.
      const repo = new AnalyticsRepository();
      const period = { clientId: t.clientId, from: day, to: day };
      const sums = await runInTenantScope(stack.deps!.ds, await clientScope(stack.deps!.ds, t.clientId), async () => ({
        series: await repo.accountSeries(stack.deps!.ds.manager, period),
        posts: await repo.postTotals(stack.deps!.ds.manager, period),
        platforms: await repo.platformSums(stack.deps!.ds.manager, period),
      }));
      expect(sums.series).toEqual([expect.objectContaining({ platformAccountId: acc.accountId, day, followers: 1 })]);
      expect(sums.posts).toEqual([
        expect.objectContaining({ publishJobId: jobId, platform: 'sandbox', comments: 1, shares: null }),
      ]);
      expect(sums.platforms).toEqual([
        expect.objectContaining({
          platform: 'sandbox',
          accounts: 1,
          posts: 1,
          followers: 1,
          comments: 1,
          shares: null,
        }),
      ]);
    } finally {
      await schedule.delete();
    }
  });

  it("a refused token marks that account needs_reconnect and stops its run; another account's run is not touched", async () => {
    const broken = await publishedPost('Broken token');
    const healthy = await publishedPost('Healthy token');
    // Only the broken account's post answers 401, as a platform that revoked its token would.
    await stack.sandboxAdmin.setFaults([
      { match: { method: 'GET', path: `/posts/${broken.platformPostId}/insights` }, errorStatus: 401 },
    ]);
    const day = new Date().toISOString().slice(0, 10);
    const [b, h] = await Promise.all([runOnce(broken.input, day, 'x'), runOnce(healthy.input, day, 'x')]);
    expect(b).toMatchObject({ stopped: 'token_refused', account: 'stored' });
    expect(h).toEqual({ day, account: 'stored', posts: { stored: 1, notGiven: 0, failed: 0 } });
    const [status] = await stack.ds.query<{ status: string; status_reason: string }[]>(
      'SELECT status, status_reason FROM platform_accounts WHERE id = $1',
      [broken.acc.accountId],
    );
    expect(status).toEqual({ status: 'needs_reconnect', status_reason: 'token_revoked' });
    expect(await postRows(broken.jobId)).toHaveLength(0);
    expect(await postRows(healthy.jobId)).toHaveLength(1);
    // The next run of the broken account reads nothing until it is reconnected.
    expect(await runOnce(broken.input, day, 'y')).toMatchObject({ skipped: 'account_not_live' });
  });

  it("[C-05] an input that names another tenant's account reads and stores nothing of it", async () => {
    const mine = await publishedPost('Tenant A');
    const theirs = await publishedPost('Tenant B');
    const day = new Date().toISOString().slice(0, 10);
    const forged: AnalyticsInput = { ...mine.input, platformAccountId: theirs.acc.accountId };
    expect(await runOnce(forged, day, 'forged')).toEqual({
      day,
      skipped: 'account_not_live',
      posts: { stored: 0, notGiven: 0, failed: 0 },
    });
    expect(await accountRows(theirs.acc.accountId)).toHaveLength(0);
    expect(await postRows(theirs.jobId)).toHaveLength(0);
  });

  it('[C-52] a rate limit is waited out for as long as the platform asked, then the day is stored', async () => {
    const { acc, input } = await publishedPost('Rate limited');
    await stack.sandboxAdmin.setFaults([
      { match: { method: 'GET', path: '/me/insights' }, rateLimit: { count: 1, retryAfterSeconds: 1 } },
    ]);
    const day = new Date().toISOString().slice(0, 10);
    const started = Date.now();
    expect(await runOnce(input, day, 'rl')).toMatchObject({ account: 'stored' });
    // Retried after the platform's 1 s, not after the retry policy's 30 s backoff.
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await accountRows(acc.accountId)).toHaveLength(1);
  });
});
