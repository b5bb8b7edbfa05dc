import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlanStatus } from '../../../../workflows/contracts/vocabulary/plan-status';
import type { PlanReason, PlanRequestSpec } from '../../plans/plan-request';

/**
 * A content plan: a projection of its events (`plan_events`), written in the same transaction as each event and
 * rebuildable from them alone (services/core/plans/plan-rebuild.ts). Never written except by the projection.
 */
@Entity({ name: 'plans' })
export class Plan {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) status!: PlanStatus;
  @Column({ type: 'jsonb' }) reasons!: PlanReason[];
  /** the request as made: goals, local date range, timezone, targets, pillars, formats, approval */
  @Column({ type: 'jsonb' }) request!: PlanRequestSpec;
  @Column({ name: 'requires_approval', type: 'boolean' }) requiresApproval!: boolean;
  /** the operator who asked for it (an author under four eyes); null when a recurring Schedule did */
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ type: 'text' }) source!: 'operator' | 'schedule';
  @Column({ name: 'workflow_id', type: 'text', nullable: true }) workflowId!: string | null;
  @Column({ name: 'item_count', type: 'int' }) itemCount!: number;
  @Column({ name: 'decided_by', type: 'uuid', nullable: true }) decidedBy!: string | null;
  @Column({ name: 'last_seq', type: 'int' }) lastSeq!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
