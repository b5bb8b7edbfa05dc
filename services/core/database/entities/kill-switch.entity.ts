import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const KILL_SWITCH_SCOPES = ['global', 'agency', 'client', 'account'] as const;
export type KillSwitchScope = (typeof KILL_SWITCH_SCOPES)[number];

@Entity({ name: 'kill_switches' })
export class KillSwitch {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) scope!: KillSwitchScope;
  @Column({ name: 'scope_id', type: 'text' }) scopeId!: string;
  @Column({ name: 'agency_id', type: 'uuid', nullable: true }) agencyId!: string | null;
  @Column({ name: 'client_id', type: 'uuid', nullable: true }) clientId!: string | null;
  @Column({ type: 'boolean' }) engaged!: boolean;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'set_by', type: 'uuid', nullable: true }) setBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
