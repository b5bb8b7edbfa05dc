import { ApplicationFailure } from '@temporalio/common';
import type { EntityManager } from 'typeorm';
import {
  ClientPolicySettings,
  EngagementReply,
  InboundEvent,
  PlatformAccount,
} from '../../services/core/database/entities';
import { ConversationMessage } from '../../services/core/database/entities';
import type { StoredRoute } from '../../services/core/database/entities';
import { ConversationsRepository } from '../../services/core/engagement/conversations/conversations.repository';
import { checkReply, draftReply, summariseThread } from '../../services/core/engagement/reply';
import { routeInbound, slaSecondsFor } from '../../services/core/engagement/router';
import { EngagementRepliesRepository } from '../../services/core/repositories/engagement-replies.repository';
import type {
  DraftedReply,
  EngagementContext,
  MessageRef,
  RoutedMessage,
} from '../../workflows/contracts/engagement.contract';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';
import { agentIdentity, gatewayRefusal } from '../lanes/agent-tools';
import type { ToolBrand } from '../lanes/brand-tools';
import { brandViaTools } from '../lanes/brand-tools';
import { noRenders, toolProviders } from '../lanes/tool-providers';
import type { EngagementDeps } from './engagement.deps';
import { mentionText, storeMentionText, unreadMentionRoute } from './mention-text';

const refused = (message: string) =>
  ApplicationFailure.create({ type: FAILURE_TYPES.tenantRefused, message, nonRetryable: true });

/** The message and its conversation, by id AND client AND account (C-05). */
async function loadMessage(m: EntityManager, input: MessageRef) {
  const [message, conv] = await Promise.all([
    ConversationsRepository.message(m, { clientId: input.clientId, id: input.messageId }),
    ConversationsRepository.conversation(m, { clientId: input.clientId, id: input.conversationId }),
  ]);
  if (!message || !conv || message.conversationId !== conv.id || conv.platformAccountId !== input.platformAccountId)
    throw refused('the message does not exist for this account');
  return { message, conv };
}

/** The client's engagement settings (classifier, drafter, link allowlist); none set means the rules and templates. */
async function settingsOf(m: EntityManager, clientId: string) {
  const row = await m.findOne(ClientPolicySettings, { where: { clientId } });
  const e = row?.engagement ?? {};
  const linkAllowlist = e.linkAllowlist ?? [];
  return {
    router: { classifier: e.classifier ?? 'rules', linkAllowlist },
    reply: { drafter: e.drafter ?? 'templates', linkAllowlist },
  } as const;
}

const thread = (rows: ConversationMessage[]) => rows.map((r) => ({ direction: r.direction, text: r.text }));

/**
 * The brand as the router or the drafter reads it through the MCP tool gateway (issue #16); a refusal by the gateway
 * is returned, not thrown: the message then goes to a human, and the account's episode goes on.
 */
async function brandAs(
  deps: EngagementDeps,
  input: MessageRef,
  role: 'router' | 'drafter',
): Promise<{ brand: ToolBrand; refused?: undefined } | { brand?: undefined; refused: { message: string } }> {
  try {
    return { brand: await brandViaTools(deps.tools, agentIdentity(input, role, input.workflowId)) };
  } catch (err) {
    const refused = gatewayRefusal(err);
    if (refused) return { refused };
    throw err;
  }
}

/**
 * The router and the drafter as activities: the inbound text is read from the database by id and handed to them as
 * data (C-27); only the route's codes and ids go back to the workflow. Their brand context and model calls go through
 * the MCP tool gateway as the `router` or the `drafter` of the engagement task class (C-30, issue #16). Each decision
 * is stored with the message (the inbox's "why it was routed here"), and the thread's summary is appended to its
 * external memory.
 */
