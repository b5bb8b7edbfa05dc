import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A browser runner process and its heartbeat: infrastructure, no tenant's data (no row-level security). */
@Entity({ name: 'browser_runners' })
export class BrowserRunner {
  @PrimaryColumn({ type: 'text' }) id!: string;
  @Column({ name: 'task_queue', type: 'text' }) taskQueue!: string;
  @Column({ type: 'text', array: true }) platforms!: string[];
  @Column({ type: 'int' }) slots!: number;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'heartbeat_at', type: 'timestamptz' }) heartbeatAt!: Date;
  @Column({ name: 'stopped_at', type: 'timestamptz', nullable: true }) stoppedAt!: Date | null;
}
