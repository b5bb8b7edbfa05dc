import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ArtifactRef } from '../../artifacts/artifact-store.port';
import type { PlanFormat, PlanItemStatus } from '../../../../workflows/contracts/vocabulary/plan-status';
import type { PlannedAccount, PlanReason, PlanTiming } from '../../plans/plan-request';

/**
 * One item of a plan graph (platform, target account, format, slot in the client's timezone, pillar, brief): a
 * projection of the plan's events, rebuildable from them alone. The creation episode moves it on by appending
 * item.* events through PlanEventsRepository, never by writing this row.
 */
@Entity({ name: 'plan_items' })
export class PlanItem {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  /** order within the plan (slot order) */
  @Column({ type: 'int' }) position!: number;
  /** the target: one platform account of the client; the creation episode schedules one publish for it */
  @Column({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ type: 'text' }) platform!: string;
  /** the other accounts of the client the item also goes out on, at the same time: one publish each */
  @Column({ name: 'cross_posts', type: 'jsonb' }) crossPosts!: PlannedAccount[];
  /** `queue`: the slot is a queue slot, moved to the account's next free one if taken by the time it is approved */
  @Column({ type: 'text' }) timing!: PlanTiming;
  @Column({ type: 'text' }) format!: PlanFormat;
  @Column({ type: 'text' }) pillar!: string;
  /** the slot as an instant, and as the client's wall clock it was planned in */
  @Column({ name: 'slot_at', type: 'timestamptz' }) slotAt!: Date;
  @Column({ name: 'local_date', type: 'text' }) localDate!: string;
  @Column({ name: 'local_time', type: 'text' }) localTime!: string;
  @Column({ type: 'text' }) timezone!: string;
  /** a short brief (a summary); a long one lives in the artifact store and is referenced here */
  @Column({ type: 'text' }) brief!: string;
  @Column({ name: 'brief_ref', type: 'jsonb', nullable: true }) briefRef!: ArtifactRef | null;
  @Column({ type: 'text' }) status!: PlanItemStatus;
  @Column({ type: 'jsonb' }) reasons!: PlanReason[];
  @Column({ name: 'asset_id', type: 'uuid', nullable: true }) assetId!: string | null;
  @Column({ name: 'asset_checksum', type: 'text', nullable: true }) assetChecksum!: string | null;
  @Column({ name: 'workflow_id', type: 'text', nullable: true }) workflowId!: string | null;
  @Column({ name: 'publish_job_ids', type: 'uuid', array: true }) publishJobIds!: string[];
  @Column({ type: 'int' }) revision!: number;
  @Column({ name: 'last_seq', type: 'int' }) lastSeq!: number;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
