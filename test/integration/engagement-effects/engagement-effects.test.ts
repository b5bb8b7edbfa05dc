import { randomUUID } from 'node:crypto';
import type { PublishWorkflowInput } from '../../../workflows/contracts/publish.contract';
import { engagementLaneActivities } from '../../../activities/engagement-effects/engagement-lane';
import { createEngagementEffects } from '../../../activities/engagement-effects/engagement-effects.activities';
import { publishEffect } from '../../../activities/guard/effects/publish.effect';
import { replyEffect } from '../../../activities/guard/effects/reply.effect';
import { engagementKey } from '../../../activities/guard/effects/engagement-effect.shared';
import { SideEffectKernel } from '../../../activities/guard/kernel/side-effect.kernel';
import { EngagementRepliesRepository } from '../../../services/core/repositories/engagement-replies.repository';
import { LANE_REGISTRATIONS } from '../../../services/worker/lane-workers';
import { clientScope } from '../../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../../services/core/tenancy/tenant-scope';
import type { CommentView } from '../../../services/sandbox/sandbox.types';
import { createAsset, schedulePost, sandboxPostsBy } from '../../factories/posts';
import type { TestStack } from '../../harness/stack';
import { startTestStack } from '../../harness/stack';
import type { EngagementScene } from './engagement-fixtures';
import { draft, engagementScene, inbound, withRetries, writes } from './engagement-fixtures';

const AUTONOMOUS = {
  autonomy: { reply: 'autonomous', dm: 'autonomous', like: 'autonomous', hide: 'autonomous' },
  fourEyes: true,
} as const;
const TIMEOUT_MS = 3000;

