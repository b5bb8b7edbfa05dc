import { Column, Entity, PrimaryColumn } from 'typeorm';

/** bigint counts come back from pg as strings; a figure the platform did not give stays null, never 0. */
const countOrNull = {
  to: (v: number | null) => v,
  from: (v: string | number | null) => (v === null ? null : Number(v)),
};

/**
 * An account's reading of one UTC day (the latest reading of the day wins): followers at the reading, the day's
 * reach, impressions and engagement. Null: the platform's API does not give the figure.
 */
@Entity({ name: 'account_metrics_daily' })
export class AccountMetricsDaily {
  @PrimaryColumn({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  /** YYYY-MM-DD */
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'int', nullable: true }) followers!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: countOrNull }) reach!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: countOrNull }) impressions!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: countOrNull }) engagement!: number | null;
  @Column({ name: 'collected_at', type: 'timestamptz' }) collectedAt!: Date;
}

/** A post's lifetime totals as read on one UTC day (the latest reading of the day wins). */
@Entity({ name: 'post_metrics_daily' })
export class PostMetricsDaily {
  @PrimaryColumn({ name: 'publish_job_id', type: 'uuid' }) publishJobId!: string;
  /** YYYY-MM-DD */
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ name: 'platform_post_id', type: 'text' }) platformPostId!: string;
  @Column({ type: 'bigint', nullable: true, transformer: countOrNull }) reach!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: countOrNull }) impressions!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: countOrNull }) engagement!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: countOrNull }) likes!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: countOrNull }) comments!: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: countOrNull }) shares!: number | null;
  @Column({ name: 'collected_at', type: 'timestamptz' }) collectedAt!: Date;
}
