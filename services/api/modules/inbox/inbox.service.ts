import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { Conversation } from '../../../core/database/entities';
import { ConversationMessage, ConversationNote, ROLES, SavedReply } from '../../../core/database/entities';
import type { Role } from '../../../core/database/entities';
import { ConversationsRepository } from '../../../core/engagement/conversations/conversations.repository';
import { decodeCursor, encodeCursor } from '../../../core/scheduling/calendar.repository';
import { effectiveRole } from '../../../core/tenancy/effective-role';
import { roleAllows } from '../../../core/tenancy/permissions';
import { WAITING_STATUSES } from '../../../../workflows/contracts/vocabulary/engagement';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import {
  AssignConversationInput,
  ConversationNoteInput,
  ConversationStatusInput,
  DeleteSavedReplyInput,
  InboxArgs,
  SavedReplyInput,
} from './dtos/inbox.inputs';
import type {
  ConversationMessageModel,
  ConversationModel,
  ConversationNoteModel,
  ConversationPageModel,
  InboxOperatorModel,
  SavedReplyModel,
} from './inbox.model';

/** How many of a thread's messages the inbox shows at once (newest last). */
const THREAD_MESSAGES = 50;
/** The SLA an operator's own escalation gets (the router's sensitive intents get theirs from the router). */
const MANUAL_ESCALATION_SLA_MS = 4 * 3600_000;

/** The engagement inbox: a client's conversations across its accounts, worked by its operators. */
@Injectable()
export class InboxService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor, args: InboxArgs): Promise<ConversationPageModel> {
    const { client } = await this.access.requireClient(actor, args.clientId, 'client.read');
    const after = args.after ? decodeCursor(args.after) : null;
    if (args.after && !after) throw new AppError(AppErrorCode.BadInput, 'the cursor is not one this API gave out');
    const qb = this.ds
      .getRepository(Conversation)
      .createQueryBuilder('c')
      .where('c.client_id = :clientId', { clientId: client.id });
    if (args.status) qb.andWhere('c.status = :status', { status: args.status });
    if (args.platform) qb.andWhere('c.platform = :platform', { platform: args.platform });
    if (args.intent) qb.andWhere('c.intent = :intent', { intent: args.intent });
    if (args.sentiment) qb.andWhere('c.sentiment = :sentiment', { sentiment: args.sentiment });
    if (args.assigneeId) qb.andWhere('c.assignee_id = :assigneeId', { assigneeId: args.assigneeId });
    if (args.breached)
      qb.andWhere('(c.sla_breached_at IS NOT NULL OR (c.sla_due_at < now() AND c.status = ANY (:waiting)))', {
        waiting: WAITING_STATUSES,
      });
    if (after) qb.andWhere('(c.last_message_at, c.id) < (:at, :id)', { at: after.at, id: after.id });
    const rows = await qb
      .orderBy('c.last_message_at', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(args.first + 1)
      .getMany();
    const items = rows.slice(0, args.first);
    const last = items[items.length - 1];
    return {
      items: items.map(conversationModel),
      endCursor: rows.length > args.first && last ? encodeCursor({ at: last.lastMessageAt, id: last.id }) : null,
    };
  }

  async get(actor: Actor, id: string): Promise<ConversationModel> {
    return conversationModel(await this.find(actor, id, 'client.read'));
  }

  async messages(actor: Actor, id: string): Promise<ConversationMessageModel[]> {
    const conv = await this.find(actor, id, 'client.read');
    const rows = await this.ds.getRepository(ConversationMessage).find({
      where: { conversationId: conv.id, clientId: conv.clientId },
      order: { occurredAt: 'DESC', createdAt: 'DESC' },
      take: THREAD_MESSAGES,
    });
    return rows.reverse().map((m) => ({
      id: m.id,
      direction: m.direction,
      authorHandle: m.authorHandle,
      text: m.text,
      occurredAt: m.occurredAt,
    }));
  }

