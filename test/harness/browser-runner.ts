import { loadAppConfig } from '../../services/core/config/app-config';
import type { RunningBrowserRunner } from '../../services/browser/runner/runner.app';
import { startBrowserRunner } from '../../services/browser/runner/runner.app';
import { createWorkerDeps } from '../../services/worker/worker-deps';
import type { TestStack } from './stack';
import { TEST_CONNECTORS } from './stack';
import { nativeConnection, testEnv } from './test-env';

/**
 * A browser runner in the test process (real Chromium, real Temporal), on its own queue derived from the stack's:
 * the publish workflow routes browser-lane attempts to it while it beats.
 */
export async function startTestBrowserRunner(
  stack: TestStack,
  o: { runnerId?: string; heartbeatMs?: number; selfCheckEveryMs?: number } = {},
): Promise<RunningBrowserRunner> {
  const env = testEnv();
  const built = await createWorkerDeps(loadAppConfig(), {
    connectors: { sandbox: TEST_CONNECTORS.sandbox },
    taskQueue: stack.taskQueue,
  });
  const connection = await nativeConnection();
  const runner = await startBrowserRunner({
    connection,
    namespace: env.namespace,
    dataConverter: built.dataConverter,
    deps: built.deps,
    taskQueueBase: stack.taskQueue,
    runnerId: o.runnerId,
    heartbeatMs: o.heartbeatMs ?? 1_000,
    selfCheckEveryMs: o.selfCheckEveryMs,
  });
  return {
    ...runner,
    async close() {
      await runner.close();
      await built.close();
      await built.ds.destroy();
      await connection.close();
    },
  };
}
