import { z } from 'zod';
import { ClientPolicySettings, ConversationMessage } from '../../core/database/entities';
import { ConversationsRepository } from '../../core/engagement/conversations/conversations.repository';
import { checkReply } from '../../core/engagement/reply';
import { BrandKitRepository } from '../../core/knowledge/brand-kit.repository';
import { EngagementRepliesRepository } from '../../core/repositories/engagement-replies.repository';
import { ToolRefusal } from '../tool.types';
import { clientIdField, clientOf } from './tool-client';
import { defineTool } from './tool-definition';

const replies = new EngagementRepliesRepository();
const brandKits = new BrandKitRepository();
/** Statuses in which a conversation may get a proposal; answered, hidden and closed threads are done. */
const PROPOSABLE = new Set(['open', 'escalated', 'awaiting_approval']);

const input = z.strictObject({
  clientId: clientIdField,
  conversationId: z.uuid().describe('the conversation to answer (from inbox_read)'),
  text: z.string().trim().min(1).max(2000).describe('the proposed reply'),
});

/**
 * A proposed reply to a conversation's latest inbound message, stored as a draft awaiting a human's approval in the
 * inbox; nothing is sent. It must pass the same reply checks as any reply before it is stored (C-29), and the approval
 * in the inbox checks it again and sends it through the guard.
 */
export const replyProposeTool = defineTool(
  {
    name: 'reply_propose',
    title: 'Propose a reply',
    description:
      "Proposes a reply to a conversation in the client's inbox. The reply is checked against the brand's rules " +
      '(banned words and claims, links, personal data, secrets) and stored as a draft that waits for a human to ' +
      'approve it in the inbox; nothing is sent by this tool.',
    class: 'draft',
    takesClient: true,
  },
  input,
  async (ctx, q) => {
    const { clientId } = clientOf(ctx);
    const policy = ctx.deps.policy;
    if (!policy) throw new ToolRefusal('unavailable', 'reply checks are not available in this gateway');
    const conv = await ConversationsRepository.conversation(ctx.m, { clientId, id: q.conversationId });
    if (!conv) throw new ToolRefusal('not_found', 'conversation not found');
    if (!PROPOSABLE.has(conv.status))
      throw new ToolRefusal('invalid_input', `the conversation is ${conv.status}: there is nothing to answer`);
    const latest = await ctx.m.findOne(ConversationMessage, {
      where: { conversationId: conv.id, clientId, direction: 'in' },
      order: { occurredAt: 'DESC', createdAt: 'DESC' },
    });
    if (!latest?.inboundEventId) throw new ToolRefusal('invalid_input', 'there is no message to answer yet');
    const action = conv.kind === 'dm' ? 'dm' : 'reply';

    const kit = await brandKits.view(ctx.m, clientId);
    const settings = await ctx.m.findOne(ClientPolicySettings, { where: { clientId } });
    const check = checkReply(policy, {
      text: q.text,
      platform: conv.platform,
      kind: action,
      // Proposed for a human to approve, like an operator's own words: the template rule is for unattended replies.
      origin: 'human',
      brand: kit
        ? {
            name: kit.name,
            voice: kit.voice,
            doWords: kit.doWords,
            dontWords: kit.dontWords,
            bannedClaims: kit.bannedClaims,
          }
        : {},
      linkAllowlist: settings?.engagement?.linkAllowlist ?? [],
    });
    if (!check.allow)
      throw new ToolRefusal(
        'invalid_input',
        `the reply fails the reply checks: ${check.reasons
          .slice(0, 5)
          .map((r) => `${r.code}: ${r.message}`)
          .join('; ')}`,
      );

    const c = ctx.caller;
    const row = await ctx.m.transaction(async (m) => {
      const draft = await replies.draft(m, {
        agencyId: conv.agencyId,
        clientId,
        platformAccountId: conv.platformAccountId,
        inboundEventId: latest.inboundEventId!,
        action,
        text: q.text,
        authorKind: 'ai',
        // The assistant's operator wrote it through their assistant: none of its authors approves it (C-21).
        authorId: c.kind === 'assistant' ? c.userId : null,
      });
      if (conv.status !== 'awaiting_approval')
        await ConversationsRepository.mark(m, {
          clientId,
          conversationId: conv.id,
          status: 'awaiting_approval',
          reasons: conv.reasons,
        });
      return draft;
    });
    return {
      result: {
        replyId: row.id,
        conversationId: conv.id,
        action,
        status: row.status,
        checksum: row.checksum,
        sent: false,
      },
      summary: `Reply proposed (${row.id}); it waits for a human's approval in the inbox and was not sent.`,
    };
  },
);
