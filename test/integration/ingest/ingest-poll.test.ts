import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createIngestPollActivities } from '../../../activities/ingest-poll/ingest-poll.activities';
import { loadAppConfig } from '../../../services/core/config/app-config';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { ensurePollSchedule } from '../../../services/ingest/poll/poll-schedules';
import { createWorkerDeps } from '../../../services/worker/worker-deps';
import { ingestPollScheduleId } from '../../../workflows/contracts/ingest-poll.contract';
import { connectSandboxAccount } from '../../factories/connect-account';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { SANDBOX_SECRET, startTestIngest, storedCount } from './ingest-harness';
import { startEngagementStandIn, until } from './ingest-test-worker';

describe('polling ingest on a Temporal Schedule', () => {
  let stack: TestStack;
  let ingest: RunningIngest;
  let worker: Awaited<ReturnType<typeof startEngagementStandIn>>;
  let workerDs: DataSource;
  let closeDeps: () => Promise<void>;
  beforeAll(async () => {
    stack = await startTestStack();
    const built = await createWorkerDeps(loadAppConfig(), { taskQueue: stack.taskQueue });
    workerDs = built.ds;
    closeDeps = built.close;
    // The engagement lane's poll activity, on a worker that also runs the poll workflow (test bundle).
    worker = await startEngagementStandIn(
      createIngestPollActivities({
        ds: built.deps.ds,
        credentialStore: built.deps.credentialStore,
        connectorSettings: built.deps.connectorSettings,
      }),
    );
    ingest = await startTestIngest();
  });
  afterAll(async () => {
    await ingest?.close();
    await worker?.close();
    await closeDeps?.();
    await workerDs?.destroy();
    await stack?.close();
  });

  it('[C-32] the Schedule fires, the poll stores a comment the webhook missed, and one the webhook delivered only once', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const token = (await stack.sandboxAdmin.issueToken({ userId: acc.sandboxUserId })).access_token;
    const res = await fetch(`${stack.sandbox.url}/posts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Spring collection' }),
    });
    const postId = ((await res.json()) as { id: string }).id;
    const fan = await stack.sandboxAdmin.createUser({ username: `fan-${randomUUID().slice(0, 8)}`, password: 'pw' });

    // Comment A comes by webhook (the sandbox's real dispatcher, signed), comment B while nobody is subscribed.
    const hook = await stack.sandboxAdmin.registerWebhook({
      url: `${ingest.url}/webhooks/sandbox`,
      secret: SANDBOX_SECRET,
    });
    const a = await stack.sandboxAdmin.createComment({ postId, authorId: fan.id, text: 'Webhook and poll' });
    await until(
      'A by webhook',
      () => storedCount(stack.ds, 'sandbox', [a.id]),
      (n) => n === 1,
    );
    await stack.sandboxAdmin.deleteWebhook(hook.id);
    const b = await stack.sandboxAdmin.createComment({ postId, authorId: fan.id, text: 'Poll only' });
    // The brand's own comment is not inbound, whichever way it comes.
    const own = await stack.sandboxAdmin.createComment({ postId, authorId: acc.sandboxUserId, text: 'Thanks!' });
    expect(await storedCount(stack.ds, 'sandbox', [b.id])).toBe(0);

    const account = { agencyId: t.agencyId, clientId: t.clientId, platformAccountId: acc.accountId };
    expect(await ensurePollSchedule(worker.client, { taskQueue: worker.taskQueue, intervalSeconds: 1, account })).toBe(
      'created',
    );
    // Idempotent: the keeper may ask again on every pass.
    expect(await ensurePollSchedule(worker.client, { taskQueue: worker.taskQueue, intervalSeconds: 1, account })).toBe(
      'exists',
    );
    const schedule = worker.client.schedule.getHandle(ingestPollScheduleId(acc.accountId));
    try {
      await until(
        'B by poll',
        () => storedCount(stack.ds, 'sandbox', [b.id]),
        (n) => n === 1,
        30_000,
      );
      // Let it fire a few more times over the same comments.
      await until(
        'several polls',
        async () => (await schedule.describe()).info.recentActions.length,
        (n) => n >= 3,
        30_000,
      );
      expect(await storedCount(stack.ds, 'sandbox', [a.id])).toBe(1);
      expect(await storedCount(stack.ds, 'sandbox', [b.id])).toBe(1);
      expect(await storedCount(stack.ds, 'sandbox', [own.id])).toBe(0);
      const [cursor] = await stack.ds.query<{ cursor: string }[]>(
        'SELECT cursor FROM inbound_poll_cursors WHERE platform_account_id = $1',
        [acc.accountId],
      );
      expect(Date.parse(cursor!.cursor)).toBeGreaterThan(Date.now() - 60_000);
      const [row] = await stack.ds.query<{ external_account_id: string; parent_external_id: string; kind: string }[]>(
        `SELECT external_account_id, parent_external_id, kind FROM inbound_events WHERE source = 'sandbox' AND delivery_id = $1`,
        [b.id],
      );
      expect(row).toEqual({ external_account_id: acc.sandboxUserId, parent_external_id: postId, kind: 'comment' });
    } finally {
      await schedule.delete();
    }
  });
});
