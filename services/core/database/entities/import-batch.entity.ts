import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ImportBatchStatus = 'running' | 'completed' | 'failed';

/** One CSV import: the dry run it carried out (by digest) and the posts it created. */
@Entity({ name: 'import_batches' })
export class ImportBatch {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) digest!: string;
  @Column({ type: 'text' }) status!: ImportBatchStatus;
  @Column({ name: 'row_count', type: 'int' }) rowCount!: number;
  @Column({ name: 'post_ids', type: 'uuid', array: true }) postIds!: string[];
  @Column({ type: 'text', nullable: true }) error!: string | null;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}
