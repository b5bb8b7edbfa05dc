import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { InboundKind } from '../../../../workflows/contracts/vocabulary/engagement';

/** stored: verified and committed, not yet routed; drained: signalled to its account's episode; unroutable: no account. */
export type InboundEventStatus = 'stored' | 'drained' | 'unroutable';

/**
 * One verified inbound event (a comment, reply, mention or DM), committed before the platform got its 2xx (C-34).
 * Written only through `raize_inbound_store` (schema/migrations/1765200000000-inbound-events.ts); the tenant columns
 * are null until the drainer resolves the account, and row-level security hides such rows from the app role.
 */
@Entity({ name: 'inbound_events' })
export class InboundEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'bigint', insert: false, update: false }) seq!: string;
  /** the platform id the event came from */
  @Column({ type: 'text' }) source!: string;
  /** the dedupe key: the platform's id of the comment or message, so webhook, replay and poll meet on one row */
  @Column({ name: 'delivery_id', type: 'text' }) deliveryId!: string;
  @Column({ name: 'external_account_id', type: 'text' }) externalAccountId!: string;
  @Column({ type: 'text' }) kind!: InboundKind;
  @Column({ name: 'external_id', type: 'text' }) externalId!: string;
  @Column({ name: 'parent_external_id', type: 'text', nullable: true }) parentExternalId!: string | null;
  @Column({ name: 'author_external_id', type: 'text', nullable: true }) authorExternalId!: string | null;
  @Column({ name: 'author_handle', type: 'text', nullable: true }) authorHandle!: string | null;
  /** untrusted text: data, never instructions (C-27) */
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @Column({ name: 'agency_id', type: 'uuid', nullable: true }) agencyId!: string | null;
  @Column({ name: 'client_id', type: 'uuid', nullable: true }) clientId!: string | null;
  @Column({ name: 'platform_account_id', type: 'uuid', nullable: true }) platformAccountId!: string | null;
  @Column({ type: 'text' }) status!: InboundEventStatus;
  @Column({ name: 'drained_at', type: 'timestamptz', nullable: true }) drainedAt!: Date | null;
}

/** Where one account's comment poll stopped (an opaque, platform-specific cursor). */
@Entity({ name: 'inbound_poll_cursors' })
export class InboundPollCursor {
  @PrimaryColumn({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) cursor!: string;
  @Column({ name: 'polled_at', type: 'timestamptz' }) polledAt!: Date;
}
