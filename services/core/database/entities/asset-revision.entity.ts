import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One edit of an asset's content by an operator: its editor counts as an author under four eyes (C-21). */
@Entity({ name: 'asset_revisions' })
export class AssetRevision {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'asset_id', type: 'uuid' }) assetId!: string;
  @Column({ name: 'editor_id', type: 'uuid' }) editorId!: string;
  /** the content's checksum after this edit */
  @Column({ type: 'text' }) checksum!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
