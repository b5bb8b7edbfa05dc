import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One started OAuth connect; the PKCE verifier itself sits in the secrets backend. */
@Entity({ name: 'oauth_attempts' })
export class OAuthAttempt {
  @PrimaryColumn({ type: 'text' }) state!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) platform!: string;
  @Column({ name: 'verifier_ref', type: 'text' }) verifierRef!: string;
  @Column({ name: 'actor_id', type: 'uuid' }) actorId!: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
}
