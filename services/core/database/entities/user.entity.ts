import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) email!: string;
  @Column({ name: 'display_name', type: 'text' }) displayName!: string;
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false }) passwordHash!: string | null;
  @Column({ name: 'failed_logins', type: 'int', default: 0 }) failedLogins!: number;
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil!: Date | null;
  /** reference to the TOTP secret in the secrets backend */
  @Column({ name: 'totp_secret_ref', type: 'text', nullable: true, select: false }) totpSecretRef!: string | null;
  @Column({ name: 'totp_enabled', type: 'boolean', default: false }) totpEnabled!: boolean;
  /** the last TOTP time step accepted: codes of that step or earlier are replays (C-06) */
  @Column({ name: 'totp_last_step', type: 'bigint', nullable: true, select: false }) totpLastStep!: string | null;
  @Column({ type: 'boolean', default: false }) disabled!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
