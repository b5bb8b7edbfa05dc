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
  @Column({ name: 'content_fingerprint', type: 'text' }) contentFingerprint!: string;
  @Column({ type: 'jsonb', nullable: true }) result!: LedgerResult | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