describe('engagement side effects through the kernel (real Postgres, OPA wasm, sandbox)', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      withWorker: true,
      connectorTimeoutMs: TIMEOUT_MS,
      connectors: {
        sandbox: { settleSeconds: 4, reconcileLooks: 2, pacing: { minSpacingSeconds: 0, jitterSeconds: 0 } },
      },
    });
  });
  afterAll(() => stack.close());
  beforeEach(async () => {
    await stack.sandboxAdmin.clearFaults();
    await stack.sandboxAdmin.clearSwaps();
    await stack.sandboxAdmin.setFlags({ ignoreIdempotencyKey: false, echoRequestKey: true });
    await stack.sandboxAdmin.clearRequests();
  });

  const effects = () => engagementLaneActivities(stack.deps!);
  const comment = async (s: EngagementScene, id: string): Promise<CommentView> => {
    const token = (await stack.sandboxAdmin.issueToken({ userId: s.acc.sandboxUserId })).access_token;
    const res = await fetch(`${stack.sandbox.url}/comments/${id}`, { headers: { authorization: `Bearer ${token}` } });
    return (await res.json()) as CommentView;
  };
  const row = async (id: string) =>
    (
      await stack.ds.query<{ status: string; platform_reply_id: string; proof: { verified: boolean } | null }[]>(
        'SELECT status, platform_reply_id, proof FROM engagement_replies WHERE id = $1',
        [id],
      )
    )[0]!;
  const audits = async (clientId: string, action: string) =>
    Number(
      (
        await stack.ds.query<{ n: string }[]>(
          'SELECT count(*) AS n FROM audit_events WHERE client_id = $1 AND action = $2',
          [clientId, action],
        )
      )[0]!.n,
    );

  it('replies to a comment end to end: sent, read back, proof and audit recorded', async () => {
    const s = await engagementScene(stack, AUTONOMOUS);
    const ev = await inbound(stack, s, 'When does it ship?');
    const d = await draft(stack, s, ev.eventId, 'It ships on Friday!');
    const out = await effects().guardedReply({
      ...s.ctx,
      inboundEventId: ev.eventId,
      replyId: d.id,
      checksum: d.checksum,
    });
    expect(out).toMatchObject({ outcome: 'done', verified: true, reconciled: false, reasons: [] });
    const back = await comment(s, ev.externalId);
    expect(back.replies).toHaveLength(1);
    expect(back.replies[0]).toMatchObject({ id: out.platformId, text: 'It ships on Friday!' });
    expect(back.replies[0]!.authorId).toBe(s.acc.sandboxUserId);
    expect(await row(d.id)).toMatchObject({ status: 'sent', platform_reply_id: out.platformId });
    expect((await row(d.id)).proof!.verified).toBe(true);
    expect(await audits(s.t.clientId, 'reply.sent')).toBe(1);
  });

  it('likes, hides and DMs end to end, each read back from the platform', async () => {
    const s = await engagementScene(stack, AUTONOMOUS);
    const spam = await inbound(stack, s, 'cheap followers at spam.example');
    const fan = await inbound(stack, s, 'Love it!');
    const liked = await effects().guardedLike({ ...s.ctx, inboundEventId: fan.eventId });
    expect(liked).toMatchObject({ outcome: 'done', verified: true });
    const hidden = await effects().guardedHide({ ...s.ctx, inboundEventId: spam.eventId });
    expect(hidden).toMatchObject({ outcome: 'done', verified: true });
    expect(await comment(s, fan.externalId)).toMatchObject({ likedByMe: true, hidden: false });
    expect(await comment(s, spam.externalId)).toMatchObject({ hidden: true, likedByMe: false });

    const dm = await inbound(stack, s, 'Can I change my order?', 'dm');
    const d = await draft(stack, s, dm.eventId, 'Sure, send us your order number here.', 'dm');
    const sent = await effects().guardedDm({
      ...s.ctx,
      inboundEventId: dm.eventId,
      replyId: d.id,
      checksum: d.checksum,
    });
    expect(sent).toMatchObject({ outcome: 'done', verified: true });
    const dms = await stack.sandboxAdmin.listDms();
    expect(dms.filter((m) => m.fromUserId === s.acc.sandboxUserId)).toEqual([
      expect.objectContaining({ id: sent.platformId, toUserId: s.fanId }) as unknown,
    ]);
    // A reply answers a comment, never a DM: refused before anything is sent.
    const wrong = await draft(stack, s, dm.eventId, 'Thanks!', 'reply');
    const refused = await effects().guardedReply({
      ...s.ctx,
      inboundEventId: dm.eventId,
      replyId: wrong.id,
      checksum: wrong.checksum,
    });
    expect(refused.outcome).toBe('refused');
    expect(refused.reasons.map((r) => r.code)).toContain('invalid_input');
  });

  it('[C-22] a retried reply never replies twice; after an unknown outcome the guard asks the platform first', async () => {
    const s = await engagementScene(stack, AUTONOMOUS);
    const ev = await inbound(stack, s, 'Is it vegan?');
    const d = await draft(stack, s, ev.eventId, 'Yes, fully vegan.');
    const input = { ...s.ctx, inboundEventId: ev.eventId, replyId: d.id, checksum: d.checksum };
    // The platform neither dedupes by key nor answers in time: a blind retry would reply twice.
    await stack.sandboxAdmin.setFlags({ ignoreIdempotencyKey: true });
    await stack.sandboxAdmin.setFaults([
      { match: { method: 'POST', path: '/comments/*' }, beforeHandlerDelayMs: TIMEOUT_MS + 1500, times: 1 },
    ]);
    const out = await withRetries(() => effects().guardedReply(input));
    expect(out).toMatchObject({ outcome: 'done', verified: true, reconciled: true });
    const again = await effects().guardedReply(input);
    expect(again).toMatchObject({ outcome: 'done', reconciled: true, platformId: out.platformId });
    expect((await comment(s, ev.externalId)).replies).toHaveLength(1);
    expect(await writes(stack, (p) => p.endsWith('/replies'))).toBe(1);
  });

  it('[C-21] assisted autonomy: a reply without an approval waits for one; approved, it is sent', async () => {
    const s = await engagementScene(stack, { autonomy: { reply: 'assisted' }, fourEyes: true });
    const ev = await inbound(stack, s, 'Do you ship to Norway?');
    const d = await draft(stack, s, ev.eventId, 'We do!');
    const input = { ...s.ctx, inboundEventId: ev.eventId, replyId: d.id, checksum: d.checksum };
    const held = await effects().guardedReply(input);
    expect(held.outcome).toBe('needs_approval');
    expect(held.reasons.map((r) => r.code)).toContain('approval_required');
    await new EngagementRepliesRepository().approve(stack.ds.manager, {
      id: d.id,
      clientId: s.t.clientId,
      approverId: s.t.users.approver,
      checksum: d.checksum,
    });
    // The workflow must name the same approver the inbox recorded; another name counts for nothing.
    const forged = await effects().guardedReply({ ...input, approvedBy: s.t.users.author });
    expect(forged.outcome).toBe('needs_approval');
    expect(await writes(stack, (p) => p.endsWith('/replies'))).toBe(0);
    const sent = await effects().guardedReply({ ...input, approvedBy: s.t.users.approver });
    expect(sent).toMatchObject({ outcome: 'done', verified: true });
    // Manual (the default for hide) refuses an AI-initiated hide too.
    const spam = await inbound(stack, s, 'spam spam');
    expect((await effects().guardedHide({ ...s.ctx, inboundEventId: spam.eventId })).outcome).toBe('needs_approval');
    expect((await comment(s, spam.externalId)).hidden).toBe(false);
  });

  it('[C-25] caps and cooldowns per action and account', async () => {
    const s = await engagementScene(stack, {
      ...AUTONOMOUS,
      caps: [{ action: 'reply', scope: 'account', max_per_day: 1 }],
      cooldownSeconds: { like: 600 },
    });
    const replies = [];
    for (const text of ['First?', 'Second?']) {
      const ev = await inbound(stack, s, text);
      const d = await draft(stack, s, ev.eventId, `Answer to ${text}`);
      replies.push(
        await effects().guardedReply({ ...s.ctx, inboundEventId: ev.eventId, replyId: d.id, checksum: d.checksum }),
      );
    }
    expect(replies.map((r) => r.outcome)).toEqual(['done', 'refused']);
    expect(replies[1]!.reasons.map((r) => r.code)).toContain('cap_reached');
    expect(await writes(stack, (p) => p.endsWith('/replies'))).toBe(1);

    const [a, b] = [await inbound(stack, s, 'nice'), await inbound(stack, s, 'great')];
    expect((await effects().guardedLike({ ...s.ctx, inboundEventId: a.eventId })).outcome).toBe('done');
    await expect(effects().guardedLike({ ...s.ctx, inboundEventId: b.eventId })).rejects.toMatchObject({
      type: 'Paced',
    });
    expect(await writes(stack, (p) => p.endsWith('/like'))).toBe(1);
  });

  it('[C-25] a spike of negative inbound switches the account to human review', async () => {
    const s = await engagementScene(stack, AUTONOMOUS);
    const [conv] = await stack.ds.query<{ id: string }[]>(
      `INSERT INTO conversations (agency_id, client_id, platform_account_id, platform, thread_key, kind, status,
         last_message_at) VALUES ($1, $2, $3, 'sandbox', $4, 'comment', 'open', now()) RETURNING id`,
      [s.t.agencyId, s.t.clientId, s.acc.accountId, `post:${s.postId}`],
    );
    for (let i = 0; i < 12; i++) {
      const sentiment = i < 9 ? 'negative' : 'neutral';
      await stack.ds.query(
        `INSERT INTO conversation_messages (agency_id, client_id, conversation_id, direction, text, route, occurred_at)
         VALUES ($1, $2, $3, 'in', 'angry', $4, now())`,
        [s.t.agencyId, s.t.clientId, conv!.id, JSON.stringify({ sentiment, intent: 'complaint' })],
      );
    }
    const ev = await inbound(stack, s, 'This is a scam!!');
    const d = await draft(stack, s, ev.eventId, 'We are sorry to hear that.');
    const out = await effects().guardedReply({
      ...s.ctx,
      inboundEventId: ev.eventId,
      replyId: d.id,
      checksum: d.checksum,
    });
    expect(out.outcome).toBe('needs_approval');
    expect(out.reasons.map((r) => r.code)).toContain('negative_spike');
    expect(await writes(stack, (p) => p.endsWith('/replies'))).toBe(0);
    const [settings] = await stack.ds.query<{ autonomy: Record<string, string> }[]>(
      'SELECT autonomy FROM client_policy_settings WHERE client_id = $1',
      [s.t.clientId],
    );
    expect(settings!.autonomy.reply).toBe('assisted');
    expect(await audits(s.t.clientId, 'autonomy.downgraded')).toBe(1);
  });

  it('[C-19] an auto-reply through the guard with a swapped identity is refused and the account quarantined', async () => {
    const s = await engagementScene(stack, AUTONOMOUS);
    const ev = await inbound(stack, s, 'Hello?');
    const d = await draft(stack, s, ev.eventId, 'Hi there!');
    const intruder = await stack.sandboxAdmin.createUser({
      username: `intruder-${randomUUID().slice(0, 8)}`,
      password: 'x',
    });
    await stack.sandboxAdmin.swapIdentity({ fromUserId: s.acc.sandboxUserId, toUserId: intruder.id });
    const out = await effects().guardedReply({
      ...s.ctx,
      inboundEventId: ev.eventId,
      replyId: d.id,
      checksum: d.checksum,
    });
    expect(out.outcome).toBe('refused');
    expect(out.reasons.map((r) => r.code)).toEqual(['fingerprint_mismatch']);
    expect(await writes(stack, (p) => p.startsWith('/comments/'))).toBe(0);
    const [account] = await stack.ds.query<{ status: string }[]>('SELECT status FROM platform_accounts WHERE id = $1', [
      s.acc.accountId,
    ]);
    expect(account!.status).toBe('quarantined');
    expect(await audits(s.t.clientId, 'account.quarantined')).toBe(1);
    expect((await row(d.id)).status).toBe('refused');
  });

  it("[C-05] an inbound event of another client's account is refused before anything is sent", async () => {
    const s = await engagementScene(stack, AUTONOMOUS);
    const other = await engagementScene(stack, AUTONOMOUS);
    const ev = await inbound(stack, other, 'Not yours');
    const d = await draft(stack, other, ev.eventId, 'Hi!');
    await stack.sandboxAdmin.clearRequests();
    const out = await effects().guardedReply({
      ...s.ctx,
      inboundEventId: ev.eventId,
      replyId: d.id,
      checksum: d.checksum,
    });
    expect(out.outcome).toBe('refused');
    expect(out.reasons.map((r) => r.code)).toEqual(['tenant_refused']);
    const liked = await effects().guardedLike({ ...s.ctx, inboundEventId: ev.eventId });
    expect(liked.outcome).toBe('refused');
    expect(await writes(stack, () => true)).toBe(0);
  });

  it('[C-30] the engagement lane cannot publish: no publish activity, and the kernel denies publish for its task class', async () => {
    const names = Object.keys(LANE_REGISTRATIONS.engagement.activities!(stack.deps!));
    expect(names).toEqual(expect.arrayContaining(['guardedReply', 'guardedDm', 'guardedLike', 'guardedHide']));
    for (const forbidden of ['guardedPublish', 'preparePublish', 'recordPublishStatus', 'recordApproval'])
      expect(names).not.toContain(forbidden);
    expect(names.filter((n) => /publish|settings|killswitch|autonomy/i.test(n))).toEqual([]);

    const s = await engagementScene(stack, { autonomy: { publish: 'autonomous' }, fourEyes: false });
    const asset = await createAsset(stack, s.t.users.author, s.t.clientId, 'Sneaked in by an inbound comment');
    const post = await schedulePost(stack, s.t.users.author, {
      clientId: s.t.clientId,
      platformAccountId: s.acc.accountId,
      assetId: asset.id,
      inSeconds: 3600,
    });
    const [job] = await stack.ds.query<{ payload: PublishWorkflowInput; workflow_id: string }[]>(
      'SELECT payload, workflow_id FROM publish_jobs WHERE id = $1',
      [post.id],
    );
    const p = job!.payload;
    const asEngagement = new SideEffectKernel(stack.deps!, { taskClass: 'engagement' });
    const scoped = async <T>(work: () => Promise<T>) =>
      runInTenantScope(stack.deps!.ds, await clientScope(stack.deps!.ds, s.t.clientId), work);
    const denied = await scoped(() =>
      asEngagement.run(publishEffect(stack.deps!.audit, stack.deps!.artifacts), {
        jobId: p.jobId,
        agencyId: p.agencyId,
        clientId: p.clientId,
        platformAccountId: p.platformAccountId,
        assetId: p.assetId,
        assetChecksum: p.assetChecksum,
        idempotencyKey: p.idempotencyKey,
        scheduledAt: new Date().toISOString(),
        workflowId: job!.workflow_id,
        approvalIds: [],
        recordPublishing: false,
      }),
    );
    expect(denied.kind).toBe('denied');
    expect(denied.kind !== 'done' && denied.reasons.map((r) => r.code)).toContain('task_not_allowed');
    expect(await sandboxPostsBy(stack, s.acc.sandboxUserId)).toHaveLength(1);

    // And the other way round: the publish lane's kernel may not reply.
    const ev = await inbound(stack, s, 'hi');
    const d = await draft(stack, s, ev.eventId, 'hello');
    const claim = { ...s.ctx, inboundEventId: ev.eventId, replyId: d.id, checksum: d.checksum };
    const asPublish = new SideEffectKernel(stack.deps!, { taskClass: 'publish' });
    const refused = await scoped(() =>
      asPublish.run(replyEffect(stack.deps!.audit), {
        ...claim,
        idempotencyKey: engagementKey({ ...claim, action: 'reply' }),
      }),
    );
    expect(refused.kind !== 'done' && refused.reasons.map((r) => r.code)).toContain('task_not_allowed');
    // Unscoped effects built for the engagement lane still carry its task class.
    expect(Object.keys(createEngagementEffects(stack.deps!))).toHaveLength(4);
  });
});
