import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ArtifactKind } from '../../artifacts/artifact-store.port';

/** One object of the artifact store (C-46): its tenant, sniffed type and the checksum every read verifies. */
@Entity({ name: 'artifacts' })
export class Artifact {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) key!: string;
  @Column({ type: 'text' }) kind!: ArtifactKind;
  /** sha256 hex of the bytes as written */
  @Column({ type: 'text' }) checksum!: string;
  // bigint comes back from pg as a string: videos may pass 2 GB one day, numbers stay exact below 2^53.
  @Column({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } }) size!: number;
  @Column({ name: 'content_type', type: 'text' }) contentType!: string;
  /** read at upload for images and videos (services/core/media); null when unknown */
  @Column({ type: 'int', nullable: true }) width!: number | null;
  @Column({ type: 'int', nullable: true }) height!: number | null;
  @Column({ name: 'duration_seconds', type: 'double precision', nullable: true }) durationSeconds!: number | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
