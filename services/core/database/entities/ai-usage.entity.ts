import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** bigint arrives from pg as text; micros of a month stay far below 2^53. */
const bigintAsNumber = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** One billed AI call: what it used and cost, for the client's monthly budget and the step's contract (append-only). */
@Entity({ name: 'ai_usage' })
export class AiUsage {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ type: 'text' }) provider!: string;
  @Column({ name: 'credential_ref_id', type: 'uuid', nullable: true }) credentialRefId!: string | null;
  @Column({ name: 'step_id', type: 'text' }) stepId!: string;
  @Column({ name: 'step_kind', type: 'text' }) stepKind!: string;
  @Column({ type: 'int' }) depth!: number;
  @Column({ type: 'text' }) kind!: 'text' | 'image' | 'video' | 'avatar';
  @Column({ type: 'text' }) model!: string;
  @Column({ type: 'text' }) outcome!: 'ok' | 'failed';
  @Column({ name: 'input_tokens', type: 'int' }) inputTokens!: number;
  @Column({ name: 'output_tokens', type: 'int' }) outputTokens!: number;
  @Column({ type: 'int' }) images!: number;
  @Column({ name: 'video_seconds', type: 'double precision' }) videoSeconds!: number;
  @Column({ name: 'cost_micros', type: 'bigint', transformer: bigintAsNumber }) costMicros!: number;
  /** YYYY-MM in the client's timezone */
  @Column({ type: 'text' }) month!: string;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt!: Date;
  @Column({ name: 'duration_ms', type: 'int' }) durationMs!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
