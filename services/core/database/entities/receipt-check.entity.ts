import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ReceiptCheckResult } from '../../../../workflows/contracts/vocabulary/receipt-status';

/** One later re-check of a published post (issue #15): what the platform showed, and when. Append-only. */
@Entity({ name: 'receipt_checks' })
export class ReceiptCheck {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'publish_job_id', type: 'uuid' }) publishJobId!: string;
  @Column({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ name: 'check_no', type: 'int' }) checkNo!: number;
  @Column({ type: 'text' }) result!: ReceiptCheckResult;
  @Column({ type: 'text', nullable: true }) detail!: string | null;
  @Column({ name: 'platform_post_id', type: 'text' }) platformPostId!: string;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId!: string;
  @Column({ name: 'checked_at', type: 'timestamptz' }) checkedAt!: Date;
}
