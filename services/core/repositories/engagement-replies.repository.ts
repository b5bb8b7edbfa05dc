import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Not } from 'typeorm';
import type { EngagementAction } from '../../../workflows/contracts/vocabulary/engagement';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import type { EngagementProof, EngagementReplyStatus } from '../database/entities';
import { EngagementReply } from '../database/entities';

/** The checksum of what an engagement action sends: its action and text (empty for like and hide), normalised. */
export function engagementChecksum(action: EngagementAction, text: string): string {
  const normalised = text.replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(`${action}\n${normalised}`, 'utf8').digest('hex');
}

export interface DraftInput {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  inboundEventId: string;
  action: EngagementAction;
  text: string;
  authorKind: 'ai' | 'human';
  authorId?: string | null;
}

/**
 * The engagement_replies rows: drafted (by the drafter or a human), approved in the inbox, settled by the guard.
 * Every query names the client, so a forgotten scope still cannot reach another tenant (C-05).
 */
export class EngagementRepliesRepository {
  /** A reply or DM draft, with its checksum fixed now. */
  async draft(m: EntityManager, d: DraftInput): Promise<EngagementReply> {
    const row = m.create(EngagementReply, {
      ...d,
      authorId: d.authorId ?? null,
      checksum: engagementChecksum(d.action, d.text),
      status: 'draft',
      reasons: [],
    });
    return m.save(row);
  }

  /**
   * The like or hide record of an inbound event, created once however often it is asked for; null when the event is
   * not this client's and account's (row-level security and the WHERE both hide it).
   */
  async actionRecord(
    m: EntityManager,
    d: Omit<DraftInput, 'text' | 'authorKind' | 'authorId'> & { action: 'like' | 'hide' },
  ): Promise<EngagementReply | null> {
    await m.query(
      `INSERT INTO engagement_replies (agency_id, client_id, platform_account_id, inbound_event_id, action, text,
         checksum, author_kind)
       SELECT e.agency_id, e.client_id, e.platform_account_id, e.id, $5, '', $6, 'ai' FROM inbound_events e
       WHERE e.id = $1 AND e.agency_id = $2 AND e.client_id = $3 AND e.platform_account_id = $4
       ON CONFLICT (inbound_event_id, action) WHERE action IN ('like','hide') DO NOTHING`,
      [d.inboundEventId, d.agencyId, d.clientId, d.platformAccountId, d.action, engagementChecksum(d.action, '')],
    );
    return m.findOne(EngagementReply, {
      where: { inboundEventId: d.inboundEventId, action: d.action, clientId: d.clientId },
    });
  }

  findForClient(m: EntityManager, q: { id: string; clientId: string }): Promise<EngagementReply | null> {
    return m.findOne(EngagementReply, { where: { id: q.id, clientId: q.clientId } });
  }

  /** A human approves exactly the text they saw (its checksum); an edit afterwards voids it. */
  async approve(m: EntityManager, q: { id: string; clientId: string; approverId: string; checksum: string }) {
    await m.update(
      EngagementReply,
      { id: q.id, clientId: q.clientId },
      {
        status: 'approved',
        approvedBy: q.approverId,
        approvedChecksum: q.checksum,
        approvedAt: new Date(),
        updatedAt: new Date(),
      },
    );
  }

  async settle(
    m: EntityManager,
    q: { id: string; clientId: string; platformReplyId: string; proof: EngagementProof; reasons: Reason[] },
  ): Promise<void> {
    await m.update(
      EngagementReply,
      { id: q.id, clientId: q.clientId },
      {
        status: 'sent',
        sentAt: new Date(),
        platformReplyId: q.platformReplyId,
        proof: q.proof,
        reasons: q.reasons,
        updatedAt: new Date(),
      },
    );
  }

  /** Why the guard did not send it (a draft waiting for approval keeps its status; a refusal is final). */
  async note(
    m: EntityManager,
    q: { id: string; clientId: string; status?: EngagementReplyStatus; reasons: Reason[] },
  ): Promise<void> {
    await m.update(
      EngagementReply,
      // A row the guard already settled as sent keeps its record.
      { id: q.id, clientId: q.clientId, status: Not('sent') },
      { ...(q.status ? { status: q.status } : {}), reasons: q.reasons, updatedAt: new Date() },
    );
  }

  /**
   * Inbound messages routed on the account in the hour before `now`, and how many the router called negative: the
   * facts of the negative-sentiment spike rule (C-25).
   */
  async recentSentiment(
    m: EntityManager,
    q: { clientId: string; platformAccountId: string; now: Date },
  ): Promise<{ inbound: number; negative: number }> {
    const rows: { inbound: string; negative: string }[] = await m.query(
      `SELECT count(*) AS inbound, count(*) FILTER (WHERE msg.route->>'sentiment' = 'negative') AS negative
       FROM conversation_messages msg JOIN conversations c ON c.id = msg.conversation_id
       WHERE c.client_id = $1 AND c.platform_account_id = $2 AND msg.direction = 'in' AND msg.route IS NOT NULL
         AND msg.created_at >= $3::timestamptz - interval '1 hour'`,
      [q.clientId, q.platformAccountId, q.now],
    );
    return { inbound: Number(rows[0]?.inbound ?? 0), negative: Number(rows[0]?.negative ?? 0) };
  }
}
