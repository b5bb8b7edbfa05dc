import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlanTemplate } from '../../plans/plan-request';

/**
 * A client's saved recurring planning template: what its Schedule's runs plan for the next period. Whether the
 * Schedule is paused and when it runs next is Temporal's to say (the Schedule's describe), not stored here.
 */
@Entity({ name: 'recurring_plans' })
export class RecurringPlan {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ type: 'text' }) cadence!: 'weekly' | 'monthly';
  @Column({ type: 'jsonb' }) template!: PlanTemplate;
  /** who saved it; runs of the Schedule are attributed to the schedule, not to this operator */
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy!: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
