import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A pointer to a secret in the secrets backend; the value itself never enters the database (C-11). */
@Entity({ name: 'credential_refs' })
export class CredentialRef {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) backend!: string;
  @Column({ name: 'secret_key', type: 'text' }) secretKey!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true }) rotatedAt!: Date | null;
}
