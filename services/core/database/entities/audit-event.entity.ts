import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only, hash-chained per tenant (C-48). Only AuditService writes it. */
@Entity({ name: 'audit_events' })
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id!: string;
  @Column({ name: 'chain_key', type: 'text' }) chainKey!: string;
  @Column({ type: 'bigint' }) seq!: string;
  @Column({ name: 'agency_id', type: 'uuid', nullable: true }) agencyId!: string | null;
  @Column({ name: 'client_id', type: 'uuid', nullable: true }) clientId!: string | null;
  @Column({ type: 'text' }) actor!: string;
  @Column({ type: 'text' }) action!: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType!: string;
  @Column({ name: 'subject_id', type: 'text' }) subjectId!: string;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  @Column({ name: 'prev_hash', type: 'text' }) prevHash!: string;
  @Column({ type: 'text' }) hash!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** the trace id of the action (C-50); null outside a trace and on rows older than the column */
  @Column({ name: 'correlation_id', type: 'text', nullable: true }) correlationId!: string | null;
}
