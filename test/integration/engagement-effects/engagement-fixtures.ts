import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/common';
import type { ClientPolicySettings } from '../../../services/core/database/entities';
import { EngagementRepliesRepository } from '../../../services/core/repositories/engagement-replies.repository';
import type { Comment } from '../../../services/sandbox/sandbox.types';
import type { ConnectedAccount } from '../../factories/connect-account';
import { connectSandboxAccount } from '../../factories/connect-account';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';

export interface EngagementScene {
  t: SeededTenant;
  acc: ConnectedAccount;
  /** the brand's post on the sandbox, and an audience member who comments on it */
  postId: string;
  fanId: string;
  ctx: { agencyId: string; clientId: string; platformAccountId: string; workflowId: string };
}

type Settings = Parameters<typeof seedTenant>[1] & Partial<Pick<ClientPolicySettings, 'cooldownSeconds'>>;

/** A client with a connected sandbox account that has published a post, and a fan of it. */
export async function engagementScene(stack: TestStack, settings: Settings): Promise<EngagementScene> {
  const t = await seedTenant(stack.ds, settings);
  const acc = await connectSandboxAccount(stack, t.users.admin, t.clientId);
  const token = (await stack.sandboxAdmin.issueToken({ userId: acc.sandboxUserId })).access_token;
  const res = await fetch(`${stack.sandbox.url}/posts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text: 'Our spring collection is here' }),
  });
  const post = (await res.json()) as { id: string };
  const fan = await stack.sandboxAdmin.createUser({ username: `fan-${randomUUID().slice(0, 8)}`, password: 'pw' });
  return {
    t,
    acc,
    postId: post.id,
    fanId: fan.id,
    ctx: {
      agencyId: t.agencyId,
      clientId: t.clientId,
      platformAccountId: acc.accountId,
      workflowId: `engage-${t.clientId}-${acc.accountId}`,
    },
  };
}

/** The fan comments (or DMs) and the ingest has stored it as an inbound event of the account. */
export async function inbound(
  stack: TestStack,
  s: EngagementScene,
  text: string,
  kind: 'comment' | 'dm' = 'comment',
): Promise<{ eventId: string; externalId: string }> {
  const item: { id: string } =
    kind === 'comment'
      ? ((await stack.sandboxAdmin.createComment({ postId: s.postId, authorId: s.fanId, text })) as Comment)
      : await stack.sandboxAdmin.sendDm({ fromUserId: s.fanId, toUserId: s.acc.sandboxUserId, text });
  const rows: { id: string }[] = await stack.ds.query(
    `INSERT INTO inbound_events (source, delivery_id, external_account_id, kind, external_id, author_external_id, text,
       occurred_at, agency_id, client_id, platform_account_id)
     VALUES ('sandbox', $1, $2, $3, $1, $4, $5, now(), $6, $7, $8) RETURNING id`,
    [item.id, s.acc.sandboxUserId, kind, s.fanId, text, s.t.agencyId, s.t.clientId, s.acc.accountId],
  );
  return { eventId: rows[0]!.id, externalId: item.id };
}

/** A drafted reply or DM to the inbound event, as the drafter stores it. */
export async function draft(
  stack: TestStack,
  s: EngagementScene,
  eventId: string,
  text: string,
  action: 'reply' | 'dm' = 'reply',
) {
  return new EngagementRepliesRepository().draft(stack.ds.manager, {
    agencyId: s.t.agencyId,
    clientId: s.t.clientId,
    platformAccountId: s.acc.accountId,
    inboundEventId: eventId,
    action,
    text,
    authorKind: 'ai',
  });
}

/** What a Temporal retry does with a retryable failure: ask again a moment later (capped). */
export async function withRetries<T>(call: () => Promise<T>, attempts = 30): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await call();
    } catch (err) {
      if (!(err instanceof ApplicationFailure) || err.nonRetryable || i >= attempts) throw err;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/** The engagement requests the platform received on a path (`/comments/:id/replies`, `/dms`, …). */
export async function writes(stack: TestStack, match: (path: string) => boolean): Promise<number> {
  return (await stack.sandboxAdmin.listRequests()).filter((r) => r.method === 'POST' && match(r.path)).length;
}
