import type { ApprovalStage } from '../../../../workflows/contracts/vocabulary/client-review';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type AutonomyLevel = 'manual' | 'assisted' | 'autonomous';
export interface CapSetting {
  action: string;
  platform?: string;
  scope: 'account' | 'client' | 'global';
  max_per_day: number;
}
/** A monthly spend cap on a platform that bills per request (X): USD micros, in the client's local month. */
export interface SpendCapSetting {
  platform: string;
  max_usd_micros_per_month: number;
}
export interface QuietHours {
  start_hour: number;
  end_hour: number;
}

/** How a client's comments are routed and answered (services/core/engagement: routerSettingsSchema, replySettingsSchema). */
export interface EngagementSettings {
  classifier?: 'rules' | 'llm';
  drafter?: 'templates' | 'llm';
  /** domains a reply may link to, and whose links are not a spam signal */
  linkAllowlist?: string[];
}

/** Approval stages per action, by platform with a `default` (workflows/contracts/vocabulary/client-review.ts). */
export type ApprovalStagesSetting = Partial<Record<string, Partial<Record<string, ApprovalStage>>>>;

@Entity({ name: 'client_policy_settings' })
export class ClientPolicySettings {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ type: 'jsonb' }) autonomy!: Record<string, AutonomyLevel>;
  @Column({ name: 'four_eyes', type: 'boolean' }) fourEyes!: boolean;
  @Column({ type: 'jsonb' }) caps!: CapSetting[];
  @Column({ name: 'cooldown_seconds', type: 'jsonb' }) cooldownSeconds!: Record<string, number>;
  @Column({ name: 'spend_caps', type: 'jsonb', default: () => "'[]'::jsonb" }) spendCaps!: SpendCapSetting[];
  @Column({ name: 'quiet_hours', type: 'jsonb', nullable: true }) quietHours!: QuietHours | null;
  @Column({ name: 'lateness_cutoff_seconds', type: 'int', nullable: true }) latenessCutoffSeconds!: number | null;
  @Column({ name: 'enabled_platforms', type: 'text', array: true }) enabledPlatforms!: string[];
  @Column({ type: 'jsonb', default: () => "'{}'::jsonb" }) engagement!: EngagementSettings;
  @Column({ name: 'approval_stages', type: 'jsonb', default: () => "'{}'::jsonb" })
  approvalStages!: ApprovalStagesSetting;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
