import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A posting time of one platform account: a weekday and a wall-clock minute in the client's timezone (read at
 * the time a slot is filled, so moving the client to another timezone moves its slots with it).
 */
@Entity({ name: 'queue_slots' })
export class QueueSlot {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'platform_account_id', type: 'uuid' }) platformAccountId!: string;
  /** 0 = Sunday … 6 = Saturday */
  @Column({ type: 'smallint' }) weekday!: number;
  /** minutes after local midnight, 0–1439 */
  @Column({ name: 'minute_of_day', type: 'smallint' }) minuteOfDay!: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