export function createRouteDraftActivities(deps: EngagementDeps) {
  const replies = new EngagementRepliesRepository();
  const ai = (input: MessageRef) =>
    toolProviders({ tools: deps.tools, renders: noRenders, workflowId: input.workflowId });
  const scope = (ctx: EngagementContext, kind: 'router' | 'drafter', messageId: string) => ({
    agencyId: ctx.agencyId,
    clientId: ctx.clientId,
    stepId: `${kind}:${messageId}`,
    stepKind: kind,
    depth: 0,
  });

  return {
    async routeMessage(input: MessageRef): Promise<RoutedMessage> {
      const { message, conv, settings } = await deps.ds.transaction(async (m) => ({
        ...(await loadMessage(m, input)),
        settings: await settingsOf(m, input.clientId),
      }));
      const mention = await mentionText(deps, input, message);
      const brand =
        mention.kind === 'unreadable' ? { refused: { message: mention.why } } : await brandAs(deps, input, 'router');
      if (!brand.brand) {
        // Unread, or the gateway refused the router its tools: a human reads it (the same route, its own reason).
        const route = unreadMentionRoute(brand.refused.message);
        await deps.ds.transaction((m) =>
          ConversationsRepository.recordRoute(m, {
            clientId: input.clientId,
            conversationId: conv.id,
            messageId: message.id,
            route,
          }),
        );
        return {
          route: 'escalate',
          sensitive: false,
          slaSeconds: slaSecondsFor({ intent: 'other', sensitive: false }),
        };
      }
      if (mention.kind === 'read') {
        await deps.ds.transaction((m) =>
          storeMentionText(m, { clientId: input.clientId, messageId: message.id }, mention),
        );
        message.text = mention.text;
      }
      const decision = await routeInbound(
        {
          text: message.text,
          kind: conv.kind,
          platform: conv.platform,
          brand: brand.brand,
          settings: settings.router,
        },
        { gateway: ai(input), scope: scope(input, 'router', message.id) },
      );
      const route: StoredRoute = {
        intent: decision.intent,
        sentiment: decision.sentiment,
        flags: decision.flags,
        sensitive: decision.sensitive,
        route: decision.route,
        why: decision.why.slice(0, 10).map((w) => w.slice(0, 200)),
        classifier: decision.classifier,
      };
      await deps.ds.transaction(async (m) => {
        await ConversationsRepository.recordRoute(m, {
          clientId: input.clientId,
          conversationId: conv.id,
          messageId: message.id,
          route,
        });
        await ConversationsRepository.appendSummary(m, {
          agencyId: input.agencyId,
          clientId: input.clientId,
          conversationId: conv.id,
          summary: summariseThread(conv.summary, thread([message])),
        });
      });
      return {
        route: decision.route,
        sensitive: decision.sensitive,
        slaSeconds: slaSecondsFor(decision),
      };
    },

    async draftReply(input: MessageRef): Promise<DraftedReply> {
      const { message, conv, recent, settings } = await deps.ds.transaction(async (m) => {
        const loaded = await loadMessage(m, input);
        return {
          ...loaded,
          settings: await settingsOf(m, input.clientId),
          recent: await ConversationsRepository.lastMessages(m, {
            clientId: input.clientId,
            conversationId: input.conversationId,
          }),
        };
      });
      if (!message.inboundEventId || !message.route) throw refused('only a routed inbound message is answered');
      const action = conv.kind === 'dm' ? 'dm' : 'reply';
      // A retry finds the draft of the first attempt: one AI draft per message.
      const existing = await deps.ds.getRepository(EngagementReply).findOne({
        where: { inboundEventId: message.inboundEventId, clientId: input.clientId, action, authorKind: 'ai' },
      });
      if (existing)
        return {
          replyId: existing.id,
          checksum: existing.checksum,
          action,
          allow: existing.status !== 'refused',
          reasons: existing.reasons,
        };

      const brand = await brandAs(deps, input, 'drafter');
      // No draft without the brand: a human writes the answer (the workflow escalates a draft that is not allowed).
      if (brand.refused)
        return {
          replyId: null,
          checksum: null,
          action,
          allow: false,
          reasons: [{ code: 'refused', message: brand.refused.message }],
        };
      const draft = await draftReply(
        {
          message: { text: message.text, kind: conv.kind, platform: conv.platform },
          decision: {
            intent: message.route.intent as Parameters<typeof draftReply>[0]['decision']['intent'],
            flags: message.route.flags as Parameters<typeof draftReply>[0]['decision']['flags'],
            sensitive: message.route.sensitive,
          },
          brand: brand.brand,
          thread: { summary: conv.summary, recent: thread(recent.filter((r) => r.id !== message.id)) },
          settings: settings.reply,
          seed: message.id,
        },
        { policy: deps.policy, gateway: ai(input), scope: scope(input, 'drafter', message.id) },
      );
      const row = await deps.ds.transaction(async (m) => {
        const event = await m.findOne(InboundEvent, {
          where: { id: message.inboundEventId!, clientId: input.clientId, platformAccountId: input.platformAccountId },
        });
        if (!event) throw refused('the inbound event does not exist for this account');
        const saved = await replies.draft(m, {
          agencyId: input.agencyId,
          clientId: input.clientId,
          platformAccountId: input.platformAccountId,
          inboundEventId: event.id,
          action,
          text: draft.text,
          authorKind: 'ai',
        });
        if (!draft.checks.allow)
          await m.update(
            EngagementReply,
            { id: saved.id, clientId: input.clientId },
            { status: 'refused', reasons: draft.checks.reasons.slice(0, 10) },
          );
        return saved;
      });
      return {
        replyId: row.id,
        checksum: row.checksum,
        action,
        allow: draft.checks.allow,
        reasons: draft.checks.reasons.slice(0, 10),
      };
    },

    async checkApprovedReply(
      input: EngagementContext & { replyId: string; checksum: string },
    ): Promise<{ allow: boolean; reasons: { code: string; message: string }[] }> {
      return deps.ds.transaction(async (m) => {
        const reply = await replies.findForClient(m, { id: input.replyId, clientId: input.clientId });
        if (
          !reply ||
          reply.platformAccountId !== input.platformAccountId ||
          (reply.action !== 'reply' && reply.action !== 'dm')
        )
          return {
            allow: false,
            reasons: [{ code: 'invalid_input', message: 'the reply does not exist for this account' }],
          };
        if (reply.checksum !== input.checksum)
          return {
            allow: false,
            reasons: [{ code: 'approval_stale', message: 'the reply changed after it was approved' }],
          };
        const account = await m.findOne(PlatformAccount, {
          where: { id: reply.platformAccountId, clientId: input.clientId },
        });
        const check = checkReply(deps.policy, {
          text: reply.text,
          platform: account?.platform ?? 'unknown',
          kind: reply.action,
          // A human approved (or wrote) this text: the template rule is for replies no human looked at.
          origin: 'human',
          brand: await deps.brandContext(m, input.clientId),
          linkAllowlist: (await settingsOf(m, input.clientId)).reply.linkAllowlist,
        });
        if (!check.allow)
          await m.update(
            EngagementReply,
            { id: reply.id, clientId: input.clientId },
            { status: 'refused', reasons: check.reasons.slice(0, 10), updatedAt: new Date() },
          );
        return { allow: check.allow, reasons: check.reasons.slice(0, 10) };
      });
    },

    async replyTarget(
      input: EngagementContext & { replyId: string },
    ): Promise<{ conversationId: string; messageId: string; inboundEventId: string; action: 'reply' | 'dm' } | null> {
      return deps.ds.transaction(async (m) => {
        const reply = await replies.findForClient(m, { id: input.replyId, clientId: input.clientId });
        if (
          !reply ||
          reply.platformAccountId !== input.platformAccountId ||
          (reply.action !== 'reply' && reply.action !== 'dm')
        )
          return null;
        const msg = await m.findOne(ConversationMessage, {
          where: { inboundEventId: reply.inboundEventId, clientId: input.clientId },
        });
        if (!msg) return null;
        return {
          conversationId: msg.conversationId,
          messageId: msg.id,
          inboundEventId: reply.inboundEventId,
          action: reply.action,
        };
      });
    },
  };
}
