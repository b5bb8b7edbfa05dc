import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ToolName } from '../../../../workflows/contracts/vocabulary/gateway';

/** One signed version of one tool definition (issue #16, C-37). Read-only for the app role. */
@Entity({ name: 'tool_registry' })
export class ToolRegistryEntry {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'jsonb' }) definition!: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) signature!: string | null;
  @Column({ name: 'key_id', type: 'text', nullable: true }) keyId!: string | null;
  @Column({ name: 'signed_at', type: 'timestamptz', nullable: true }) signedAt!: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

/** An agency's gateway: tools off for the agency, scripts (off by default), limits (C-36, C-38). */
@Entity({ name: 'gateway_settings' })
export class GatewaySettings {
  @PrimaryColumn({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'tool_permissions', type: 'jsonb' }) toolPermissions!: Partial<Record<ToolName, boolean>>;
  @Column({ name: 'scripts_enabled', type: 'boolean' }) scriptsEnabled!: boolean;
  @Column({ name: 'script_domains', type: 'text', array: true }) scriptDomains!: string[];
  @Column({ name: 'calls_per_minute', type: 'int' }) callsPerMinute!: number;
  @Column({
    name: 'monthly_budget_usd_micros',
    type: 'bigint',
    nullable: true,
    transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  monthlyBudgetUsdMicros!: number | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** Calls and cost of one caller in one minute (rate limit and budget across replicas). */
@Entity({ name: 'gateway_usage' })
export class GatewayUsage {
  @PrimaryColumn({ name: 'caller_key', type: 'text' }) callerKey!: string;
  @PrimaryColumn({ name: 'window_start', type: 'timestamptz' }) windowStart!: Date;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ type: 'int' }) calls!: number;
  @Column({
    name: 'cost_usd_micros',
    type: 'bigint',
    transformer: { to: (v: number) => v, from: (v: string) => Number(v) },
  })
  costUsdMicros!: number;
}

/** Defaults for an agency with no settings row yet: every tool the policy allows, scripts off. */
export const DEFAULT_GATEWAY_SETTINGS = {
  toolPermissions: {},
  scriptsEnabled: false,
  scriptDomains: [] as string[],
  callsPerMinute: 60,
  monthlyBudgetUsdMicros: null,
} as const;
