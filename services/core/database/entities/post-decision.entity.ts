import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PostDecisionKind } from '../../../../workflows/contracts/vocabulary/post-decisions';

/**
 * A decision an operator made about a post, checked and recorded by the API before the workflow hears of it; the
 * workflow only receives its id and verifies the row (C-21). Rows are never updated.
 */
@Entity({ name: 'post_decisions' })
export class PostDecision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'publish_job_id', type: 'uuid' }) publishJobId!: string;
  @Column({ type: 'text' }) kind!: PostDecisionKind;
  /** the operator who decided; null when a client reviewer did (reviewerId) */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  /** the client reviewer who decided through a review link (issue #14) */
  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true }) reviewerId!: string | null;
  @Column({ name: 'review_link_id', type: 'uuid', nullable: true }) reviewLinkId!: string | null;
  /** the actor's role when deciding; the workflow's check uses the role they hold when it verifies */
  @Column({ type: 'text' }) role!: string;
  /** approve: the checksum of the content the reviewer's page displayed (C-23) */
  @Column({ name: 'asset_checksum', type: 'text', nullable: true }) assetChecksum!: string | null;
  /** reschedule: the new slot */
  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true }) scheduledAt!: Date | null;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
