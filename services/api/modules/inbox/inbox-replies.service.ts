import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource, In } from 'typeorm';
import { Conversation, ConversationMessage, EngagementReply } from '../../../core/database/entities';
import {
  engagementChecksum,
  EngagementRepliesRepository,
} from '../../../core/repositories/engagement-replies.repository';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { engagementWorkflowId, replyDecisionUpdate } from '../../../../workflows/contracts/engagement.contract';
import type { ReplyDecisionRef } from '../../../../workflows/contracts/engagement.contract';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { ApproveReplyInput, RejectReplyInput, ReplyToConversationInput } from './dtos/inbox-reply.inputs';
import type { InboxReplyModel } from './inbox-reply.model';

// An operator waits on the answer: long enough for the episode to take the decision.
const DECIDE_DEADLINE_MS = 15_000;

/**
 * Replies in the inbox: the AI's drafts and what was sent, approving (as shown, or edited), rejecting, and an
 * operator's own reply. Each decision is recorded on the reply's row first, then sent to the account's engagement
 * episode by reference; the episode checks the text against the reply constraints and sends it through the guard,
 * which counts the approval only for the checksum it names (C-21, C-23, C-29).
 */
@Injectable()
export class InboxRepliesService {
  private readonly replies = new EngagementRepliesRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, conversationId: string): Promise<InboxReplyModel[]> {
    const conv = await this.conversation(actor, conversationId, 'client.read');
    const events = await this.ds
      .getRepository(ConversationMessage)
      .find({ where: { conversationId: conv.id, clientId: conv.clientId }, select: { inboundEventId: true } });
    const ids = events.map((e) => e.inboundEventId).filter((x): x is string => !!x);
    if (!ids.length) return [];
    const rows = await this.ds.getRepository(EngagementReply).find({
      where: { inboundEventId: In(ids), clientId: conv.clientId },
      order: { createdAt: 'ASC' },
    });
    return rows.map(replyModel);
  }

  async approve(actor: Actor, input: ApproveReplyInput): Promise<InboxReplyModel> {
    const { reply, conv } = await this.reply(actor, input.replyId);
    if (reply.action !== 'reply' && reply.action !== 'dm')
      throw new AppError(AppErrorCode.BadInput, 'only a reply or a DM is approved here');
    if (reply.status === 'sent') throw new AppError(AppErrorCode.Conflict, 'this reply was already sent');
    const edited = input.text !== undefined && input.text.trim() !== reply.text.trim();
    if (!edited && reply.checksum !== input.checksum)
      throw new AppError(AppErrorCode.Conflict, 'the draft changed since you saw it: reload it and decide again');
    const row = await this.ds.transaction(async (m) => {
      if (edited) {
        // The editor becomes the reply's author; the checksum follows the new text (an earlier approval is void).
        await m.update(
          EngagementReply,
          { id: reply.id, clientId: reply.clientId },
          {
            text: input.text!.trim(),
            checksum: engagementChecksum(reply.action, input.text!.trim()),
            authorKind: 'human',
            authorId: actor.userId,
            status: 'draft',
            approvedBy: null,
            approvedChecksum: null,
            approvedAt: null,
            reasons: [],
            updatedAt: new Date(),
          },
        );
      }
      const current = (await this.replies.findForClient(m, { id: reply.id, clientId: reply.clientId }))!;
      await this.replies.approve(m, {
        id: current.id,
        clientId: current.clientId,
        approverId: actor.userId,
        checksum: current.checksum,
      });
      return (await this.replies.findForClient(m, { id: reply.id, clientId: reply.clientId }))!;
    });
    await this.decide(conv, {
      replyId: row.id,
      decisionId: randomUUID(),
      kind: 'approve',
      approverId: actor.userId,
      checksum: row.checksum,
    });
    return replyModel(row);
  }

  async reject(actor: Actor, input: RejectReplyInput): Promise<InboxReplyModel> {
    const { reply, conv } = await this.reply(actor, input.replyId);
    if (reply.status === 'sent') throw new AppError(AppErrorCode.Conflict, 'this reply was already sent');
    await this.ds.getRepository(EngagementReply).update(
      { id: reply.id, clientId: reply.clientId },
      {
        status: 'refused',
        reasons: [{ code: 'reply_rejected', message: input.note?.trim() || 'rejected in the inbox' }],
        updatedAt: new Date(),
      },
    );
    await this.decide(conv, { replyId: reply.id, decisionId: randomUUID(), kind: 'reject' });
    return replyModel((await this.replies.findForClient(this.ds.manager, { id: reply.id, clientId: reply.clientId }))!);
  }

  /** An operator answers the conversation's latest inbound message in their own words. */
  async replyTo(actor: Actor, input: ReplyToConversationInput): Promise<InboxReplyModel> {
    const conv = await this.conversation(actor, input.conversationId, 'reply.approve');
    const latest = await this.ds.getRepository(ConversationMessage).findOne({
      where: { conversationId: conv.id, clientId: conv.clientId, direction: 'in' },
      order: { occurredAt: 'DESC', createdAt: 'DESC' },
    });
    if (!latest?.inboundEventId) throw new AppError(AppErrorCode.Conflict, 'there is no message to answer yet');
    const row = await this.ds.transaction(async (m) => {
      const draft = await this.replies.draft(m, {
        agencyId: conv.agencyId,
        clientId: conv.clientId,
        platformAccountId: conv.platformAccountId,
        inboundEventId: latest.inboundEventId!,
        action: conv.kind === 'dm' ? 'dm' : 'reply',
        text: input.text.trim(),
        authorKind: 'human',
        authorId: actor.userId,
      });
      await this.replies.approve(m, {
        id: draft.id,
        clientId: draft.clientId,
        approverId: actor.userId,
        checksum: draft.checksum,
      });
      return (await this.replies.findForClient(m, { id: draft.id, clientId: draft.clientId }))!;
    });
    await this.decide(conv, {
      replyId: row.id,
      decisionId: randomUUID(),
      kind: 'approve',
      approverId: actor.userId,
      checksum: row.checksum,
    });
    return replyModel(row);
  }

  private async decide(conv: Conversation, ref: ReplyDecisionRef): Promise<void> {
    try {
      const res = await withoutDatabaseConnection(() =>
        this.temporal.connection.withDeadline(Date.now() + DECIDE_DEADLINE_MS, () =>
          this.temporal.workflow
            .getHandle(engagementWorkflowId(conv.clientId, conv.platformAccountId))
            .executeUpdate(replyDecisionUpdate, { args: [ref] }),
        ),
      );
      if (!res.accepted)
        throw new AppError(
          AppErrorCode.Conflict,
          `the account's engagement did not take it: ${res.reason ?? 'refused'}`,
        );
    } catch (err) {
      if (err instanceof AppError) throw err;
      if (err instanceof WorkflowNotFoundError)
        throw new AppError(AppErrorCode.Unavailable, "this account's engagement is not running; try again in a minute");
      throw new AppError(
        AppErrorCode.Unavailable,
        'the decision is recorded but the engagement episode did not answer in time; it acts on it when it does',
      );
    }
  }

  private async reply(actor: Actor, id: string): Promise<{ reply: EngagementReply; conv: Conversation }> {
    const reply = await this.ds.getRepository(EngagementReply).findOne({ where: { id } });
    if (!reply) throw notFound('reply');
    await this.requireOn(actor, reply.clientId, 'reply.approve', 'reply');
    const msg = await this.ds
      .getRepository(ConversationMessage)
      .findOne({ where: { inboundEventId: reply.inboundEventId, clientId: reply.clientId } });
    const conv = msg
      ? await this.ds
          .getRepository(Conversation)
          .findOne({ where: { id: msg.conversationId, clientId: reply.clientId } })
      : null;
    if (!conv) throw notFound('reply');
    return { reply, conv };
  }

  private async conversation(
    actor: Actor,
    id: string,
    permission: 'client.read' | 'reply.approve',
  ): Promise<Conversation> {
    const conv = await this.ds.getRepository(Conversation).findOne({ where: { id } });
    if (!conv) throw notFound('conversation');
    await this.requireOn(actor, conv.clientId, permission, 'conversation');
    return conv;
  }

  private async requireOn(actor: Actor, clientId: string, permission: 'client.read' | 'reply.approve', what: string) {
    try {
      await this.access.requireClient(actor, clientId, permission);
    } catch (err) {
      if (err instanceof AppError && err.code === AppErrorCode.NotFound) throw notFound(what);
      throw err;
    }
  }
}

export function replyModel(r: EngagementReply): InboxReplyModel {
  return {
    id: r.id,
    action: r.action,
    text: r.text,
    checksum: r.checksum,
    status: r.status,
    authorKind: r.authorKind,
    authorId: r.authorId,
    approvedBy: r.approvedBy,
    sentAt: r.sentAt,
    reasons: r.reasons,
  };
}
