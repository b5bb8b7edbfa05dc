import { WorkflowFailedError } from '@temporalio/client';
import type { PublishWorkflowInput } from '../../workflows/contracts/publish.contract';
import { PUBLISH_WORKFLOW_TYPE } from '../../workflows/contracts/publish.contract';
import { connectSandboxAccount } from '../factories/connect-account';
import { createAsset, postAttempts, schedulePost } from '../factories/posts';
import { seedTenant } from '../factories/tenant.factory';
import type { TestStack } from '../harness/stack';
import { startTestStack } from '../harness/stack';
import { temporalClient } from '../harness/test-env';

describe('immutable tenant context of background work', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ withWorker: true });
  });
  afterAll(() => stack.close());

  it("[C-05] a job whose payload names another client's account is refused and nothing is sent", async () => {
    const a = await seedTenant(stack.ds, { autonomy: { publish: 'autonomous' }, fourEyes: false });
    const b = await seedTenant(stack.ds, { autonomy: { publish: 'autonomous' }, fourEyes: false });
    const accA = await connectSandboxAccount(stack, a.users.admin, a.clientId);
    const accB = await connectSandboxAccount(stack, b.users.admin, b.clientId);
    const asset = await createAsset(stack, a.users.author, a.clientId, 'Meant for A');
    const post = await schedulePost(stack, a.users.author, {
      clientId: a.clientId,
      platformAccountId: accA.accountId,
      assetId: asset.id,
      inSeconds: 3600,
    });
    await stack.sandboxAdmin.clearRequests();
    const [job] = await stack.ds.query<{ payload: PublishWorkflowInput }[]>(
      'SELECT payload FROM publish_jobs WHERE id = $1',
      [post.id],
    );
    // The payload itself cannot be edited in the database...
    await expect(
      stack.ds.query(
        `UPDATE publish_jobs SET payload = jsonb_set(payload, '{platformAccountId}', to_jsonb($1::text)) WHERE id = $2`,
        [accB.accountId, post.id],
      ),
    ).rejects.toThrow(/immutable/);
    // ...so the attack is a workflow started with a doctored input pointing at B's account.
    const { client, close } = await temporalClient();
    try {
      const doctored: PublishWorkflowInput = {
        ...job.payload,
        platformAccountId: accB.accountId,
        scheduledAt: new Date().toISOString(),
      };
      const run = client.workflow.execute(PUBLISH_WORKFLOW_TYPE, {
        taskQueue: stack.taskQueue,
        workflowId: `doctored-${post.id}`,
        args: [doctored],
      });
      const err = await run.then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(WorkflowFailedError);
      expect(JSON.stringify((err as WorkflowFailedError).cause)).toMatch(/TenantRefused|does not match the stored job/);
      expect(await postAttempts(stack)).toBe(0);
      expect(
        (await stack.sandboxAdmin.listPosts()).filter(
          (p) => p.authorId === accB.sandboxUserId || p.authorId === accA.sandboxUserId,
        ),
      ).toHaveLength(0);
    } finally {
      await close();
    }
  });
});
