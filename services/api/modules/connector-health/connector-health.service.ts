import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { attentionPage, decodeCursor } from '../../../core/connector-health/attention-list';
import { ConnectorHealthAssembler } from '../../../core/connector-health/connector-health.service';
import { ConnectorSettings } from '../../../core/connectors/connector.types';
import { Client, PlatformAccount } from '../../../core/database/entities';
import { isPlatformId } from '../../../../workflows/contracts/vocabulary/platform-id';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { CONNECTOR_SETTINGS, DATA_SOURCE } from '../../platform/tokens';
import { AccountHealthModel, ConnectorAttentionPageModel } from './account-health.model';
import { toAccountHealthModel } from './account-health.mapper';
import { StandingRefresh } from './standing-refresh';

/** The connector health centre: per client, per account, and agency-wide what needs attention. */
@Injectable()
export class ConnectorHealthService {
  private readonly assembler: ConnectorHealthAssembler;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CONNECTOR_SETTINGS) settings: ConnectorSettings,
    private readonly access: AccessService,
    private readonly standing: StandingRefresh,
  ) {
    this.assembler = new ConnectorHealthAssembler({
      dailyQuotaOf: (p) => (isPlatformId(p) ? settings[p]?.dailyQuota : undefined),
    });
  }

  async forClient(actor: Actor, clientId: string): Promise<AccountHealthModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    return (await this.assembler.forClients(this.ds.manager, [clientId])).map(toAccountHealthModel);
  }

  /**
   * Everything that needs doing on the accounts of every client the operator can see (optionally of one agency), most
   * severe first. Another agency's id finds no clients, exactly like an id that does not exist.
   */
  async attention(
    actor: Actor,
    args: { first: number; after?: string; agencyId?: string },
  ): Promise<ConnectorAttentionPageModel> {
    this.access.requireTokenScope(actor, 'client.read');
    const after = args.after ? decodeCursor(args.after) : null;
    if (args.after && !after)
      throw new AppError(AppErrorCode.BadInput, 'this cursor is not one connectorAttention gave');
    const visible = await this.access.visibleClientIds(actor);
    const clients = visible.length
      ? await this.ds.getRepository(Client).find({
          where: { id: In(visible), ...(args.agencyId ? { agencyId: args.agencyId } : {}) },
        })
      : [];
    const names = new Map(clients.map((c) => [c.id, c.name]));
    const views = await this.assembler.forClients(this.ds.manager, [...names.keys()]);
    const page = attentionPage(views, args.first, after);
    return {
      entries: page.entries.map((e) => ({ ...e, clientName: names.get(e.clientId) ?? '' })),
      endCursor: page.endCursor,
    };
  }

  /** Asks the platform for the account's standing now and keeps it (account.connect: it uses the credential). */
  async refreshStanding(actor: Actor, accountId: string): Promise<AccountHealthModel> {
    const account = await this.ds.getRepository(PlatformAccount).findOne({ where: { id: accountId } });
    if (!account || account.status === 'disconnected') throw notFound('platform account');
    await this.access.requireClient(actor, account.clientId, 'account.connect');
    await this.standing.refresh(actor, account);
    const [view] = await this.assembler.forAccounts(this.ds.manager, [account]);
    return toAccountHealthModel(view!);
  }
}