  /** The client's operators who may work its inbox (whom a conversation can be given to), strongest role each. */
  async operators(actor: Actor, clientId: string): Promise<InboxOperatorModel[]> {
    const { client } = await this.access.requireClient(actor, clientId, 'client.read');
    const rows: { user_id: string; display_name: string; role: Role }[] = await this.ds.query(
      'SELECT user_id, display_name, role FROM raize_client_operators($1)',
      [client.id],
    );
    const best = new Map<string, { displayName: string; role: Role }>();
    for (const r of rows) {
      const known = best.get(r.user_id);
      if (!known || ROLES.indexOf(r.role) < ROLES.indexOf(known.role))
        best.set(r.user_id, { displayName: r.display_name, role: r.role });
    }
    return [...best]
      .filter(([, o]) => roleAllows(o.role, 'inbox.work'))
      .map(([id, o]) => ({ id, displayName: o.displayName, role: o.role }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  async notes(actor: Actor, id: string): Promise<ConversationNoteModel[]> {
    const conv = await this.find(actor, id, 'client.read');
    const rows = await this.ds.getRepository(ConversationNote).find({
      where: { conversationId: conv.id, clientId: conv.clientId },
      order: { createdAt: 'ASC' },
    });
    return rows.map((n) => ({ id: n.id, authorId: n.authorId, text: n.text, createdAt: n.createdAt }));
  }

  async assign(actor: Actor, input: AssignConversationInput): Promise<ConversationModel> {
    const conv = await this.find(actor, input.conversationId, 'inbox.work');
    if (input.assigneeId) {
      // Only someone who may work this client's inbox can be given a conversation; anyone else reads as missing.
      const role = await effectiveRole(this.ds.manager, input.assigneeId, conv.agencyId, conv.clientId);
      if (!role || !roleAllows(role, 'inbox.work')) throw notFound('operator');
    }
    await this.ds
      .getRepository(Conversation)
      .update(
        { id: conv.id, clientId: conv.clientId },
        { assigneeId: input.assigneeId ?? null, updatedAt: new Date() },
      );
    return this.get(actor, conv.id);
  }

  async addNote(actor: Actor, input: ConversationNoteInput): Promise<ConversationNoteModel> {
    const conv = await this.find(actor, input.conversationId, 'inbox.work');
    const note = await this.ds.getRepository(ConversationNote).save({
      agencyId: conv.agencyId,
      clientId: conv.clientId,
      conversationId: conv.id,
      authorId: actor.userId,
      text: input.text,
    });
    return { id: note.id, authorId: note.authorId, text: note.text, createdAt: note.createdAt };
  }

  /** An operator hands the conversation to a human (with a note why), under an SLA. */
  async escalate(actor: Actor, input: ConversationStatusInput): Promise<ConversationModel> {
    const conv = await this.find(actor, input.conversationId, 'inbox.work');
    await this.ds.transaction(async (m) => {
      await ConversationsRepository.mark(m, {
        clientId: conv.clientId,
        conversationId: conv.id,
        status: 'escalated',
        reasons: [{ code: 'escalated_by_operator', message: input.note?.trim() || 'escalated by an operator' }],
        slaDueAt: conv.slaDueAt ?? new Date(Date.now() + MANUAL_ESCALATION_SLA_MS),
      });
      await this.audit.append(
        {
          agencyId: conv.agencyId,
          clientId: conv.clientId,
          actor: `user:${actor.userId}`,
          action: 'conversation.escalated',
          subjectType: 'conversation',
          subjectId: conv.id,
          data: { by: 'operator' },
        },
        m,
      );
    });
    return this.get(actor, conv.id);
  }

  /** Nothing more to do on it (answered elsewhere, not worth an answer): it leaves the waiting queues. */
  async close(actor: Actor, input: ConversationStatusInput): Promise<ConversationModel> {
    const conv = await this.find(actor, input.conversationId, 'inbox.work');
    await ConversationsRepository.mark(this.ds.manager, {
      clientId: conv.clientId,
      conversationId: conv.id,
      status: 'closed',
      reasons: input.note?.trim() ? [{ code: 'closed_by_operator', message: input.note.trim() }] : [],
      slaDueAt: null,
    });
    return this.get(actor, conv.id);
  }

  async savedReplies(actor: Actor, clientId: string): Promise<SavedReplyModel[]> {
    const { client } = await this.access.requireClient(actor, clientId, 'client.read');
    const rows = await this.ds
      .getRepository(SavedReply)
      .find({ where: { clientId: client.id }, order: { title: 'ASC' } });
    return rows.map((r) => ({ id: r.id, title: r.title, text: r.text }));
  }

  async createSavedReply(actor: Actor, input: SavedReplyInput): Promise<SavedReplyModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'inbox.work');
    const row = await this.ds.getRepository(SavedReply).save({
      agencyId: client.agencyId,
      clientId: client.id,
      title: input.title.trim(),
      text: input.text,
      createdBy: actor.userId,
    });
    return { id: row.id, title: row.title, text: row.text };
  }

  async deleteSavedReply(actor: Actor, input: DeleteSavedReplyInput): Promise<boolean> {
    const row = await this.ds.getRepository(SavedReply).findOne({ where: { id: input.id } });
    if (!row) throw notFound('saved reply');
    await this.requireOn(actor, row.clientId, 'inbox.work', 'saved reply');
    await this.ds.getRepository(SavedReply).delete({ id: row.id, clientId: row.clientId });
    return true;
  }

  /** The conversation, when the actor may do `permission` on its client; another client's reads as missing (C-02). */
  private async find(actor: Actor, id: string, permission: 'client.read' | 'inbox.work'): Promise<Conversation> {
    const conv = await this.ds.getRepository(Conversation).findOne({ where: { id } });
    if (!conv) throw notFound('conversation');
    await this.requireOn(actor, conv.clientId, permission, 'conversation');
    return conv;
  }

  private async requireOn(actor: Actor, clientId: string, permission: 'client.read' | 'inbox.work', what: string) {
    try {
      await this.access.requireClient(actor, clientId, permission);
    } catch (err) {
      if (err instanceof AppError && err.code === AppErrorCode.NotFound) throw notFound(what);
      throw err;
    }
  }
}

export function conversationModel(c: Conversation): ConversationModel {
  const waiting = (WAITING_STATUSES as readonly string[]).includes(c.status);
  return {
    id: c.id,
    clientId: c.clientId,
    platformAccountId: c.platformAccountId,
    platform: c.platform,
    kind: c.kind,
    status: c.status,
    intent: c.intent,
    sentiment: c.sentiment,
    flags: c.flags,
    sensitive: c.sensitive,
    why: c.why,
    reasons: c.reasons,
    assigneeId: c.assigneeId,
    slaDueAt: c.slaDueAt,
    slaBreached: !!c.slaBreachedAt || (waiting && !!c.slaDueAt && c.slaDueAt.getTime() < Date.now()),
    summary: c.summary,
    lastMessageAt: c.lastMessageAt,
  };
}
