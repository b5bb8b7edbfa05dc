import type { EntityManager } from 'typeorm';
import { AiSettings } from '../../database/entities';
import type { AiStepContract } from '../provider-gateway.port';
import type { ProviderId, ProviderKind } from '../provider.types';
import {
  aiStepContractSchema,
  DEFAULT_AI_STEP_CONTRACT,
  DEFAULT_MONTHLY_BUDGET_MICROS,
  DEFAULT_PREFERRED,
  monthlyBudgetSchema,
  preferredProvidersSchema,
} from '../ai-contract';
import { avatarPresenterSchema, type AvatarPresenter } from './avatar-presenter';

/** A client's AI settings with every default filled in. */
export interface EffectiveAiSettings {
  clientId: string;
  monthlyBudgetMicros: number;
  contract: AiStepContract;
  preferred: Record<ProviderKind, ProviderId>;
  /** the avatar provider's avatar and voice; null: none set (the local provider needs none, HeyGen does) */
  presenter: AvatarPresenter | null;
  updatedAt: Date | null;
}

export interface AiSettingsPatch {
  monthlyBudgetMicros?: number;
  contract?: Partial<AiStepContract>;
  preferred?: Partial<Record<ProviderKind, ProviderId>>;
  /** undefined keeps the stored presenter, null removes it */
  presenter?: AvatarPresenter | null;
}

/** Reads and writes `ai_settings`; a client without a row runs on the defaults. */
export class AiSettingsRepository {
  async effective(m: EntityManager, clientId: string): Promise<EffectiveAiSettings> {
    const row = await m.findOne(AiSettings, { where: { clientId } });
    return toEffective(clientId, row);
  }

  /** Validated merge of `patch` into the current settings (zod: a stored row is read back through the same schema). */
  async update(
    m: EntityManager,
    owner: { agencyId: string; clientId: string; actorId: string },
    patch: AiSettingsPatch,
  ): Promise<{ before: EffectiveAiSettings; after: EffectiveAiSettings }> {
    const row = await m.findOne(AiSettings, {
      where: { clientId: owner.clientId },
      lock: { mode: 'pessimistic_write' },
    });
    const before = toEffective(owner.clientId, row);
    const contract = aiStepContractSchema.parse({ ...before.contract, ...patch.contract });
    const preferred = preferredProvidersSchema.parse({ ...before.preferred, ...patch.preferred }) as Record<
      ProviderKind,
      ProviderId
    >;
    const monthlyBudgetMicros = monthlyBudgetSchema.parse(patch.monthlyBudgetMicros ?? before.monthlyBudgetMicros);
    const presenter = patch.presenter === undefined ? before.presenter : parsePresenter(patch.presenter);
    const updatedAt = new Date();
    await m.save(
      AiSettings,
      m.create(AiSettings, {
        clientId: owner.clientId,
        agencyId: owner.agencyId,
        monthlyBudgetMicros,
        contract,
        preferred,
        presenterAvatarId: presenter?.avatarId ?? null,
        presenterVoiceId: presenter?.voiceId ?? null,
        updatedBy: owner.actorId,
        updatedAt,
      }),
    );
    return {
      before,
      after: { clientId: owner.clientId, monthlyBudgetMicros, contract, preferred, presenter, updatedAt },
    };
  }
}

function toEffective(clientId: string, row: AiSettings | null): EffectiveAiSettings {
  if (!row)
    return {
      clientId,
      monthlyBudgetMicros: DEFAULT_MONTHLY_BUDGET_MICROS,
      contract: { ...DEFAULT_AI_STEP_CONTRACT },
      preferred: { ...DEFAULT_PREFERRED },
      presenter: null,
      updatedAt: null,
    };
  return {
    clientId,
    monthlyBudgetMicros: monthlyBudgetSchema.parse(row.monthlyBudgetMicros),
    contract: aiStepContractSchema.parse({ ...DEFAULT_AI_STEP_CONTRACT, ...row.contract }),
    preferred: preferredProvidersSchema.parse({ ...DEFAULT_PREFERRED, ...row.preferred }) as Record<
      ProviderKind,
      ProviderId
    >,
    presenter:
      row.presenterAvatarId === null && row.presenterVoiceId === null
        ? null
        : parsePresenter({ avatarId: row.presenterAvatarId, voiceId: row.presenterVoiceId }),
    updatedAt: row.updatedAt,
  };
}

const parsePresenter = (p: unknown): AvatarPresenter | null => avatarPresenterSchema.nullable().parse(p);
