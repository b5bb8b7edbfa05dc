import { randomUUID } from 'node:crypto';
import { Asset, EngagementReply } from '../../../services/core/database/entities';
import { engagementChecksum } from '../../../services/core/repositories/engagement-replies.repository';
import { assetChecksum } from '../../../services/core/util/asset-checksum';
import { postDraftTool } from '../../../services/gateway/tools/post-draft.tool';
import { replyProposeTool } from '../../../services/gateway/tools/reply-propose.tool';
import { textGenerateTool } from '../../../services/gateway/tools/text-generate.tool';
import type { SeededTenant } from '../../factories/tenant.factory';
import { seedTenant } from '../../factories/tenant.factory';
import type { ToolsWorld } from './tools-world';
import { activityCaller, assistantCaller, openToolsWorld } from './tools-world';

describe('gateway generate and draft tools (real Postgres, provider gateway, OPA wasm)', () => {
  let w: ToolsWorld;
  let t: SeededTenant;
  beforeAll(async () => {
    w = await openToolsWorld();
    t = await seedTenant(w.owner);
  });
  afterAll(() => w?.close());

  it('text_generate goes through the provider gateway, returns its AiCallResult and records usage for the step', async () => {
    const caller = activityCaller(t, 'planning', 'planner');
    const stepId = `plan:${randomUUID()}`;
    const out = await w.call<Record<string, unknown>>(textGenerateTool, caller, t.clientId, {
      stepId,
      prompt: 'Write a caption about the spring menu',
      maxOutputTokens: 200,
      hints: { topic: 'spring menu', brand: { name: 'Acme', hashtags: ['#acme'] } },
    });
    expect(out.result).toMatchObject({ ok: true, provider: 'local', usage: { costMicros: 0 } });
    expect(out.result.text).toMatch(/spring menu/);
    expect(out.costUsdMicros).toBe(0);
    const usage = await w.owner.query<{ step_kind: string; kind: string }[]>(
      'SELECT step_kind, kind FROM ai_usage WHERE client_id = $1 AND step_id = $2',
      [t.clientId, stepId],
    );
    expect(usage).toEqual([{ step_kind: 'planner', kind: 'text' }]);

    // An assistant's step ids are its own: they cannot add to an episode's step.
    const assistant = assistantCaller(t, t.users.author, { [t.clientId]: 'Publisher' });
    await w.call(textGenerateTool, assistant, t.clientId, { stepId, prompt: 'Hello', maxOutputTokens: 50 });
    const mine = await w.owner.query<{ step_id: string; step_kind: string }[]>(
      "SELECT step_id, step_kind FROM ai_usage WHERE client_id = $1 AND step_kind = 'assistant'",
      [t.clientId],
    );
    expect(mine).toEqual([{ step_id: `assistant:${assistant.tokenId}:${stepId}`, step_kind: 'assistant' }]);
  });

  it("post_draft creates a draft asset as the API's model shows it, authored by the assistant's operator and audited", async () => {
    const caller = assistantCaller(t, t.users.author, { [t.clientId]: 'Publisher' });
    const out = await w.call<{ assetId: string; checksum: string }>(postDraftTool, caller, t.clientId, {
      text: 'Spring menu is here. #acme',
    });
    // The API's assets list reads the client's Asset rows: the draft is one of them, with its pinned checksum.
    const [asset] = await w.owner
      .getRepository(Asset)
      .find({ where: { id: out.result.assetId, clientId: t.clientId } });
    expect(asset).toMatchObject({
      kind: 'text',
      text: 'Spring menu is here. #acme',
      authorId: t.users.author,
      authorKind: 'ai',
      checksum: assetChecksum({ text: 'Spring menu is here. #acme' }),
    });
    const audit = await w.owner.query<{ actor: string }[]>(
      "SELECT actor FROM audit_events WHERE subject_id = $1 AND action = 'asset.created'",
      [asset.id],
    );
    expect(audit).toEqual([{ actor: `user:${t.users.author}` }]);
    // Nothing was scheduled.
    const jobs = await w.owner.query<{ id: string }[]>('SELECT id FROM publish_jobs WHERE asset_id = $1', [asset.id]);
    expect(jobs).toEqual([]);
  });

  describe('reply_propose', () => {
    async function conversation(text: string): Promise<{ conversationId: string; eventId: string }> {
      const [acc] = await w.owner.query<{ id: string }[]>(
        `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
         VALUES ($1, $2, 'sandbox', $3, '@brand', 'fp') RETURNING id`,
        [t.agencyId, t.clientId, randomUUID()],
      );
      const ext = randomUUID();
      const [event] = await w.owner.query<{ id: string }[]>(
        `INSERT INTO inbound_events (source, delivery_id, external_account_id, kind, external_id, author_external_id,
           text, occurred_at, agency_id, client_id, platform_account_id)
         VALUES ('sandbox', $1, 'brand', 'comment', $1, 'fan', $2, now(), $3, $4, $5) RETURNING id`,
        [ext, text, t.agencyId, t.clientId, acc.id],
      );
      const [conv] = await w.owner.query<{ id: string }[]>(
        `INSERT INTO conversations (agency_id, client_id, platform_account_id, platform, thread_key, kind, status,
           last_message_at)
         VALUES ($1, $2, $3, 'sandbox', $4, 'comment', 'escalated', now()) RETURNING id`,
        [t.agencyId, t.clientId, acc.id, `comment:${ext}`],
      );
      await w.owner.query(
        `INSERT INTO conversation_messages (agency_id, client_id, conversation_id, inbound_event_id, direction,
           author_handle, text, occurred_at)
         VALUES ($1, $2, $3, $4, 'in', '@fan', $5, now())`,
        [t.agencyId, t.clientId, conv.id, event.id, text],
      );
      return { conversationId: conv.id, eventId: event.id };
    }

    it('[C-29] stores a proposal awaiting human approval in the inbox and sends nothing', async () => {
      const { conversationId, eventId } = await conversation('When do you open on Sundays?');
      const caller = assistantCaller(t, t.users.reviewer, { [t.clientId]: 'Reviewer' });
      const text = 'We open at ten on Sundays. See you soon!';
      const out = await w.call<{ replyId: string; sent: boolean }>(replyProposeTool, caller, t.clientId, {
        conversationId,
        text,
      });
      expect(out.result.sent).toBe(false);
      const reply = await w.owner.getRepository(EngagementReply).findOneByOrFail({ id: out.result.replyId });
      expect(reply).toMatchObject({
        inboundEventId: eventId,
        action: 'reply',
        text,
        checksum: engagementChecksum('reply', text),
        status: 'draft',
        authorKind: 'ai',
        authorId: t.users.reviewer,
        approvedBy: null,
        sentAt: null,
        platformReplyId: null,
      });
      const [conv] = await w.owner.query<{ status: string }[]>('SELECT status FROM conversations WHERE id = $1', [
        conversationId,
      ]);
      expect(conv.status).toBe('awaiting_approval');
    });

    it('[C-29] refuses a reply that fails the reply checks and stores nothing', async () => {
      const { eventId, conversationId } = await conversation('Can I get a refund?');
      const caller = assistantCaller(t, t.users.reviewer, { [t.clientId]: 'Reviewer' });
      await expect(
        w.call(replyProposeTool, caller, t.clientId, {
          conversationId,
          text: 'Sure, just use the key sk-live-abcdefghijklmnopqrstuvwx1234 to log in',
        }),
      ).rejects.toThrow(/reply checks/);
      const rows = await w.owner.query<{ id: string }[]>(
        'SELECT id FROM engagement_replies WHERE inbound_event_id = $1',
        [eventId],
      );
      expect(rows).toEqual([]);
      // Without the policy engine there is no check, so no proposal either.
      await expect(
        w.call(replyProposeTool, caller, t.clientId, { conversationId, text: 'Hello' }, { policy: undefined }),
      ).rejects.toMatchObject({ code: 'unavailable' });
    });
  });
});
