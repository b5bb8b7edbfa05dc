import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import type {
  DecisionRefInput,
  GuardedPublishInput,
  RecordStatusInput,
} from '../../workflows/contracts/publish-activities.contract';
import type {
  PublishStatusView,
  PublishWorkflowInput,
  PublishWorkflowResult,
} from '../../workflows/contracts/publish.contract';
import {
  approveSignal,
  approveUpdate,
  cancelSignal,
  PUBLISH_WORKFLOW_TYPE,
  statusQuery,
} from '../../workflows/contracts/publish.contract';
import { bundleWorkflows } from '../../services/worker/workflow-bundle';
import { nativeConnection, temporalClient, testEnv, uniqueTaskQueue } from '../harness/test-env';

/** Mocked publish activities: the patches change which activities the workflow schedules, not what they do. */
function mockActivities() {
  const statuses: RecordStatusInput['status'][] = [];
  const publishes: GuardedPublishInput[] = [];
  const decisions: DecisionRefInput[] = [];
  return {
    statuses,
    publishes,
    decisions,
    activities: {
      preparePublish: async () => ({
        needsApproval: true,
        reasons: [{ code: 'approval_required', message: 'approval required' }],
      }),
      recordApproval: async () => ({ accepted: true as const, approvalId: 'approval-1' }),
      recordApprovalDecision: async (i: DecisionRefInput) => (
        decisions.push(i),
        i.decisionId === 'genuine'
          ? { accepted: true as const, approvalId: 'approval-2', approverId: 'reviewer', assetChecksum: 'c'.repeat(64) }
          : { accepted: false as const, refusal: 'not_found' as const, reason: 'no decision of that kind' }
      ),
      verifyDecision: async (i: DecisionRefInput) => (
        decisions.push(i),
        { valid: false as const, refusal: 'not_found' as const, reason: 'no decision of that kind' }
      ),
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
      // the browser-lane routing (patch browser-lane-routing): every account here is on the API lane
      routePublish: async () => ({ kind: 'worker' as const }),
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

  it('[C-21] decision-references: a run started before the patch verifies the references the API now sends', async () => {
    const env = testEnv();
    const taskQueue = uniqueTaskQueue('patch-ref');
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
        while ((await handle.query<PublishStatusView>(statusQuery)).status !== 'awaiting_approval')
          await new Promise((r) => setTimeout(r, 100));
      });
      const postPatch = await workerOf(join(__dirname, '..', '..', 'workflows', 'index.ts'));
      const { forged, result } = await postPatch.runUntil(async () => {
        // A foreign cancel reference is verified (and refused) before it could end the episode.
        await handle.signal(cancelSignal, { decisionId: 'foreign' });
        const forged = await handle.executeUpdate(approveUpdate, { args: [{ decisionId: 'forged' }] });
        const accepted = await handle.executeUpdate(approveUpdate, { args: [{ decisionId: 'genuine' }] });
        expect(accepted).toMatchObject({ accepted: true, approvalId: 'approval-2' });
        return { forged, result: (await handle.result()) as PublishWorkflowResult };
      });
      expect(forged).toMatchObject({ accepted: false, refusal: 'not_found' });
      expect(mock.decisions.map((d) => `${d.kind}:${d.decisionId}`).sort()).toEqual([
        'approve:forged',
        'approve:genuine',
        'cancel:foreign',
      ]);
      expect(result.status).toBe('verified');
      expect(mock.publishes).toEqual([expect.objectContaining({ approvalIds: ['approval-2'] })]);
    } finally {
      await close();
      await connection.close();
    }
  });
});
