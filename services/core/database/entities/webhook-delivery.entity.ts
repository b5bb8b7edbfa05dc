import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

/**
 * One message to one subscription. `body` is kept as the exact bytes that were signed, so a retry or a redelivery
 * sends the same message under the same `messageId` (the receiver's idempotency key).
 */
@Entity({ name: 'webhook_deliveries' })
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid', nullable: true }) clientId!: string | null;
  @Column({ name: 'subscription_id', type: 'uuid' }) subscriptionId!: string;
  @Column({ name: 'message_id', type: 'text' }) messageId!: string;
  @Column({ name: 'event_type', type: 'text' }) eventType!: string;
  @Column({ name: 'audit_event_id', type: 'bigint', nullable: true }) auditEventId!: string | null;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'text' }) status!: WebhookDeliveryStatus;
  /** every attempt ever made (numbers the log rows) */
  @Column({ type: 'int' }) attempts!: number;
  /** attempts since the last (re)delivery was asked for: what the backoff schedule counts */
  @Column({ name: 'round_attempts', type: 'int' }) roundAttempts!: number;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt!: Date;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  @Column({ name: 'last_status_code', type: 'int', nullable: true }) lastStatusCode!: number | null;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true }) deliveredAt!: Date | null;
}

/** One attempt's log line: status code, duration and error class; of the answer, a short snippet at most. */
@Entity({ name: 'webhook_attempts' })
export class WebhookAttempt {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' }) id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid', nullable: true }) clientId!: string | null;
  @Column({ name: 'delivery_id', type: 'uuid' }) deliveryId!: string;
  @Column({ type: 'int' }) attempt!: number;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'duration_ms', type: 'int' }) durationMs!: number;
  @Column({ name: 'status_code', type: 'int', nullable: true }) statusCode!: number | null;
  @Column({ name: 'error_class', type: 'text', nullable: true }) errorClass!: string | null;
  @Column({ name: 'response_snippet', type: 'text', nullable: true }) responseSnippet!: string | null;
}
