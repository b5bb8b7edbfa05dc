import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../services/core/util/repo-root';
import { connectSandboxAccount } from '../factories/connect-account';
import {
  createAsset,
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
import { testEnv } from '../harness/test-env';

const WORKER_MAIN = join(repoRoot(), 'dist', 'services', 'worker', 'main.js');

describe('a worker that dies in the middle of a publish', () => {
  let stack: TestStack;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    if (!existsSync(WORKER_MAIN))
      throw new Error(`${WORKER_MAIN} is missing: build first (npx tsc -p tsconfig.build.json; npm test does it)`);
    // A short start-to-close so the killed worker's attempt times out quickly; the connector calls of one attempt
    // must still fit inside it (the worker checks that at start-up).
    stack = await startTestStack({
      connectorTimeoutMs: 800,
      env: { RAIZE_PUBLISH_TIMEOUT_SECONDS: '12', RAIZE_CONNECTOR_TIMEOUT_MS: '800' },
    });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await stack.close();
  });

  it('[C-22] [C-53] dies after the platform accepted the post but before the activity completed: after recovery exactly one post exists', async () => {
    const t = await seedTenant(stack.ds, { autonomy: { publish: 'autonomous' }, fourEyes: false });
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const env = testEnv();
    child = fork(WORKER_MAIN, [], {
      env: {
        ...process.env,
        RAIZE_ENV: 'test',
        RAIZE_LANES: 'publish',
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
      child!.once('message', () => resolve());
      child!.once('exit', (code) => reject(new Error(`worker exited early with ${code}`)));
    });
    // The platform creates the post, then takes 20 s to answer: the worker is killed in that window.
    await stack.sandboxAdmin.clearRequests();
    await stack.sandboxAdmin.setFaults([
      { match: { method: 'POST', path: '/posts' }, afterHandlerDelayMs: 20_000, times: 1 },
    ]);
    const asset = await createAsset(stack, t.users.author, t.clientId, 'Survives a crash');
    const post = await schedulePost(stack, t.users.author, {
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      assetId: asset.id,
      inSeconds: 0,
    });
    const deadline = Date.now() + 30_000;
    while ((await sandboxPostsBy(stack, acc.sandboxUserId)).length === 0) {
      if (Date.now() > deadline) throw new Error('the platform never received the post');
      await new Promise((r) => setTimeout(r, 100));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    child = undefined;

    await stack.startWorker();
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
});
