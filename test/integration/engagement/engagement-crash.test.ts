import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { repoRoot } from '../../../services/core/util/repo-root';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { connectSandboxAccount } from '../../factories/connect-account';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { temporalClient, testEnv } from '../../harness/test-env';
import { SANDBOX_SECRET, startTestIngest, testSecrets } from '../ingest/ingest-harness';

const WORKER_MAIN = join(repoRoot(), 'dist', 'services', 'worker', 'main.js');
// The account's reply cooldown paces the answers (a few seconds each): enough comments to crash in the middle.
const COMMENTS = 10;

/**
 * [C-34] Comments keep arriving while the engagement worker is killed (SIGKILL, mid-activity) and the ingest is
 * restarted: every acknowledged event is recorded once and answered once on the platform, nothing lost, nothing twice.
 */
describe('engagement under a crash: the worker killed and the ingest restarted in the middle of a load', () => {
  let stack: TestStack;
  let ingest: RunningIngest | undefined;
  let child: ChildProcess | undefined;
  let temporal: { client: Client; close: () => Promise<void> };

  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error(`${WORKER_MAIN} is missing: build first (npx tsc -p tsconfig.build.json; npm test does it)`);
    stack = await startTestStack({ connectorTimeoutMs: 1500 });
    temporal = await temporalClient({ dataDir: stack.dataDir });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await ingest?.close();
    await temporal?.close();
    await stack?.close();
  });

  async function startWorker(): Promise<ChildProcess> {
    const env = testEnv();
    const c = fork(WORKER_MAIN, [], {
      env: {
        ...process.env,
        RAIZE_ENV: 'test',
        RAIZE_LANES: 'engagement',
        RAIZE_WORKFLOW_BUNDLE: env.bundlePath,
        RAIZE_TASK_QUEUE: stack.taskQueue,
        RAIZE_DATA_DIR: stack.dataDir,
        SANDBOX_URL: stack.sandbox.url,
        DATABASE_URL: env.databaseUrl,
        TEMPORAL_ADDRESS: env.temporalAddress,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      c.once('message', () => resolve());
      c.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
    });
    return c;
  }

  const startIngest = () =>
    startTestIngest({
      env: { RAIZE_INGEST_DRAIN: '1', RAIZE_TASK_QUEUE: stack.taskQueue, RAIZE_INGEST_DRAIN_IDLE_MS: '50' },
      temporal: temporal.client,
      secrets: testSecrets(),
    });

  const sentReplies = async (clientId: string) =>
    (
      await stack.ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM engagement_replies WHERE client_id = $1 AND action = 'reply' AND status = 'sent'`,
        [clientId],
      )
    )[0].n;

  it('[C-34] records and answers every acknowledged comment exactly once', async () => {
    const t = await seedTenant(stack.ds, { autonomy: { reply: 'autonomous' }, fourEyes: false });
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    // The brand's own post, made on the platform directly (this test is about engagement, not publishing).
    const token = await stack.sandboxAdmin.issueToken({ userId: acc.sandboxUserId });
    const res = await fetch(`${stack.sandbox.url}/posts`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'Our spring range is here' }),
    });
    const postId = ((await res.json()) as { id: string }).id;

    ingest = await startIngest();
    const hook = await stack.sandboxAdmin.registerWebhook({
      url: `${ingest.url}/webhooks/sandbox`,
      secret: SANDBOX_SECRET,
    });
    child = await startWorker();

    const fans = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        stack.sandboxAdmin.createUser({ username: `crash_fan_${i}_${Date.now()}`, password: 'correct horse battery' }),
      ),
    );
    const comment = (i: number) =>
      stack.sandboxAdmin.createComment({
        postId,
        authorId: fans[i % fans.length].id,
        text: `Question ${i}: do you ship to Canada?`,
      });
    for (let i = 0; i < COMMENTS / 2; i++) await comment(i);

    // Kill the worker once some answers are out, while others are in flight. Generous: under CI load the first
    // answers (routing, a draft through the tool gateway, the account's reply cooldown) took over a minute.
    const deadline = Date.now() + 150_000;
    while ((await sentReplies(t.clientId)) < 2) {
      if (Date.now() > deadline) throw new Error('no reply went out before the crash');
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    child = undefined;

    // The ingest restarts too (its port changes: the sandbox is told), and the second half arrives meanwhile.
    await ingest.close();
    ingest = await startIngest();
    await stack.sandboxAdmin.deleteWebhook(hook.id);
    await stack.sandboxAdmin.registerWebhook({ url: `${ingest.url}/webhooks/sandbox`, secret: SANDBOX_SECRET });
    for (let i = COMMENTS / 2; i < COMMENTS; i++) await comment(i);
    child = await startWorker();

    // A reply in flight when the worker died holds its ledger lease for its start-to-close (two minutes) before a
    // new attempt may look for it on the platform, and the account's cooldown paces the rest: minutes under load.
    const end = Date.now() + 480_000;
    while ((await sentReplies(t.clientId)) < COMMENTS) {
      if (Date.now() > end) throw new Error(`only ${await sentReplies(t.clientId)} of ${COMMENTS} answered`);
      await new Promise((r) => setTimeout(r, 250));
    }
    // Settle a moment: a duplicate would show up now.
    await new Promise((r) => setTimeout(r, 2000));

    const stored = await stack.ds.query<{ n: number; distinct_ids: number }[]>(
      `SELECT count(*)::int AS n, count(DISTINCT delivery_id)::int AS distinct_ids FROM inbound_events WHERE client_id = $1`,
      [t.clientId],
    );
    expect(stored[0]).toEqual({ n: COMMENTS, distinct_ids: COMMENTS });
    const recorded = await stack.ds.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM conversation_messages WHERE client_id = $1 AND direction = 'in'`,
      [t.clientId],
    );
    expect(recorded[0].n).toBe(COMMENTS);
    expect(await sentReplies(t.clientId)).toBe(COMMENTS);
    // On the platform: each fan comment has exactly one answer by the brand.
    const onPlatform = (await stack.sandboxAdmin.listComments(postId)) as unknown as {
      id: string;
      parentId?: string | null;
      authorId: string;
    }[];
    const brandReplies = onPlatform.filter((c) => c.authorId === acc.sandboxUserId && c.parentId);
    expect(brandReplies).toHaveLength(COMMENTS);
    expect(new Set(brandReplies.map((c) => c.parentId)).size).toBe(COMMENTS);
  }, 720_000);
});
