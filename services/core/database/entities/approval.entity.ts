import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'approvals' })
export class Approval {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'publish_job_id', type: 'uuid' }) publishJobId!: string;
  /** the operator who approved; null when a client reviewer did (reviewerId) */
  @Column({ name: 'approver_id', type: 'uuid', nullable: true }) approverId!: string | null;
  /** the client reviewer who approved through a review link (issue #14) */
  @Column({ name: 'reviewer_id', type: 'uuid', nullable: true }) reviewerId!: string | null;
  @Column({ name: 'review_link_id', type: 'uuid', nullable: true }) reviewLinkId!: string | null;
  @Column({ type: 'text' }) role!: string;
  @Column({ type: 'text' }) decision!: 'approved' | 'rejected';
  @Column({ name: 'asset_checksum', type: 'text' }) assetChecksum!: string;
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
