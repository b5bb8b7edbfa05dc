import { ApplicationFailure } from '@temporalio/common';
import { PlatformAccount } from '../../services/core/database/entities';
import { ConversationsRepository } from '../../services/core/engagement/conversations/conversations.repository';
import { InboundEventsRepository } from '../../services/core/engagement/inbound-events.repository';
import type {
  ConversationMark,
  EngagementContext,
  InboundRef,
  RecordedInbound,
} from '../../workflows/contracts/engagement.contract';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';
import type { EngagementDeps } from './engagement.deps';

const refused = (message: string) =>
  ApplicationFailure.create({ type: FAILURE_TYPES.tenantRefused, message, nonRetryable: true });

/** The episode's own records: inbound events as messages (once), conversation statuses, SLA breaches. */
export function createConversationActivities(deps: EngagementDeps) {
  const inbound = new InboundEventsRepository();
  const actor = (ctx: EngagementContext) => `workflow:${ctx.workflowId}`;

  return {
    async recordInbound(input: InboundRef): Promise<RecordedInbound> {
      return deps.ds.transaction(async (m) => {
        const account = await m.findOne(PlatformAccount, {
          where: { id: input.platformAccountId, clientId: input.clientId },
        });
        const [event] = await inbound.findForAccount(m, {
          clientId: input.clientId,
          platformAccountId: input.platformAccountId,
          ids: [input.inboundEventId],
        });
        // An id that names another account's or tenant's event finds nothing: retrying cannot make it appear (C-05).
        if (!account || account.agencyId !== input.agencyId || !event)
          throw refused('the inbound event does not exist for this account');
        return ConversationsRepository.recordInbound(
          m,
          { ...event, agencyId: input.agencyId, clientId: input.clientId, platformAccountId: account.id },
          account.platform,
        );
      });
    },

    async markConversation(input: ConversationMark): Promise<void> {
      await deps.ds.transaction(async (m) => {
        const conv = await ConversationsRepository.conversation(m, {
          clientId: input.clientId,
          id: input.conversationId,
        });
        if (!conv || conv.platformAccountId !== input.platformAccountId)
          throw refused('the conversation does not exist for this account');
        await ConversationsRepository.mark(m, {
          clientId: input.clientId,
          conversationId: conv.id,
          status: input.status,
          reasons: (input.reasons ?? []).slice(0, 10).map((r) => ({ code: r.code, message: r.message.slice(0, 500) })),
          ...(input.slaDueAt !== undefined ? { slaDueAt: input.slaDueAt ? new Date(input.slaDueAt) : null } : {}),
        });
        if (input.status === 'escalated' && conv.status !== 'escalated')
          await deps.audit.append(
            {
              agencyId: input.agencyId,
              clientId: input.clientId,
              actor: actor(input),
              action: 'conversation.escalated',
              subjectType: 'conversation',
              subjectId: conv.id,
              data: { intent: conv.intent, reasons: (input.reasons ?? []).map((r) => r.code) },
            },
            m,
          );
      });
    },

    async recordSlaBreach(input: EngagementContext & { conversationId: string }): Promise<void> {
      await deps.ds.transaction(async (m) => {
        if (
          !(await ConversationsRepository.breach(m, { clientId: input.clientId, conversationId: input.conversationId }))
        )
          return;
        await deps.audit.append(
          {
            agencyId: input.agencyId,
            clientId: input.clientId,
            actor: actor(input),
            action: 'conversation.sla_breached',
            subjectType: 'conversation',
            subjectId: input.conversationId,
            data: {},
          },
          m,
        );
      });
    },
  };
}
