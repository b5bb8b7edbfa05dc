import type { EntityManager } from 'typeorm';
import type { InboundEvent } from '../../database/entities';
import { Conversation, ConversationMessage, ConversationSummary } from '../../database/entities';
import type { StoredRoute } from '../../database/entities';
import type { ConversationStatus } from '../../../../workflows/contracts/vocabulary/engagement';

/**
 * The thread an inbound event belongs to on its account: each top-level comment (or mention) opens its own thread,
 * which its replies join, so one post's question, refund and spam are three inbox items with their own status; a
 * person's direct messages are one thread.
 */
export function threadKeyOf(
  e: Pick<InboundEvent, 'kind' | 'authorExternalId' | 'parentExternalId' | 'externalId'>,
): string {
  if (e.kind === 'dm') return `dm:${e.authorExternalId ?? e.externalId}`;
  if (e.kind === 'reply') return `comment:${e.parentExternalId ?? e.externalId}`;
  return `comment:${e.externalId}`;
}

/** How many of a thread's last messages the drafter sees besides its summary. */
export const LAST_MESSAGES = 5;

/**
 * Conversations and their messages, shared by the engagement episode's activities and the inbox API. Every query
 * names the client as well as the id (C-05); row-level security scopes the connection (C-01).
 */
export const ConversationsRepository = {
  /**
   * Records an inbound event as a message of its conversation (opening it, or reopening an answered one), once:
   * a second call for the same event finds the first message, and calls it a duplicate once it was routed. A message
   * found unrouted is this event's own recording whose answer was lost (the worker died after the commit, before
   * Temporal heard of it): the retry carries on with it, or the comment would never be answered (C-53).
   */
  async recordInbound(
    m: EntityManager,
    e: InboundEvent & { agencyId: string; clientId: string; platformAccountId: string },
    platform: string,
  ): Promise<{ duplicate: boolean; conversationId: string; messageId: string }> {
    const existing = await m.findOne(ConversationMessage, { where: { inboundEventId: e.id, clientId: e.clientId } });
    if (existing)
      return { duplicate: existing.route !== null, conversationId: existing.conversationId, messageId: existing.id };
    const [conv] = (await m.query(
      `INSERT INTO conversations (agency_id, client_id, platform_account_id, platform, thread_key, kind, status,
         last_message_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'open', $7)
       ON CONFLICT (platform_account_id, thread_key) DO UPDATE
         SET last_message_at = greatest(conversations.last_message_at, EXCLUDED.last_message_at),
             status = CASE WHEN conversations.status IN ('answered', 'closed') THEN 'open' ELSE conversations.status END,
             updated_at = now()
       RETURNING id`,
      [e.agencyId, e.clientId, e.platformAccountId, platform, threadKeyOf(e), e.kind, e.occurredAt],
    )) as { id: string }[];
    const [msg] = (await m.query(
      `INSERT INTO conversation_messages (agency_id, client_id, conversation_id, inbound_event_id, direction,
         external_id, author_handle, text, occurred_at)
       VALUES ($1, $2, $3, $4, 'in', $5, $6, $7, $8)
       ON CONFLICT (inbound_event_id) DO NOTHING RETURNING id`,
      [e.agencyId, e.clientId, conv.id, e.id, e.externalId, e.authorHandle, e.text, e.occurredAt],
    )) as { id: string }[];
    if (!msg) {
      // Another attempt recorded it in between: the same answer as the first.
      const again = await m.findOneOrFail(ConversationMessage, {
        where: { inboundEventId: e.id, clientId: e.clientId },
      });
      return { duplicate: again.route !== null, conversationId: again.conversationId, messageId: again.id };
    }
    return { duplicate: false, conversationId: conv.id, messageId: msg.id };
  },

  message(m: EntityManager, q: { clientId: string; id: string }): Promise<ConversationMessage | null> {
    return m.findOne(ConversationMessage, { where: { id: q.id, clientId: q.clientId } });
  },

  conversation(m: EntityManager, q: { clientId: string; id: string }): Promise<Conversation | null> {
    return m.findOne(Conversation, { where: { id: q.id, clientId: q.clientId } });
  },

  /** The thread's last messages, newest last (the drafter's window; never the whole history). */
  async lastMessages(
    m: EntityManager,
    q: { clientId: string; conversationId: string },
  ): Promise<ConversationMessage[]> {
    const rows = await m.find(ConversationMessage, {
      where: { conversationId: q.conversationId, clientId: q.clientId },
      order: { occurredAt: 'DESC', createdAt: 'DESC' },
      take: LAST_MESSAGES,
    });
    return rows.reverse();
  },

  /** Stores the router's decision with the message and on its conversation. */
  async recordRoute(
    m: EntityManager,
    q: { clientId: string; conversationId: string; messageId: string; route: StoredRoute },
  ): Promise<void> {
    await m.update(ConversationMessage, { id: q.messageId, clientId: q.clientId }, { route: q.route });
    await m.update(
      Conversation,
      { id: q.conversationId, clientId: q.clientId },
      {
        intent: q.route.intent as Conversation['intent'],
        sentiment: q.route.sentiment as Conversation['sentiment'],
        flags: q.route.flags as Conversation['flags'],
        sensitive: q.route.sensitive,
        why: q.route.why,
        updatedAt: new Date(),
      },
    );
  },

  /** Appends a summary to the conversation's external memory and makes it the current one. */
  async appendSummary(
    m: EntityManager,
    q: { agencyId: string; clientId: string; conversationId: string; summary: string },
  ): Promise<void> {
    await m.query('SELECT id FROM conversations WHERE id = $1 AND client_id = $2 FOR UPDATE', [
      q.conversationId,
      q.clientId,
    ]);
    const [{ seq }] = (await m.query(
      'SELECT coalesce(max(seq), 0) + 1 AS seq FROM conversation_summaries WHERE conversation_id = $1',
      [q.conversationId],
    )) as { seq: number }[];
    await m.insert(ConversationSummary, {
      agencyId: q.agencyId,
      clientId: q.clientId,
      conversationId: q.conversationId,
      seq: Number(seq),
      summary: q.summary,
    });
    await m.update(Conversation, { id: q.conversationId, clientId: q.clientId }, { summary: q.summary });
  },

  async mark(
    m: EntityManager,
    q: {
      clientId: string;
      conversationId: string;
      status: ConversationStatus;
      reasons: { code: string; message: string }[];
      slaDueAt?: Date | null;
    },
  ): Promise<void> {
    await m.update(
      Conversation,
      { id: q.conversationId, clientId: q.clientId },
      {
        status: q.status,
        reasons: q.reasons,
        ...(q.slaDueAt !== undefined
          ? { slaDueAt: q.slaDueAt, ...(q.slaDueAt === null ? { slaBreachedAt: null } : {}) }
          : {}),
        updatedAt: new Date(),
      },
    );
  },

  /**
   * Marks the SLA breached once, while the conversation still waits for a human (one closed or answered from the
   * inbox meanwhile has no breach); answers whether this call did (an alert is raised once).
   */
  async breach(m: EntityManager, q: { clientId: string; conversationId: string }): Promise<boolean> {
    const r = await m
      .createQueryBuilder()
      .update(Conversation)
      .set({ slaBreachedAt: () => 'now()' })
      .where(
        `id = :id AND client_id = :clientId AND sla_breached_at IS NULL AND status IN ('escalated', 'awaiting_approval')`,
        {
          id: q.conversationId,
          clientId: q.clientId,
        },
      )
      .execute();
    return (r.affected ?? 0) > 0;
  },
};
