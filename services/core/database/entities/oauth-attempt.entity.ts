import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConnectAttemptStatus } from '../../../../workflows/contracts/vocabulary/connect-attempt-status';

/** One started OAuth connect; the PKCE verifier itself sits in the secrets backend. */
@Entity({ name: 'oauth_attempts' })
export class OAuthAttempt {
  @PrimaryColumn({ type: 'text' }) state!: string;
  /** what the operator's browser names the attempt by (the state stays between us and the platform) */
  @Column({ type: 'uuid', unique: true }) id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) platform!: string;
  @Column({ name: 'verifier_ref', type: 'text' }) verifierRef!: string;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Column({ type: 'text', default: 'started' }) status!: ConnectAttemptStatus;
  /** the session (or API token) that started it: the only one that may confirm it (C-12) */
  @Column({ name: 'session_id', type: 'uuid', nullable: true }) sessionId!: string | null;
  @Column({ name: 'api_token_id', type: 'uuid', nullable: true }) apiTokenId!: string | null;
  /** when the platform's redirect used the state; a state is used once */
  @Column({ name: 'callback_at', type: 'timestamptz', nullable: true }) callbackAt!: Date | null;
  /** secrets-backend key of the tokens waiting for the operator's confirmation (never the tokens) */
  @Column({ name: 'pending_ref', type: 'text', nullable: true }) pendingRef!: string | null;
  @Column({ name: 'external_account_id', type: 'text', nullable: true }) externalAccountId!: string | null;
  @Column({ type: 'text', nullable: true }) handle!: string | null;
  /** the account this attempt reconnects (same client): confirming it updates that row, for that identity only */
  @Column({ name: 'reconnect_account_id', type: 'uuid', nullable: true }) reconnectAccountId!: string | null;
}
