import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EngagementAction } from '../../../../workflows/contracts/vocabulary/engagement';

export const ENGAGEMENT_REPLY_STATUSES = ['draft', 'approved', 'sent', 'failed', 'refused'] as const;
export type EngagementReplyStatus = (typeof ENGAGEMENT_REPLY_STATUSES)[number];

/** What the guard records once an engagement side effect is out: the platform's answer and the read-back. */
export interface EngagementProof {
  response: { [k: string]: string | number | boolean | null };
  requestId: string | null;
  replayed: boolean;
  reconciled: boolean;
  verified: boolean;
  readBack: { id: string; authorExternalId: string; hidden: boolean; likedByMe: boolean; at: string } | null;
}

/**
 * One engagement side effect on one inbound event: a reply or DM (its text and checksum, drafted by the AI or a
 * human) or a like or hide, from draft to sent. The guard reads the text from here by id (C-05) and settles the row.
 */
@Entity({ name: 'engagement_replies' })
export class EngagementReply {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ name: 'inbound_event_id', type: 'uuid' }) inboundEventId!: string;
  @Column({ type: 'text' }) action!: EngagementAction;
  /** empty for like and hide */
  @Column({ type: 'text' }) text!: string;
  /** engagementChecksum(action, text), fixed when drafted */
  @Column({ type: 'text' }) checksum!: string;
  @Column({ type: 'text' }) status!: EngagementReplyStatus;
  @Column({ name: 'author_kind', type: 'text' }) authorKind!: 'ai' | 'human';
  /** the human who wrote or edited it (none of them counts as a second pair of eyes) */
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId!: string | null;
  @Column({ name: 'approved_by', type: 'uuid', nullable: true }) approvedBy!: string | null;
  /** the checksum the approver saw: an edit after approval voids it */
  @Column({ name: 'approved_checksum', type: 'text', nullable: true }) approvedChecksum!: string | null;
  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true }) approvedAt!: Date | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt!: Date | null;
  @Column({ name: 'platform_reply_id', type: 'text', nullable: true }) platformReplyId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) proof!: EngagementProof | null;
  @Column({ type: 'jsonb' }) reasons!: { code: string; message: string }[];
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
