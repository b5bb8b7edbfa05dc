import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * needs_reconnect: the platform refused the token (revoked, expired, refresh token dead); posts pause with that
 * reason until an operator reconnects the same account.
 */
export type AccountStatus = 'connected' | 'quarantined' | 'read_only' | 'needs_reconnect' | 'disconnected';
export type PublishLane = 'api' | 'browser' | 'hybrid';

@Entity({ name: 'platform_accounts' })
export class PlatformAccount {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) platform!: string;
  @Column({ name: 'external_account_id', type: 'text' }) externalAccountId!: string;
  @Column({ type: 'text' }) handle!: string;
  /** Digest of the identity the platform reported at connect time (C-12, C-19). */
  @Column({ type: 'text' }) fingerprint!: string;
  @Column({ type: 'text' }) lane!: PublishLane;
  @Column({ name: 'allowed_lanes', type: 'text', array: true }) allowedLanes!: PublishLane[];
  @Column({ type: 'text' }) status!: AccountStatus;
  @Column({ name: 'status_reason', type: 'text', nullable: true }) statusReason!: string | null;
  @Column({ name: 'credential_ref_id', type: 'uuid', nullable: true }) credentialRefId!: string | null;
  @Column({ name: 'connected_at', type: 'timestamptz' }) connectedAt!: Date;
  /** when the stored access token ends (null: it does not expire, or the platform did not say) */
  @Column({ name: 'token_expires_at', type: 'timestamptz', nullable: true }) tokenExpiresAt!: Date | null;
  @Column({ name: 'refresh_expires_at', type: 'timestamptz', nullable: true }) refreshExpiresAt!: Date | null;
  /** the token workflow's last look (refresh or check) */
  @Column({ name: 'token_checked_at', type: 'timestamptz', nullable: true }) tokenCheckedAt!: Date | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
