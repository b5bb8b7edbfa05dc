import type { Client } from '@temporalio/client';
import type { RunningIngest } from '../../../services/ingest/ingest.app';
import { engagementStatusQuery, engagementWorkflowId } from '../../../workflows/contracts/engagement.contract';
import type { ConnectedAccount } from '../../factories/connect-account';
import { connectSandboxAccount, SANDBOX_PASSWORD } from '../../factories/connect-account';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';
import { SANDBOX_SECRET, startTestIngest, testSecrets } from '../../integration/ingest/ingest-harness';
import type { Episode, EpisodeDriver } from './episode';

export interface EngagementEpisode extends Episode {
  kind: 'engagement';
  account: ConnectedAccount;
  postId: string;
  commentId: string;
}

/**
 * The engagement episode of one fan question: the sandbox signs its comment webhook to the ingest, which commits it
 * and signals the account's episode; it records, routes, drafts and answers it through the guard (reply autonomy
 * `autonomous`). One account per run: the account's episode handles its events one after the other, so a run killed
 * at a boundary never holds back another run's.
 */
export async function engagementEpisodes(
  stack: TestStack,
  temporal: Client,
  engagementQueue: string,
): Promise<EpisodeDriver<EngagementEpisode>> {
  const t: SeededTenant = await seedTenant(stack.ds, { autonomy: { reply: 'autonomous' }, fourEyes: false });
  const ingest: RunningIngest = await startTestIngest({
    env: { RAIZE_INGEST_DRAIN: '1', RAIZE_TASK_QUEUE: engagementQueue, RAIZE_INGEST_DRAIN_IDLE_MS: '50' },
    temporal,
    secrets: testSecrets(),
  });
  const hook = await stack.sandboxAdmin.registerWebhook({
    url: `${ingest.url}/webhooks/sandbox`,
    secret: SANDBOX_SECRET,
  });
  const fan = await stack.sandboxAdmin.createUser({ username: `crash_fan_${Date.now()}`, password: SANDBOX_PASSWORD });
  let n = 0;

  return {
    kind: 'engagement',
    start(count) {
      return Promise.all(
        Array.from({ length: count }, async (): Promise<EngagementEpisode> => {
          const k = ++n;
          const account = await connectSandboxAccount(stack, t.users.admin, t.clientId);
          // The brand's own post, made on the platform directly (the fan's question is what this episode is about).
          const token = await stack.sandboxAdmin.issueToken({ userId: account.sandboxUserId });
          const res = await fetch(`${stack.sandbox.url}/posts`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token.access_token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ text: `Our spring range is here (${k})` }),
          });
          const postId = ((await res.json()) as { id: string }).id;
          const comment = await stack.sandboxAdmin.createComment({
            postId,
            authorId: fan.id,
            text: `Question ${k}: do you ship to Canada?`,
          });
          return {
            kind: 'engagement',
            workflowId: engagementWorkflowId(t.clientId, account.accountId),
            account,
            postId,
            commentId: comment.id,
          };
        }),
      );
    },

    // Reply autonomy is autonomous: no human part.
    operate: () => Promise.resolve(),

    async verdict(e) {
      const replies = (await stack.sandboxAdmin.listComments(e.postId)).filter(
        (c) => c.parentId === e.commentId && c.authorId === e.account.sandboxUserId,
      );
      const [conv] = await stack.ds.query<{ status: string }[]>(
        `SELECT status FROM conversations WHERE platform_account_id = $1`,
        [e.account.accountId],
      );
      const ledger = await stack.ds.query<{ state: string }[]>(
        `SELECT state FROM side_effect_ledger WHERE platform_account_id = $1 AND action = 'reply'`,
        [e.account.accountId],
      );
      const sent = await stack.ds.query<{ id: string }[]>(
        `SELECT id FROM engagement_replies WHERE platform_account_id = $1 AND status = 'sent'`,
        [e.account.accountId],
      );
      // The account's episode lives on (it waits for the next comment): it has ended this run once nothing is pending.
      const view =
        conv?.status === 'answered'
          ? await temporal.workflow
              .getHandle(e.workflowId)
              .query(engagementStatusQuery)
              .catch(() => undefined)
          : undefined;
      const twice = [
        ...(ledger.length > 1 ? [`${ledger.length} ledger entries`] : []),
        ...(sent.length > 1 ? [`${sent.length} replies recorded as sent`] : []),
      ];
      return {
        ended: conv?.status === 'answered' && !!view && view.handled >= 1 && view.pending === 0,
        made: replies.length,
        twice,
        seen: `conversation ${conv?.status ?? 'none'}, ${replies.length} reply(ies) on the platform, ledger ${ledger.map((l) => l.state).join(',') || 'none'}, view ${JSON.stringify(view ?? null)}`,
      };
    },

    async close() {
      await stack.sandboxAdmin.deleteWebhook(hook.id).catch(() => undefined);
      await ingest.close();
    },
  };
}
