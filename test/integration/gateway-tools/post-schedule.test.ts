import type { Client as TemporalClient } from '@temporalio/client';
import { postScheduleTool } from '../../../services/gateway/tools/post-schedule.tool';
import { postDraftTool } from '../../../services/gateway/tools/post-draft.tool';
import { connectSandboxAccount } from '../../factories/connect-account';
import { getPost, sandboxPostsBy, waitForPost } from '../../factories/posts';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import { temporalClient } from '../../harness/test-env';
import type { ToolsWorld } from './tools-world';
import { activityCaller, assistantCaller, openToolsWorld } from './tools-world';

/**
 * An operator's assistant drafts and schedules through the tools; the publish episode then waits for a human's
 * approval like any post, and nothing reaches the platform (C-21: no tool approves).
 */
describe('post_schedule (real Temporal, publish worker, sandbox platform)', () => {
  let stack: TestStack;
  let w: ToolsWorld;
  let temporal: { client: TemporalClient; close: () => Promise<void> };
  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true });
    // The stack's payload codec (its RAIZE_DATA_DIR), so its worker reads what the tool starts.
    temporal = await temporalClient();
    w = await openToolsWorld();
  });
  afterAll(async () => {
    await w?.close();
    await temporal?.close();
    await stack?.close();
  });

  it('[C-21] starts a publish episode that waits for human approval and posts nothing', async () => {
    const t = await seedTenant(stack.ds);
    const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
    const caller = assistantCaller(t, t.users.author, { [t.clientId]: 'Publisher' });
    const deps = { temporal: temporal.client, publishTaskQueue: stack.taskQueue };
    const draft = await w.call<{ assetId: string }>(postDraftTool, caller, t.clientId, {
      text: 'Drafted by an assistant',
    });
    const scheduledAt = new Date(Date.now() + 5_000).toISOString();
    const out = await w.call<{ postId: string; needsHumanApproval: boolean }>(
      postScheduleTool,
      caller,
      t.clientId,
      { assetId: draft.result.assetId, platformAccountId: acc.accountId, scheduledAt },
      deps,
    );
    expect(out.result.needsHumanApproval).toBe(true);

    const post = await waitForPost(
      stack,
      t.users.approver,
      out.result.postId,
      (p) => p.workflowStatus === 'awaiting_approval',
    );
    expect(post.approvals).toEqual([]);
    // Past its time it still waits: nobody approved, so nothing was posted.
    await new Promise((r) => setTimeout(r, 7_000));
    expect((await getPost(stack, t.users.approver, out.result.postId)).workflowStatus).toBe('awaiting_approval');
    expect(await sandboxPostsBy(stack, acc.sandboxUserId)).toEqual([]);
    const [job] = await stack.ds.query<{ created_by: string }[]>('SELECT created_by FROM publish_jobs WHERE id = $1', [
      out.result.postId,
    ]);
    expect(job.created_by).toBe(t.users.author);
  });

  it("refuses cleanly for another client's account or asset, and for an episode's step", async () => {
    const a = await seedTenant(stack.ds);
    const b = await seedTenant(stack.ds);
    const accB = await connectSandboxAccount(stack, b.users.admin, b.clientId);
    const caller = assistantCaller(a, a.users.author, { [a.clientId]: 'Publisher' });
    const deps = { temporal: temporal.client, publishTaskQueue: stack.taskQueue };
    const draft = await w.call<{ assetId: string }>(postDraftTool, caller, a.clientId, { text: 'Mine' });
    const at = new Date(Date.now() + 3600_000).toISOString();
    await expect(
      w.call(
        postScheduleTool,
        caller,
        a.clientId,
        { assetId: draft.result.assetId, platformAccountId: accB.accountId, scheduledAt: at },
        deps,
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      w.call(
        postScheduleTool,
        activityCaller(a, 'engagement', 'drafter'),
        a.clientId,
        {
          assetId: draft.result.assetId,
          platformAccountId: accB.accountId,
          scheduledAt: at,
        },
        deps,
      ),
    ).rejects.toMatchObject({ code: 'not_allowed' });
    const jobs = await stack.ds.query<{ id: string }[]>('SELECT id FROM publish_jobs WHERE asset_id = $1', [
      draft.result.assetId,
    ]);
    expect(jobs).toEqual([]);
  });
});
