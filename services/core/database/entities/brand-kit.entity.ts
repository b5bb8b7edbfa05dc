import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How a client's brand speaks and looks: what planning and creation write from and the content policy checks. */
@Entity({ name: 'brand_kits' })
export class BrandKit {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text' }) headline!: string;
  @Column({ type: 'text' }) voice!: string;
  @Column({ name: 'do_words', type: 'text', array: true }) doWords!: string[];
  @Column({ name: 'dont_words', type: 'text', array: true }) dontWords!: string[];
  @Column({ name: 'banned_claims', type: 'text', array: true }) bannedClaims!: string[];
  @Column({ type: 'text', array: true }) hashtags!: string[];
  /** `#rrggbb`, lower case */
  @Column({ type: 'text', array: true }) colours!: string[];
  /** an artifact store key under this client's prefix */
  @Column({ name: 'logo_artifact_key', type: 'text', nullable: true }) logoArtifactKey!: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
