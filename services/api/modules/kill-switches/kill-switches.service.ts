import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { KillSwitch, KillSwitchScope, PlatformAccount } from '../../../core/database/entities';
import { KillSwitchSettingsRepository } from '../../../core/repositories/kill-switch-settings.repository';
import { recheckSignal } from '../../../../workflows/contracts/publish.contract';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { SetKillSwitchInput } from './dtos/set-kill-switch.input';
import { KillSwitchModel } from './kill-switch.model';

/** Kill switches take effect at the next guard evaluation, without a redeploy (C-20). */
@Injectable()
export class KillSwitchesService {
  private readonly switches = new KillSwitchSettingsRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    private readonly access: AccessService,
  ) {}

  async set(actor: Actor, input: SetKillSwitchInput): Promise<KillSwitchModel> {
    const owner = await this.authorize(actor, input);
    const scopeId = input.scope === 'global' ? '*' : input.scopeId!;
    const saved = await this.ds.transaction(async (m) => {
      const row = await this.switches.set(m, {
        scope: input.scope,
        scopeId,
        agencyId: owner.agencyId,
        clientId: owner.clientId,
        engaged: input.engaged,
        reason: input.reason ?? null,
        setBy: actor.userId,
      });
      await this.audit.append(
        {
          agencyId: owner.agencyId,
          clientId: owner.clientId,
          actor: `user:${actor.userId}`,
          action: input.engaged ? 'killswitch.engaged' : 'killswitch.released',
          subjectType: 'kill_switch',
          subjectId: row.id,
          data: { scope: input.scope, scopeId, reason: input.reason ?? null },
        },
        m,
      );
      return row;
    });
    if (!input.engaged) await this.wakePaused(input.scope, scopeId);
    return toModel(saved);
  }

  async list(actor: Actor, clientId: string): Promise<KillSwitchModel[]> {
    const { client } = await this.access.requireClient(actor, clientId, 'client.read');
    const rows = await this.switches.concerningClient(this.ds.manager, {
      agencyId: client.agencyId,
      clientId: client.id,
    });
    return rows.map(toModel);
  }

  private async authorize(
    actor: Actor,
    input: SetKillSwitchInput,
  ): Promise<{ agencyId: string | null; clientId: string | null }> {
    if (input.scope !== 'global' && !input.scopeId)
      throw new AppError(AppErrorCode.BadInput, `scopeId is required for a ${input.scope} kill switch`);
    switch (input.scope) {
      case 'global': {
        // It stops (or resumes) every agency on the installation: the platform's own staff decide, and no agency
        // role grants it. Row-level security refuses the write for anyone else too (migration 1764700000000).
        if (!actor.staff)
          throw new AppError(
            AppErrorCode.Forbidden,
            'only platform staff may engage or release the global kill switch',
          );
        return { agencyId: null, clientId: null };
      }
      case 'agency':
        await this.access.requireAgency(actor, input.scopeId!, 'killswitch.set');
        return { agencyId: input.scopeId!, clientId: null };
      case 'client': {
        const { client } = await this.access.requireClient(actor, input.scopeId!, 'killswitch.set');
        return { agencyId: client.agencyId, clientId: client.id };
      }
      case 'account': {
        const account = await this.ds.getRepository(PlatformAccount).findOne({ where: { id: input.scopeId! } });
        if (!account) throw notFound('platform account');
        await this.access.requireClient(actor, account.clientId, 'killswitch.set').catch((e) => {
          throw e instanceof AppError && e.code === AppErrorCode.NotFound ? notFound('platform account') : e;
        });
        return { agencyId: account.agencyId, clientId: account.clientId };
      }
    }
  }

  /** Paused posts under a released switch are asked to re-check now rather than at their next timer. */
  private async wakePaused(scope: KillSwitchScope, scopeId: string): Promise<void> {
    const workflowIds = await this.switches.pausedWorkflowIds(this.ds.manager, scope, scopeId);
    await Promise.all(
      workflowIds.map((id) =>
        this.temporal.workflow
          .getHandle(id)
          .signal(recheckSignal)
          .catch(() => undefined),
      ),
    );
  }
}

function toModel(k: KillSwitch): KillSwitchModel {
  const stops = {
    global: 'every side effect of every agency',
    agency: 'every side effect of this agency',
    client: "every side effect of this client's accounts",
    account: 'every side effect on this account',
  }[k.scope];
  return {
    id: k.id,
    scope: k.scope,
    scopeId: k.scopeId,
    engaged: k.engaged,
    reason: k.reason,
    updatedAt: k.updatedAt,
    stops,
  };
}
