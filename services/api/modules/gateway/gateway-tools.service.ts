import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MembershipRepository } from '../../../core/repositories/membership.repository';
import { SecretsPort } from '../../../core/secrets/secrets.port';
import { logger } from '../../../core/telemetry/logger';
import { loadRegistry } from '../../../gateway/registry/load-registry';
import { TOOL_HANDLERS } from '../../../gateway/tools';
import { Actor } from '../../auth/actor';
import { tokenCarries } from '../../auth/permissions';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { DATA_SOURCE, SECRETS } from '../../platform/tokens';
import { gatewayPublicUrl } from './gateway-url';
import { GatewayToolStatusModel, GatewayToolsModel } from './models/gateway-tools.model';

/**
 * The tool registry as the gateway would load it now (C-37): each tool signed, or refused with its reason.
 * Read with the same loader and handlers the gateway uses, so the screen cannot disagree with what is served.
 * For platform staff and Admins: the registry is the installation's, not a tenant's, and names every tool.
 */
@Injectable()
export class GatewayToolsService {
  private readonly memberships = new MembershipRepository();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(SECRETS) private readonly secrets: SecretsPort,
  ) {}

  async tools(actor: Actor): Promise<GatewayToolsModel> {
    await this.requireReader(actor);
    let loaded: Awaited<ReturnType<typeof loadRegistry>>;
    try {
      loaded = await loadRegistry(this.ds, this.secrets, TOOL_HANDLERS);
    } catch (err) {
      logger.error(
        { 'error.kind': (err as Error).name, 'raize.operation': 'gateway.registry.load' },
        'gateway registry could not be loaded',
      );
      throw new AppError(AppErrorCode.Unavailable, 'the tool registry could not be read; see the API log');
    }
    const tools: GatewayToolStatusModel[] = [];
    for (const t of loaded.tools.values())
      tools.push({
        name: t.definition.name,
        version: t.definition.version,
        state: 'signed',
        title: t.definition.title,
        toolClass: t.definition.class,
        reason: null,
        detail: null,
      });
    for (const r of loaded.refused)
      tools.push({
        name: r.name,
        version: r.version,
        state: 'refused',
        title: null,
        toolClass: null,
        reason: r.reason,
        detail: r.detail,
      });
    tools.sort((a, b) => a.name.localeCompare(b.name) || (a.version ?? 0) - (b.version ?? 0));
    return { url: gatewayPublicUrl(), tools };
  }

  private async requireReader(actor: Actor): Promise<void> {
    if (actor.staff) return;
    const admin = (await this.memberships.ofUser(this.ds.manager, actor.userId)).some((m) => m.role === 'Admin');
    if (!admin) throw new AppError(AppErrorCode.Forbidden, 'the tool registry is for platform staff and Admins');
    if (actor.via === 'api-token' && !tokenCarries(actor.scopes, 'read'))
      throw new AppError(AppErrorCode.Forbidden, 'this API token lacks the read scope');
  }
}
