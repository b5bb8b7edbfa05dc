import { Column, Entity, PrimaryColumn } from 'typeorm';

const bigintAsNumber = { to: (v: number) => v, from: (v: string | number) => Number(v) };

/** The step contract as stored (the AiStepContract's fields). */
export interface StoredAiContract {
  maxDepth: number;
  maxToolCalls: number;
  maxTokens: number;
  maxCostMicros: number;
  maxWallMs: number;
  maxRevisions: number;
}

/**
 * A client's AI settings: monthly budget, step contract, preferred provider per kind, and the presenter of its avatar
 * videos. No row means the defaults.
 */
@Entity({ name: 'ai_settings' })
export class AiSettings {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId!: string;
  @Column({ name: 'monthly_budget_micros', type: 'bigint', transformer: bigintAsNumber }) monthlyBudgetMicros!: number;
  @Column({ type: 'jsonb' }) contract!: StoredAiContract;
  /** provider id per kind (text, image, video, avatar) */
  @Column({ type: 'jsonb' }) preferred!: Record<string, string>;
  /** the avatar provider's avatar and voice (HeyGen ids, not secrets); both or neither */
  @Column({ name: 'presenter_avatar_id', type: 'text', nullable: true }) presenterAvatarId!: string | null;
  @Column({ name: 'presenter_voice_id', type: 'text', nullable: true }) presenterVoiceId!: string | null;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
