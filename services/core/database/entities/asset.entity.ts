import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type AssetKind = 'text' | 'image' | 'video';

@Entity({ name: 'assets' })
export class Asset {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) kind!: AssetKind;
  @Column({ type: 'text' }) text!: string;
  @Column({ name: 'media_key', type: 'text', nullable: true }) mediaKey!: string | null;
  @Column({ name: 'media_content_type', type: 'text', nullable: true }) mediaContentType!: string | null;
  /** sha256 over the content as it will be sent; approvals pin it (C-23). */
  @Column({ type: 'text' }) checksum!: string;
  @Column({ name: 'author_id', type: 'uuid', nullable: true }) authorId!: string | null;
  @Column({ name: 'author_kind', type: 'text' }) authorKind!: 'human' | 'ai';
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
