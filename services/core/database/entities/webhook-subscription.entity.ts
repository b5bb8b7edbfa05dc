import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A customer's outbound webhook subscription (issue #13): one client's events, or (clientId null) every client of
 * its agency. The signing secret lives in the secrets backend behind `secretRefId` (C-11); during a rotation the
 * previous one signs too until `previousSecretExpiresAt`.
 */
@Entity({ name: 'webhook_subscriptions' })
export class WebhookSubscription {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid', nullable: true }) clientId!: string | null;
  @Column({ type: 'text' }) url!: string;
  @Column({ name: 'event_types', type: 'text', array: true }) eventTypes!: string[];
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'boolean' }) enabled!: boolean;
  @Column({ name: 'disabled_reason', type: 'text', nullable: true }) disabledReason!: string | null;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt!: Date | null;
  @Column({ name: 'secret_ref_id', type: 'uuid' }) secretRefId!: string;
  @Column({ name: 'previous_secret_ref_id', type: 'uuid', nullable: true }) previousSecretRefId!: string | null;
  @Column({ name: 'previous_secret_expires_at', type: 'timestamptz', nullable: true })
  previousSecretExpiresAt!: Date | null;
  /** the first failed attempt since the last success; a subscription failing for days is disabled */
  @Column({ name: 'failing_since', type: 'timestamptz', nullable: true }) failingSince!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
