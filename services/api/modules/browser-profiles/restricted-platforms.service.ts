import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { type Client, ClientPolicySettings } from '../../../core/database/entities';
import { Actor } from '../../auth/actor';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { AUDIT, DATA_SOURCE } from '../../platform/tokens';
import { AgencyAdminAccess } from './agency-admin.access';
import { RestrictedPlatformModel } from './models/restricted-platform.model';
import { OperatorNamesRepository } from './operator-names.repository';
import {
  type RestrictedPlatformRisk,
  restrictedPlatformRisk,
  restrictedPlatformRisks,
} from './restricted-platforms.policy-data';

/** The audit trail is the record of who turned a platform on: one subject per client and platform. */
const SUBJECT = 'restricted_platform';

/**
 * Platforms whose terms forbid automation (C-45): the policy refuses them unless the client's settings list them in
 * enabled_platforms. Turning one on is an Admin's explicit act, with the risk statement acknowledged and its version
 * audited; turning it off is audited too.
 */
@Injectable()
export class RestrictedPlatformsService {
  private readonly names = new OperatorNamesRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly admins: AgencyAdminAccess,
  ) {}

  async list(actor: Actor, clientId: string): Promise<RestrictedPlatformModel[]> {
    const client = await this.admins.requireReader(actor, clientId, 'client');
    const enabled = await this.enabledPlatforms(this.ds.manager, client.id);
    return Promise.all(restrictedPlatformRisks().map((r) => this.model(client.id, r, enabled)));
  }

  async enable(
    actor: Actor,
    clientId: string,
    platform: string,
    acknowledgeRisk: boolean,
  ): Promise<RestrictedPlatformModel> {
    // The role first: someone who may not change the setting learns nothing from a validation answer.
    const client = await this.admins.requireAdmin(actor, clientId, 'client');
    const risk = this.riskOf(platform);
    if (acknowledgeRisk !== true)
      throw new AppError(
        AppErrorCode.BadInput,
        `turning ${platform} on needs acknowledgeRisk: true, after reading its risk statement (restrictedPlatforms)`,
      );
    return this.change(actor, client, risk, true);
  }

  async disable(actor: Actor, clientId: string, platform: string): Promise<RestrictedPlatformModel> {
    const client = await this.admins.requireAdmin(actor, clientId, 'client');
    return this.change(actor, client, this.riskOf(platform), false);
  }

  private riskOf(platform: string): RestrictedPlatformRisk {
    const risk = restrictedPlatformRisk(platform);
    if (!risk) {
      const names = restrictedPlatformRisks().map((r) => r.platform);
      throw new AppError(
        AppErrorCode.BadInput,
        `${platform} is not a restricted platform (restricted: ${names.join(', ') || 'none'}); others need no opt-in`,
      );
    }
    return risk;
  }

  private async change(
    actor: Actor,
    client: Client,
    risk: RestrictedPlatformRisk,
    on: boolean,
  ): Promise<RestrictedPlatformModel> {
    await this.ds.transaction(async (m) => {
      const s = await m.findOneOrFail(ClientPolicySettings, {
        where: { clientId: client.id },
        lock: { mode: 'pessimistic_write' },
      });
      const was = s.enabledPlatforms.includes(risk.platform);
      if (was === on) return;
      s.enabledPlatforms = on
        ? [...s.enabledPlatforms, risk.platform]
        : s.enabledPlatforms.filter((p) => p !== risk.platform);
      s.updatedAt = new Date();
      await m.save(ClientPolicySettings, s);
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: on ? 'client.restricted_platform_enabled' : 'client.restricted_platform_disabled',
          subjectType: SUBJECT,
          subjectId: risk.platform,
          // The version names the exact text acknowledged; the text itself lives once, in the policy data.
          data: on
            ? { platform: risk.platform, riskVersion: risk.version, riskSha256: sha256(risk.statement) }
            : { platform: risk.platform },
        },
        m,
      );
    });
    return this.model(client.id, risk, await this.enabledPlatforms(this.ds.manager, client.id));
  }

  private async enabledPlatforms(m: EntityManager, clientId: string): Promise<string[]> {
    const s = await m.findOne(ClientPolicySettings, { select: { enabledPlatforms: true }, where: { clientId } });
    return s?.enabledPlatforms ?? [];
  }

  private async model(
    clientId: string,
    risk: RestrictedPlatformRisk,
    enabledPlatforms: string[],
  ): Promise<RestrictedPlatformModel> {
    const enabled = enabledPlatforms.includes(risk.platform);
    const base = { platform: risk.platform, riskStatement: risk.statement, riskVersion: risk.version, enabled };
    if (!enabled) return { ...base, enabledBy: null, enabledAt: null };
    const events = await this.audit.forSubject(SUBJECT, risk.platform, clientId);
    const last = events.filter((e) => e.action === 'client.restricted_platform_enabled').at(-1);
    const userId = last?.actor.startsWith('user:') ? last.actor.slice('user:'.length) : null;
    const operator = await this.names.of(this.ds.manager, clientId);
    return { ...base, enabledBy: operator(userId), enabledAt: last?.createdAt ?? null };
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
