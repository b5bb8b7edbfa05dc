import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { ConnectedAccount } from '../../factories/connect-account';
import { connectSandboxAccount } from '../../factories/connect-account';
import { approvePost, createAsset, schedulePost } from '../../factories/posts';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import type { Episode, EpisodeDriver, Verdict } from './episode';
import { OperatorCalls, workflowStatus } from './episode';

export interface PublishEpisode extends Episode {
  kind: 'publish';
  postId: string;
  text: string;
  account: ConnectedAccount;
}

/**
 * The publish episode as an agency runs it: an author schedules a post due now, the guard holds it for approval
 * (publish autonomy `assisted`), a Manager approves it, the guard publishes it and reads it back (`verified`).
 * Posts go round a few accounts, so the platform's pacing and the daily cap never hold the matrix back.
 */
export async function publishEpisodes(
  stack: TestStack,
  temporal: Client,
  accounts = 6,
): Promise<EpisodeDriver<PublishEpisode>> {
  const t: SeededTenant = await seedTenant(stack.ds, { autonomy: { publish: 'assisted' }, fourEyes: false });
  const accs: ConnectedAccount[] = [];
  for (let i = 0; i < accounts; i++) accs.push(await connectSandboxAccount(stack, t.users.admin, t.clientId));
  const tag = randomUUID().slice(0, 8);
  const started: PublishEpisode[] = [];
  const calls = new OperatorCalls();
  let n = 0;

  return {
    kind: 'publish',
    async start(count) {
      const made = await Promise.all(
        Array.from({ length: count }, async (): Promise<PublishEpisode> => {
          const k = ++n;
          const account = accs[k % accs.length]!;
          const text = `Crash matrix ${tag} post ${k}: spring jackets are in`;
          const asset = await createAsset(stack, t.users.author, t.clientId, text);
          const post = await schedulePost(stack, t.users.author, {
            clientId: t.clientId,
            platformAccountId: account.accountId,
            assetId: asset.id,
            inSeconds: 0,
          });
          return { kind: 'publish', workflowId: post.workflowId, postId: post.id, text, account };
        }),
      );
      started.push(...made);
      return made;
    },

    async operate() {
      if (!started.length) return;
      const waiting = await stack.ds.query<{ id: string }[]>(
        `SELECT id FROM publish_jobs WHERE client_id = $1 AND status = 'awaiting_approval' AND id = ANY($2)`,
        [t.clientId, started.map((e) => e.postId)],
      );
      for (const { id } of waiting)
        calls.fire(id, async () => !(await approvePost(stack, t.users.approver, id)).errors);
    },

    async verdict(e) {
      const [job] = await stack.ds.query<
        { status: string; idempotency_key: string; platform_post_id: string | null }[]
      >(`SELECT status, idempotency_key, platform_post_id FROM publish_jobs WHERE id = $1`, [e.postId]);
      const posts = (await stack.sandboxAdmin.listPosts()).filter(
        (p) => p.authorId === e.account.sandboxUserId && p.text === e.text,
      );
      const ledger = await stack.ds.query<{ state: string; platform_post_id: string | null }[]>(
        `SELECT state, platform_post_id FROM side_effect_ledger WHERE idempotency_key = $1`,
        [job?.idempotency_key ?? ''],
      );
      const wf = await workflowStatus(temporal, e.workflowId);
      const twice: string[] = [];
      // The one ledger entry names the one post: a second post the ledger does not know would be a double post.
      if (posts.length === 1 && ledger[0]?.platform_post_id !== posts[0]!.id) twice.push('ledger names another post');
      const verdict: Verdict = {
        ended: job?.status === 'verified' && wf === 'COMPLETED',
        made: posts.length,
        twice,
        seen: `job ${job?.status}, workflow ${wf}, ${posts.length} post(s), ledger ${ledger.map((l) => l.state).join(',') || 'none'}`,
      };
      return verdict;
    },

    // An approval still waiting on a workflow is dropped with the stack.
    close: () => Promise.resolve(),
  };
}
