import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CreationDecisionKind } from '../../../../workflows/contracts/vocabulary/creation-status';

/**
 * A decision an operator made about a plan item under review (approve, request changes, reject, or a hand edit),
 * checked and recorded by the API before the creation episode hears of it; the workflow only receives its id and
 * verifies the row (C-21). The reviewer's feedback lives here, never in workflow history. Rows are never updated.
 */
@Entity({ name: 'creation_decisions' })
export class CreationDecision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId!: string;
  @Column({ name: 'item_id', type: 'uuid' }) itemId!: string;
  @Column({ type: 'text' }) kind!: CreationDecisionKind;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  /** the actor's role when deciding; the workflow's check uses the role they hold when it verifies */
  @Column({ type: 'text' }) role!: string;
  /** the asset the decision is about */
  @Column({ name: 'asset_id', type: 'uuid', nullable: true }) assetId!: string | null;
  /** approve: the checksum the reviewer's page displayed (C-23); edit: the checksum after the edit */
  @Column({ name: 'asset_checksum', type: 'text', nullable: true }) assetChecksum!: string | null;
  /** request_changes: the feedback the creator reads; reject: the reason */
  @Column({ type: 'text', nullable: true }) note!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
