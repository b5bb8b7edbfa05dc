import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export interface LedgerResult {
  postId: string;
  url: string;
  verified: boolean;
}

export type LedgerState = 'attempting' | 'succeeded' | 'failed';

/** One row per idempotency key: the memory that stops a retry from posting twice (C-22). */
@Entity({ name: 'side_effect_ledger' })
export class SideEffectLedgerEntry {
  @PrimaryColumn({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ type: 'text' }) state!: LedgerState;
  @Column({ type: 'int' }) attempts!: number;
  /** of the first attempt; a trigger refuses any change */
  @Column({ name: 'content_fingerprint', type: 'text' }) contentFingerprint!: string;
  @Column({ type: 'jsonb', nullable: true }) result!: LedgerResult | null;
  /** the attempt holding the lease (workflow, activity, attempt) */
  @Column({ type: 'text', nullable: true }) owner!: string | null;
  @Column({ name: 'lease_expires_at', type: 'timestamptz', nullable: true }) leaseExpiresAt!: Date | null;
  @Column({ name: 'first_attempt_at', type: 'timestamptz', nullable: true }) firstAttemptAt!: Date | null;
  /** when an attempt's outcome became unknown (timeout or 5xx after sending); null when known */
  @Column({ name: 'outcome_unknown_at', type: 'timestamptz', nullable: true }) outcomeUnknownAt!: Date | null;
  @Column({ name: 'reconcile_looks', type: 'int' }) reconcileLooks!: number;
  @Column({ name: 'platform_post_id', type: 'text', nullable: true }) platformPostId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
