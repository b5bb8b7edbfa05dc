import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ZodError } from 'zod';
import { AuditService } from '../../../core/audit/audit.service';
import { InvalidProviderKeyError, ProviderKeyService } from '../../../core/providers/keys';
import type { ProviderId, ProviderKind } from '../../../core/providers/provider.types';
import {
  AiSettingsRepository,
  type EffectiveAiSettings,
} from '../../../core/providers/settings/ai-settings.repository';
import { AiUsageRepository } from '../../../core/providers/usage/ai-usage.repository';
import { usageMonth } from '../../../core/providers/usage/usage-month';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import { AiSettingsModel } from './ai-settings.model';
import { RemoveProviderKeyInput } from './dtos/remove-provider-key.input';
import { SetProviderKeyInput } from './dtos/set-provider-key.input';
import { UpdateAiSettingsInput } from './dtos/update-ai-settings.input';
import { ProviderKeyModel } from './provider-key.model';

/** Keys are write-only and settings are audited; every answer carries provider, scope and dates, never a key (C-11). */
@Injectable()
export class ProvidersService {
  private readonly settingsRepo = new AiSettingsRepository();
  private readonly usage = new AiUsageRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly keys: ProviderKeyService,
    private readonly access: AccessService,
  ) {}

  async setKey(actor: Actor, input: SetProviderKeyInput): Promise<ProviderKeyModel> {
    const owner = await this.owner(actor, input);
    try {
      const set = await this.keys.setKey({
        ...owner,
        provider: input.provider as ProviderId,
        apiKey: input.apiKey,
        actorId: actor.userId,
      });
      return { provider: set.provider, scope: set.scope, setAt: set.setAt };
    } catch (err) {
      if (err instanceof InvalidProviderKeyError) throw new AppError(AppErrorCode.BadInput, err.message);
      throw err;
    }
  }

  async removeKey(actor: Actor, input: RemoveProviderKeyInput): Promise<boolean> {
    const owner = await this.owner(actor, input);
    return this.keys.removeKey({ ...owner, provider: input.provider as ProviderId, actorId: actor.userId });
  }

  async list(actor: Actor, q: { clientId?: string; agencyId?: string }): Promise<ProviderKeyModel[]> {
    if (!!q.clientId === !!q.agencyId) throw new AppError(AppErrorCode.BadInput, 'give either clientId or agencyId');
    if (q.clientId) {
      const { client } = await this.access.requireClient(actor, q.clientId, 'client.read');
      return this.keys.listForClient(this.ds.manager, { agencyId: client.agencyId, clientId: client.id });
    }
    await this.access.requireAgency(actor, q.agencyId!, 'provider_key.manage');
    return this.keys.listForAgency(this.ds.manager, q.agencyId!);
  }

  async settings(actor: Actor, clientId: string): Promise<AiSettingsModel> {
    const { client } = await this.access.requireClient(actor, clientId, 'client.read');
    return this.toModel(await this.settingsRepo.effective(this.ds.manager, client.id), client.timezone);
  }

  async updateSettings(actor: Actor, input: UpdateAiSettingsInput): Promise<AiSettingsModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'provider_key.manage');
    try {
      const { after } = await this.ds.transaction(async (m) => {
        const changed = await this.settingsRepo.update(
          m,
          { agencyId: client.agencyId, clientId: client.id, actorId: actor.userId },
          {
            monthlyBudgetMicros: input.monthlyBudgetMicros,
            contract: defined(input.contract ?? {}),
            preferred: defined(input.preferred ?? {}) as Partial<Record<ProviderKind, ProviderId>>,
            presenter: input.presenter && { avatarId: input.presenter.avatarId, voiceId: input.presenter.voiceId },
          },
        );
        await this.audit.append(
          {
            agencyId: client.agencyId,
            clientId: client.id,
            actor: `user:${actor.userId}`,
            action: 'ai_settings.updated',
            subjectType: 'client',
            subjectId: client.id,
            data: { before: snapshot(changed.before), after: snapshot(changed.after) },
          },
          m,
        );
        return changed;
      });
      return this.toModel(after, client.timezone);
    } catch (err) {
      if (err instanceof ZodError)
        throw new AppError(
          AppErrorCode.BadInput,
          `invalid AI settings: ${err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      throw err;
    }
  }

  /** Whose key: a client's (its own role decides) or the agency's fallback (an agency-level role decides). */
  private async owner(
    actor: Actor,
    input: { clientId?: string; agencyId?: string },
  ): Promise<{ agencyId: string; clientId: string | null }> {
    if (input.clientId) {
      const { client } = await this.access.requireClient(actor, input.clientId, 'provider_key.manage');
      if (input.agencyId && input.agencyId !== client.agencyId)
        throw new AppError(AppErrorCode.BadInput, 'the client is not in that agency');
      return { agencyId: client.agencyId, clientId: client.id };
    }
    if (!input.agencyId)
      throw new AppError(AppErrorCode.BadInput, 'give clientId (a client key) or agencyId (the agency fallback)');
    await this.access.requireAgency(actor, input.agencyId, 'provider_key.manage');
    return { agencyId: input.agencyId, clientId: null };
  }

  private async toModel(s: EffectiveAiSettings, timezone: string): Promise<AiSettingsModel> {
    const month = usageMonth(new Date(), timezone);
    return {
      clientId: s.clientId,
      monthlyBudgetMicros: s.monthlyBudgetMicros,
      spentThisMonthMicros: await this.usage.monthSpend(this.ds.manager, s.clientId, month),
      month,
      contract: { ...s.contract },
      preferred: { ...s.preferred },
      presenter: s.presenter && { ...s.presenter },
    };
  }
}

/** GraphQL leaves absent input fields undefined; they must not overwrite stored values. */
function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

const snapshot = (s: EffectiveAiSettings) => ({
  monthlyBudgetMicros: s.monthlyBudgetMicros,
  contract: { ...s.contract },
  preferred: { ...s.preferred },
  presenter: s.presenter && { ...s.presenter },
});
