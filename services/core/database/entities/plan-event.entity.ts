import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlanEventType } from '../../../../workflows/contracts/vocabulary/plan-status';

/**
 * The plan graph's external memory: append-only (the app role may insert and read, never change or remove), one
 * sequence per plan. `plans` and `plan_items` are projections of these rows. Data holds ids, slots, short text
 * and artifact references, never secrets or large outputs.
 */
@Entity({ name: 'plan_events' })
export class PlanEvent {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'int' }) seq!: number;
  @Column({ type: 'text' }) type!: PlanEventType;
  @Column({ type: 'jsonb' }) data!: Record<string, unknown>;
  /** `user:<id>`, `workflow:<id>`, `schedule:<id>` */
  @Column({ type: 'text' }) actor!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
