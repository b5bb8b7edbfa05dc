import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** `staff`: platform staff powers (payload decoding, global kill switch); only staff can put it on a token. */
export const API_TOKEN_SCOPES = ['read', 'publish', 'approve', 'admin', 'staff'] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];

/** A script's credential: shown once, stored as a hash, scoped, expiring (C-09). */
@Entity({ name: 'api_tokens' })
export class ApiToken {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'user_id', type: 'uuid' }) userId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) prefix!: string;
  @Column({ name: 'token_hash', type: 'text', select: false }) tokenHash!: string;
  @Column({ type: 'text', array: true }) scopes!: ApiTokenScope[];
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt!: Date;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt!: Date | null;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt!: Date | null;
  @Column({ name: 'last_used_ip', type: 'text', nullable: true }) lastUsedIp!: string | null;
  @Column({ name: 'last_used_user_agent', type: 'text', nullable: true }) lastUsedUserAgent!: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
