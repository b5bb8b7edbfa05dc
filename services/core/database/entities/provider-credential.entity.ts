import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Which CredentialRef holds a provider key (C-11): a client's own (clientId set) or its agency's fallback (clientId
 * null). The key is in the secrets backend only; `fingerprint` (16 hex of its sha256) tells the same key from a new one.
 */
@Entity({ name: 'provider_credentials' })
export class ProviderCredentialRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid', nullable: true }) clientId!: string | null;
  @Column({ type: 'text' }) provider!: string;
  @Column({ name: 'credential_ref_id', type: 'uuid' }) credentialRefId!: string;
  @Column({ type: 'text' }) fingerprint!: string;
  @Column({ name: 'set_by', type: 'uuid', nullable: true }) setBy!: string | null;
  @Column({ name: 'set_at', type: 'timestamptz' }) setAt!: Date;
}
