import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { PlatformUsageUnit } from '../../connectors/connector.types';

const bigintAsNumber = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** What a platform call cost on the platform's own meter (X spend, YouTube quota units), per client; append-only. */
@Entity({ name: 'platform_usage' })
export class PlatformUsageRecord {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ type: 'text' }) platform!: string;
  @Column({ type: 'text' }) unit!: PlatformUsageUnit;
  @Column({ type: 'bigint', transformer: bigintAsNumber }) amount!: number;
  @Column({ type: 'text' }) operation!: string;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
