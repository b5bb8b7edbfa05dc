import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const KB_SOURCE_KINDS = ['text', 'file', 'url'] as const;
export type KbSourceKind = (typeof KB_SOURCE_KINDS)[number];

/** One document of a client's knowledge base; its text lives in kb_chunks, its summary here. */
@Entity({ name: 'kb_sources' })
export class KbSource {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) kind!: KbSourceKind;
  @Column({ type: 'text' }) title!: string;
  /** the URL as fetched (kind `url`); never carries userinfo, which the guarded fetcher refuses */
  @Column({ name: 'source_url', type: 'text', nullable: true }) sourceUrl!: string | null;
  @Column({ name: 'file_name', type: 'text', nullable: true }) fileName!: string | null;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  @Column({ name: 'byte_size', type: 'int' }) byteSize!: number;
  @Column({ name: 'content_sha256', type: 'text' }) contentSha256!: string;
  /** extractive: the first sentences and the top terms; what retrieval returns */
  @Column({ type: 'text' }) summary!: string;
  @Column({ name: 'top_terms', type: 'text', array: true }) topTerms!: string[];
  @Column({ name: 'chunk_count', type: 'int' }) chunkCount!: number;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'removed_at', type: 'timestamptz', nullable: true }) removedAt!: Date | null;
  @Column({ name: 'removed_by', type: 'uuid', nullable: true }) removedBy!: string | null;
}

/** A piece of a source's text with its term counts (for ranking); append-only. */
@Entity({ name: 'kb_chunks' })
export class KbChunk {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'source_id', type: 'uuid' }) sourceId!: string;
  @Column({ type: 'int' }) ordinal!: number;
  @Column({ type: 'text' }) text!: string;
  @Column({ type: 'jsonb' }) terms!: Record<string, number>;
  @Column({ name: 'token_count', type: 'int' }) tokenCount!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
