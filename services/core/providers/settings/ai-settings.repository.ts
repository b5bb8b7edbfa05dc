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

/** A client's AI settings with every default filled in. */
export interface EffectiveAiSettings {
  clientId: string;
  monthlyBudgetMicros: number;
  contract: AiStepContract;
  preferred: Record<ProviderKind, ProviderId>;
  updatedAt: Date | null;
}

export interface AiSettingsPatch {
  monthlyBudgetMicros?: number;
  contract?: Partial<AiStepContract>;
  preferred?: Partial<Record<ProviderKind, ProviderId>>;
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
    const updatedAt = new Date();
    await m.save(
      AiSettings,
      m.create(AiSettings, {
        clientId: owner.clientId,
        agencyId: owner.agencyId,
        monthlyBudgetMicros,
        contract,
        preferred,
        updatedBy: owner.actorId,
        updatedAt,
      }),
    );
    return { before, after: { clientId: owner.clientId, monthlyBudgetMicros, contract, preferred, updatedAt } };
  }
}

function toEffective(clientId: string, row: AiSettings | null): EffectiveAiSettings {
  if (!row)
    return {
      clientId,
      monthlyBudgetMicros: DEFAULT_MONTHLY_BUDGET_MICROS,
      contract: { ...DEFAULT_AI_STEP_CONTRACT },
      preferred: { ...DEFAULT_PREFERRED },
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
    updatedAt: row.updatedAt,
  };
}
