import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type { GuardedPublishInput, RecordStatusInput } from '../../workflows/contracts/publish-activities.contract';
import type {
  PublishStatusView,
  PublishWorkflowInput,
  PublishWorkflowResult,
} from '../../workflows/contracts/publish.contract';
import { approveSignal, PUBLISH_WORKFLOW_TYPE, statusQuery } from '../../workflows/contracts/publish.contract';
import { bundleWorkflows } from '../../services/worker/workflow-bundle';
import { nativeConnection, temporalClient, testEnv, uniqueTaskQueue } from '../harness/test-env';

/** Mocked publish activities: the patches change which activities the workflow schedules, not what they do. */
function mockActivities() {
  const statuses: RecordStatusInput['status'][] = [];
  const publishes: GuardedPublishInput[] = [];
  return {
    statuses,
    publishes,
    activities: {
      preparePublish: async () => ({
        needsApproval: true,
        reasons: [{ code: 'approval_required', message: 'approval required' }],
      }),
      recordApproval: async () => ({ accepted: true as const, approvalId: 'approval-1' }),
      recordPublishStatus: async (i: RecordStatusInput) => void statuses.push(i.status),
      guardedPublish: async (i: GuardedPublishInput) => (
        publishes.push(i),
        {
          kind: 'published' as const,
          postId: 'p-1',
          url: 'https://sandbox.test/p-1',
          verified: true,
          reconciled: false,
        }
      ),
      verifyPublishedPost: async () => ({ verified: true }),
    },
  };
}

describe('patching the publish workflow: a workflow started by the pre-patch code finishes on the patched code', () => {
  it('guard-records-publishing: the episode waiting for approval under the old code publishes through the new branch', async () => {
    const env = testEnv();
    const taskQueue = uniqueTaskQueue('patch');
    const connection = await nativeConnection();
    const { client, close } = await temporalClient({ dataDir: null });
    const mock = mockActivities();
    const input: PublishWorkflowInput = {
      jobId: randomUUID(),
      agencyId: randomUUID(),
      clientId: randomUUID(),
      platformAccountId: randomUUID(),
      platform: 'sandbox',
      assetId: randomUUID(),
      assetChecksum: 'c'.repeat(64),
      idempotencyKey: 'k'.repeat(64),
      scheduledAt: new Date(Date.now() + 500).toISOString(),
      timezone: 'UTC',
      authorId: 'author',
    };
    try {
      const workerOf = async (workflowsPath: string) =>
        // No cache: every workflow task replays the whole history, as after a deploy (Temporal's patching sample).
        Worker.create({
          connection,
          namespace: env.namespace,
          taskQueue,
          workflowBundle: { code: await bundleWorkflows(workflowsPath) },
          activities: mock.activities,
          maxCachedWorkflows: 0,
        });
      const handle = await client.workflow.start(PUBLISH_WORKFLOW_TYPE, {
        taskQueue,
        workflowId: `patch-${taskQueue}`,
        args: [input],
      });
      const prePatch = await workerOf(join(__dirname, 'pre-patch', 'publish.workflow.ts'));
      await prePatch.runUntil(async () => {
        for (
          let view = await handle.query<PublishStatusView>(statusQuery);
          view.status !== 'awaiting_approval';
          view = await handle.query<PublishStatusView>(statusQuery)
        ) {
          await new Promise((r) => setTimeout(r, 100));
        }
      });
      const postPatch = await workerOf(join(__dirname, '..', '..', 'workflows', 'index.ts'));
      const result = await postPatch.runUntil(async () => {
        await handle.signal(approveSignal, { approverId: 'approver', assetChecksum: input.assetChecksum });
        return handle.result() as Promise<PublishWorkflowResult>;
      });
      expect(result.status).toBe('verified');
      // Old branch before the patch point, new branch after it: the guard recorded `publishing`.
      expect(mock.statuses[0]).toBe('awaiting_approval');
      expect(mock.statuses).not.toContain('publishing');
      expect(mock.publishes).toEqual([
        expect.objectContaining({ recordPublishing: true, approvalIds: ['approval-1'] }),
      ]);
      const history = await handle.fetchHistory();
      const markers = history.events!.filter(
        (e) => e.markerRecordedEventAttributes?.markerName === 'core_patch',
      ).length;
      expect(markers).toBeGreaterThan(0);
    } finally {
      await close();
      await connection.close();
    }
  });
});
