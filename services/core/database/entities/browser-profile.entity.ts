import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  BrowserModeReasonCode,
  BrowserProfileMode,
  HybridWriter,
} from '../../../../workflows/contracts/vocabulary/browser-lane';

/** Why a profile is read-only (a runner's stop, an operator, a re-attach), in an operator's words. */
export interface BrowserModeReason {
  code: BrowserModeReasonCode;
  message: string;
}

/**
 * A client account's browser session (issue #17, C-40…C-42). The session itself lives encrypted in the secrets backend
 * under `secretKey`; the row holds where, the signed manifest of the identity it must show, and its mode. One per
 * platform account.
 */
@Entity({ name: 'browser_profiles' })
export class BrowserProfile {
  @PrimaryColumn({ type: 'uuid' }) id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  @Column({ type: 'text' }) platform!: string;
  @Column({ name: 'secret_key', type: 'text' }) secretKey!: string;
  /** as stored: untrusted until its signature checks out (browser-manifest.ts) */
  @Column({ type: 'jsonb' }) manifest!: Record<string, unknown>;
  @Column({ name: 'manifest_signature', type: 'text', nullable: true }) manifestSignature!: string | null;
  @Column({ type: 'text' }) mode!: BrowserProfileMode;
  @Column({ name: 'mode_reason', type: 'jsonb', nullable: true }) modeReason!: BrowserModeReason | null;
  /** on the hybrid lane, which side writes; the other verifies (API publish + page read-back, or the reverse) */
  @Column({ name: 'hybrid_writer', type: 'text' }) hybridWriter!: HybridWriter;
  @Column({ name: 'side_effects_requested_by', type: 'uuid', nullable: true }) sideEffectsRequestedBy!: string | null;
  @Column({ name: 'side_effects_requested_at', type: 'timestamptz', nullable: true })
  sideEffectsRequestedAt!: Date | null;
  @Column({ name: 'side_effects_note', type: 'text', nullable: true }) sideEffectsNote!: string | null;
  @Column({ name: 'side_effects_approved_by', type: 'uuid', nullable: true }) sideEffectsApprovedBy!: string | null;
  @Column({ name: 'side_effects_approved_at', type: 'timestamptz', nullable: true })
  sideEffectsApprovedAt!: Date | null;
  @Column({ name: 'runner_id', type: 'text', nullable: true }) runnerId!: string | null;
  @Column({ name: 'selector_map_version', type: 'text', nullable: true }) selectorMapVersion!: string | null;
  @Column({ name: 'last_check_at', type: 'timestamptz', nullable: true }) lastCheckAt!: Date | null;
  /** the runner's last self-check (browser-check.ts), as stored */
  @Column({ name: 'last_check', type: 'jsonb', nullable: true }) lastCheck!: Record<string, unknown> | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
