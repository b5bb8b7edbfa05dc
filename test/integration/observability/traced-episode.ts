import { connectGql, connectSandboxAccount } from '../../factories/connect-account';
import type { PostView } from '../../factories/posts';
import { createAsset, displayedChecksum, hasStatus, waitForPost } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { temporalClient } from '../../harness/test-env';

export const CAPTION = 'Launch day at the bakery — fresh rye, 7am';

export interface TracedEpisode {
  tenant: SeededTenant;
  accountId: string;
  sandboxUserId: string;
  post: PostView;
  /** `x-correlation-id` of the author's schedulePost and of the approver's approvePost */
  scheduleCorrelation: string;
  approveCorrelation: string;
  /** every activity type the episode's history scheduled */
  activityTypes: string[];
}

/** One GraphQL mutation as the admin app sends it, answering the data and the correlation id the API returned. */
async function mutate<T>(stack: TestStack, actorId: string, query: string, variables: Record<string, unknown>) {
  const { body, res } = await connectGql<T>(stack, actorId, query, variables);
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return { data: body.data, correlation: res.headers.get('x-correlation-id') ?? '' };
}

/**
 * A publish with four-eyes approval on the sandbox, through the GraphQL API: the author schedules (one action, one
 * trace: the workflow and its publish), the approver approves (another action, another trace), until `verified` and
 * the workflow has completed (its run span ends with it).
 */
export async function runTracedEpisode(stack: TestStack): Promise<TracedEpisode> {
  const tenant = await seedTenant(stack.ds);
  const acc = await connectSandboxAccount(stack, tenant.users.admin, tenant.clientId);
  const asset = await createAsset(stack, tenant.users.author, tenant.clientId, CAPTION);
  const scheduled = await mutate<{ schedulePost: { id: string } }>(
    stack,
    tenant.users.author,
    'mutation($i: SchedulePostInput!) { schedulePost(input: $i) { id } }',
    {
      i: {
        clientId: tenant.clientId,
        platformAccountId: acc.accountId,
        assetId: asset.id,
        scheduledAt: new Date(Date.now() + 2000).toISOString(),
      },
    },
  );
  const postId = scheduled.data.schedulePost.id;
  await waitForPost(stack, tenant.users.author, postId, (p) => p.status === 'awaiting_approval');
  const approved = await mutate(
    stack,
    tenant.users.approver,
    'mutation($i: ApprovePostInput!) { approvePost(input: $i) { id } }',
    { i: { postId, assetChecksum: await displayedChecksum(stack, tenant.users.approver, postId) } },
  );
  const post = await waitForPost(stack, tenant.users.author, postId, hasStatus('verified', 'unverified', 'failed'));
  const { client, close } = await temporalClient();
  try {
    const handle = client.workflow.getHandle(post.workflowId);
    await handle.result();
    const history = await handle.fetchHistory();
    const activityTypes = [
      ...new Set(
        (history.events ?? []).flatMap((e) => {
          const name = e.activityTaskScheduledEventAttributes?.activityType?.name;
          return name ? [name] : [];
        }),
      ),
    ];
    return {
      tenant,
      accountId: acc.accountId,
      sandboxUserId: acc.sandboxUserId,
      post,
      scheduleCorrelation: scheduled.correlation,
      approveCorrelation: approved.correlation,
      activityTypes,
    };
  } finally {
    await close();
  }
}
