import { createSmokeWorker } from '../../services/worker/lane-workers';
import { bundleWorkflows, smokeWorkflowsEntry } from '../../services/worker/workflow-bundle';
import { SMOKE_WORKFLOW_TYPE, type SmokeInput } from '../../workflows/contracts/smoke.contract';
import { nativeConnection, temporalClient, testEnv, uniqueTaskQueue } from '../harness/test-env';

describe('the Temporal dev server harness', () => {
  it('runs the smoke workflow end to end on its own diagnostics lane', async () => {
    const env = testEnv();
    const taskQueue = uniqueTaskQueue('smoke');
    const connection = await nativeConnection();
    const worker = await createSmokeWorker({
      connection,
      namespace: env.namespace,
      taskQueue,
      workflowCode: await bundleWorkflows(smokeWorkflowsEntry()),
    });
    // The smoke worker runs without the payload codec, so its client is plain too.
    const { client, close } = await temporalClient({ dataDir: null });
    try {
      const result = await worker.runUntil(
        client.workflow.execute<(input: SmokeInput) => Promise<string>>(SMOKE_WORKFLOW_TYPE, {
          taskQueue,
          workflowId: `smoke-${taskQueue}`,
          args: [{ name: 'raize' }],
        }),
      );
      expect(result).toBe('hello, raize');
      const history = await client.workflow.getHandle(`smoke-${taskQueue}`).fetchHistory();
      expect(history.events?.some((e) => e.activityTaskCompletedEventAttributes)).toBe(true);
    } finally {
      await close();
      await connection.close();
    }
  });
});
