import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { PublishStatus } from '../../../../workflows/contracts/vocabulary/publish-status';
import type { ReceiptStatus } from '../../../../workflows/contracts/vocabulary/receipt-status';
import type { Reason } from '../../../../workflows/contracts/vocabulary/reason-codes';
import type { BrowserProof } from '../../browser/browser-driver.port';

/** What was fixed at scheduling; the database trigger refuses any change to it (C-23). */
export interface PublishJobPayload {
  jobId: string;
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  platform: string;
  assetId: string;
  assetChecksum: string;
  idempotencyKey: string;
  scheduledAt: string;
  timezone: string;
  authorId: string;
}

/** What proves a post went out: the platform's answer, how we got it, and the read-back. */
export interface PublishProof {
  response: { [k: string]: string | number | boolean | null };
  requestId: string | null;
  replayed: boolean;
  reconciled: boolean;
  readBack: { postId: string; url: string; authorExternalId: string; at: string } | null;
  /** why the platform's link was not kept (not https, or loopback http outside development): the post has none */
  linkRefused?: string;
  /** the media sent with the post: what the approvers saw, by checksum */
  media?: { contentType: string; sha256: string; size: number }[];
  /** what the platform's meter charged (X spend, YouTube units) */
  usage?: { unit: string; amount: number; operation: string }[];
  /** what did not fail the post but an operator should see (a refused thumbnail, a private-only upload) */
  warnings?: string[];
  /** the browser lane's proof through the page: masked screenshots, scrubbed DOM snapshots, URLs (C-44) */
  browser?: BrowserProof;
}

@Entity({ name: 'publish_jobs' })
export class PublishJob {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ name: 'asset_id', type: 'uuid' }) assetId!: string;
  @Column({ name: 'asset_checksum', type: 'text' }) assetChecksum!: string;
  @Column({ type: 'jsonb' }) payload!: PublishJobPayload;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ name: 'scheduled_at', type: 'timestamptz' }) scheduledAt!: Date;
  @Column({ type: 'text' }) timezone!: string;
  @Column({ type: 'text' }) status!: PublishStatus;
  @Column({ name: 'status_reasons', type: 'jsonb' }) statusReasons!: Reason[];
  @Column({ name: 'workflow_id', type: 'text' }) workflowId!: string;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'platform_post_id', type: 'text', nullable: true }) platformPostId!: string | null;
  @Column({ type: 'text', nullable: true }) url!: string | null;
  @Column({ type: 'jsonb', nullable: true }) proof!: PublishProof | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt!: Date | null;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt!: Date | null;
  /** what the later re-checks found (issue #15); null until one could be made */
  @Column({ type: 'text', nullable: true }) receipt!: ReceiptStatus | null;
  @Column({ name: 'receipt_changed_at', type: 'timestamptz', nullable: true }) receiptChangedAt!: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
