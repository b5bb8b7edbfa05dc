import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  ConversationStatus,
  InboundKind,
  Intent,
  SafetyFlag,
  Sentiment,
} from '../../../../workflows/contracts/vocabulary/engagement';

/**
 * One thread on one account: a comment thread under a post, or a direct-message thread with one person. The
 * engagement episode opens it for the first inbound message and moves it on; the inbox reads and assigns it.
 */
@Entity({ name: 'conversations' })
export class Conversation {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ type: 'text' }) platform!: string;
  /** the platform's thread: `post:<id>` for a comment thread, `dm:<author>` for direct messages */
  @Column({ name: 'thread_key', type: 'text' }) threadKey!: string;
  @Column({ type: 'text' }) kind!: InboundKind;
  @Column({ type: 'text' }) status!: ConversationStatus;
  @Column({ type: 'text', nullable: true }) intent!: Intent | null;
  @Column({ type: 'text', nullable: true }) sentiment!: Sentiment | null;
  @Column({ type: 'text', array: true }) flags!: SafetyFlag[];
  @Column({ type: 'boolean' }) sensitive!: boolean;
  /** why the router sent it where it went, in an operator's words */
  @Column({ type: 'jsonb' }) why!: string[];
  /** why it stands where it does now (a refused send, a failed check, a rejected draft) */
  @Column({ type: 'jsonb' }) reasons!: { code: string; message: string }[];
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId!: string | null;
  @Column({ name: 'sla_due_at', type: 'timestamptz', nullable: true }) slaDueAt!: Date | null;
  @Column({ name: 'sla_breached_at', type: 'timestamptz', nullable: true }) slaBreachedAt!: Date | null;
  /** the latest of its summaries (conversation_summaries holds them all) */
  @Column({ type: 'text' }) summary!: string;
  @Column({ name: 'last_message_at', type: 'timestamptz' }) lastMessageAt!: Date;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
