import { Worker } from '@temporalio/worker';
import { createSmokeActivities } from '../../activities/smoke/smoke.activities';
import { nativeConnection, temporalClient, testEnv, uniqueTaskQueue } from '../harness/test-env';

describe('the Temporal dev server harness', () => {
  it('runs a workflow end to end on the real server with its own task queue', async () => {
    const env = testEnv();
    const taskQueue = uniqueTaskQueue('smoke');
    const connection = await nativeConnection();
    const worker = await Worker.create({ connection, namespace: env.namespace, taskQueue, workflowBundle: { codePath: env.bundlePath }, activities: createSmokeActivities() });
    const { client, close } = await temporalClient();
    try {
      const result = await worker.runUntil(client.workflow.execute('smokeWorkflow', { taskQueue, workflowId: `smoke-${taskQueue}`, args: [{ name: 'raize' }] }));
      expect(result).toBe('hello, raize');
      const history = await client.workflow.getHandle(`smoke-${taskQueue}`).fetchHistory();
      expect(history.events?.some((e) => e.activityTaskCompletedEventAttributes)).toBe(true);
    } finally {
      await close();
      await connection.close();
    }
  });
});
