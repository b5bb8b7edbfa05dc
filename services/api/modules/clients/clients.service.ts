import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import type { ApprovalStagesSetting } from '../../../core/database/entities';
import { Client, ClientPolicySettings } from '../../../core/database/entities';
import type { ApprovalStage } from '../../../../workflows/contracts/vocabulary/client-review';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import { ClientModel, PolicySettingsModel } from './client.model';
import { CreateClientInput } from './dtos/create-client.input';
import { ApprovalStageRuleInput, UpdatePolicySettingsInput } from './dtos/update-policy-settings.input';

@Injectable()
export class ClientsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  async list(actor: Actor): Promise<ClientModel[]> {
    const ids = await this.access.visibleClientIds(actor);
    if (!ids.length) return [];
    return this.ds.getRepository(Client).find({ where: { id: In(ids) }, order: { name: 'ASC' } });
  }

  async get(actor: Actor, id: string): Promise<ClientModel> {
    return (await this.access.requireClient(actor, id, 'client.read')).client;
  }

  async create(actor: Actor, input: CreateClientInput): Promise<ClientModel> {
    await this.access.requireAgency(actor, input.agencyId, 'client.create');
    return this.ds.transaction(async (m) => {
      const client = await m.save(
        Client,
        m.create(Client, { agencyId: input.agencyId, name: input.name, timezone: input.timezone }),
      );
      await m.save(
        ClientPolicySettings,
        m.create(ClientPolicySettings, {
          clientId: client.id,
          agencyId: client.agencyId,
          autonomy: { publish: 'assisted', reply: 'manual', dm: 'manual', like: 'manual', delete: 'manual' },
          fourEyes: true,
          caps: [{ action: 'publish', scope: 'account', max_per_day: 25 }],
          cooldownSeconds: {},
          quietHours: null,
          latenessCutoffSeconds: null,
          enabledPlatforms: [],
          updatedAt: new Date(),
        }),
      );
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'client.created',
          subjectType: 'client',
          subjectId: client.id,
          data: { timezone: client.timezone },
        },
        m,
      );
      return client;
    });
  }

  async settings(actor: Actor, clientId: string): Promise<PolicySettingsModel> {
    await this.access.requireClient(actor, clientId, 'client.read');
    const s = await this.ds.getRepository(ClientPolicySettings).findOneOrFail({ where: { clientId } });
    return toModel(s);
  }

  /** Turning side-effect automation up needs Admin (C-03); every change is audited. */
  async updateSettings(actor: Actor, input: UpdatePolicySettingsInput): Promise<PolicySettingsModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'policy.update');
    if ((input.quietHoursStart === undefined) !== (input.quietHoursEnd === undefined)) {
      throw new AppError(AppErrorCode.BadInput, 'quietHoursStart and quietHoursEnd go together');
    }
    return this.ds.transaction(async (m) => {
      const s = await m.findOneOrFail(ClientPolicySettings, {
        where: { clientId: client.id },
        lock: { mode: 'pessimistic_write' },
      });
      const before = toModel(s);
      if (input.publishAutonomy)
        s.autonomy = { ...s.autonomy, publish: input.publishAutonomy as 'manual' | 'assisted' | 'autonomous' };
      if (input.fourEyes !== undefined) s.fourEyes = input.fourEyes;
      if (input.maxPublishesPerAccountPerDay !== undefined) {
        s.caps = [
          ...s.caps.filter((c) => !(c.action === 'publish' && c.scope === 'account')),
          { action: 'publish', scope: 'account', max_per_day: input.maxPublishesPerAccountPerDay },
        ];
      }
      if (input.latenessCutoffSeconds !== undefined) s.latenessCutoffSeconds = input.latenessCutoffSeconds;
      if (input.quietHoursStart !== undefined)
        s.quietHours = { start_hour: input.quietHoursStart, end_hour: input.quietHoursEnd! };
      if (input.clearQuietHours) s.quietHours = null;
      if (input.platformSpendCaps) {
        const platforms = input.platformSpendCaps.map((c) => c.platform);
        if (new Set(platforms).size !== platforms.length)
          throw new AppError(AppErrorCode.BadInput, 'one spend cap per platform');
        s.spendCaps = input.platformSpendCaps.map((c) => ({
          platform: c.platform,
          max_usd_micros_per_month: Math.round(c.monthlyUsd * 1_000_000),
        }));
      }
      for (const action of ['reply', 'dm', 'like', 'hide'] as const) {
        const level = input[`${action}Autonomy`];
        if (level) s.autonomy = { ...s.autonomy, [action]: level };
      }
      const engagement = { ...(s.engagement ?? {}) };
      if (input.engagementClassifier) engagement.classifier = input.engagementClassifier;
      if (input.engagementDrafter) engagement.drafter = input.engagementDrafter;
      if (input.replyLinkAllowlist)
        engagement.linkAllowlist = [...new Set(input.replyLinkAllowlist.map((d) => d.toLowerCase()))];
      s.engagement = engagement;
      if (input.approvalStages) s.approvalStages = approvalStagesFrom(input.approvalStages);
      s.updatedAt = new Date();
      await m.save(ClientPolicySettings, s);
      const after = toModel(s);
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'policy.updated',
          subjectType: 'client',
          subjectId: client.id,
          data: { before: { ...before }, after: { ...after } },
        },
        m,
      );
      return after;
    });
  }
}

/** The rules as stored (action → platform → stage); one rule per (action, platform), the client stage for posts only. */
function approvalStagesFrom(rules: readonly ApprovalStageRuleInput[]): ApprovalStagesSetting {
  const out: Record<string, Record<string, ApprovalStage>> = {};
  for (const r of rules) {
    if (r.stage === 'internal_then_client' && r.action !== 'publish')
      throw new AppError(
        AppErrorCode.BadInput,
        `the client reviews posts only: ${r.action} cannot wait for the client`,
      );
    const perAction = (out[r.action] ??= {});
    if (perAction[r.platform])
      throw new AppError(
        AppErrorCode.BadInput,
        `one approval stage per action and platform (${r.action}, ${r.platform})`,
      );
    perAction[r.platform] = r.stage;
  }
  return out;
}

function toModel(s: ClientPolicySettings): PolicySettingsModel {
  const cap = s.caps.find((c) => c.action === 'publish' && c.scope === 'account');
  return {
    clientId: s.clientId,
    publishAutonomy: s.autonomy.publish ?? 'manual',
    fourEyes: s.fourEyes,
    maxPublishesPerAccountPerDay: cap?.max_per_day ?? null,
    latenessCutoffSeconds: s.latenessCutoffSeconds,
    quietHoursStart: s.quietHours?.start_hour ?? null,
    quietHoursEnd: s.quietHours?.end_hour ?? null,
    platformSpendCaps: (s.spendCaps ?? []).map((c) => ({
      platform: c.platform,
      monthlyUsd: c.max_usd_micros_per_month / 1_000_000,
    })),
    replyAutonomy: s.autonomy.reply ?? 'manual',
    dmAutonomy: s.autonomy.dm ?? 'manual',
    likeAutonomy: s.autonomy.like ?? 'manual',
    hideAutonomy: s.autonomy.hide ?? 'manual',
    engagementClassifier: s.engagement?.classifier ?? 'rules',
    engagementDrafter: s.engagement?.drafter ?? 'templates',
    replyLinkAllowlist: s.engagement?.linkAllowlist ?? [],
    approvalStages: Object.entries(s.approvalStages ?? {}).flatMap(([action, perPlatform]) =>
      Object.entries(perPlatform ?? {}).map(([platform, stage]) => ({ action, platform, stage: stage! })),
    ),
  };
}
