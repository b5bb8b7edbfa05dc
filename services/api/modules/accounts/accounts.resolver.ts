import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { AccountsService } from './accounts.service';
import { ConnectAttemptInput } from './dtos/connect-attempt.input';
import { StartConnectInput } from './dtos/start-connect.input';
import { ConnectStartModel, PendingConnectModel, PlatformAccountModel } from './platform-account.model';
import { TokenScope } from '../../auth/token-scope.decorator';

interface CookieResponse {
  cookie(name: string, value: string, opts: Record<string, unknown>): void;
}

@Resolver(() => PlatformAccountModel)
@UseGuards(ActorGuard)
export class AccountsResolver {
  constructor(private readonly accounts: AccountsService) {}

  @Query(() => [PlatformAccountModel])
  platformAccounts(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<PlatformAccountModel[]> {
    return this.accounts.list(actor, clientId);
  }

  @Mutation(() => ConnectStartModel, {
    description:
      'Starts the OAuth connect flow; the platform redirects back to /oauth/<platform>/callback in this browser, ' +
      'which must then confirm the account with confirmPlatformConnect (C-12)',
  })
  @TokenScope('admin')
  async startPlatformConnect(
    @CurrentActor() actor: Actor,
    @Args('input') input: StartConnectInput,
    @Context() ctx: { res: CookieResponse },
  ): Promise<ConnectStartModel> {
    const { started, cookie } = await this.accounts.startConnect(actor, input.clientId, input.platform);
    ctx.res.cookie(cookie.name, cookie.value, cookie.options);
    return started;
  }

  @Mutation(() => ConnectStartModel, {
    description:
      'Starts connecting again an account whose token the platform refused (status needs_reconnect): the same OAuth ' +
      'flow as startPlatformConnect; confirming it keeps the account (its id and history) and accepts only the same ' +
      'platform identity (C-19)',
  })
  @TokenScope('admin')
  async reconnectAccount(
    @CurrentActor() actor: Actor,
    @Args('accountId', { type: () => ID }, new ParseUUIDPipe()) accountId: string,
    @Context() ctx: { res: CookieResponse },
  ): Promise<ConnectStartModel> {
    const { started, cookie } = await this.accounts.reconnectAccount(actor, accountId);
    ctx.res.cookie(cookie.name, cookie.value, cookie.options);
    return started;
  }

  @Query(() => [PendingConnectModel], {
    description: "Accounts the platform has authorized for this client, waiting for this session's confirmation",
  })
  pendingPlatformConnects(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<PendingConnectModel[]> {
    return this.accounts.pendingConnects(actor, clientId);
  }

  @Mutation(() => PlatformAccountModel, {
    description: 'Binds the authorized account to the client: only from the session that started the connect',
  })
  @TokenScope('admin')
  confirmPlatformConnect(
    @CurrentActor() actor: Actor,
    @Args('input') input: ConnectAttemptInput,
  ): Promise<PlatformAccountModel> {
    return this.accounts.confirmConnect(actor, input.attemptId);
  }

  @Mutation(() => Boolean, { description: 'Ends a connect attempt without binding; its tokens are deleted' })
  @TokenScope('admin')
  cancelPlatformConnect(@CurrentActor() actor: Actor, @Args('input') input: ConnectAttemptInput): Promise<boolean> {
    return this.accounts.cancelConnect(actor, input.attemptId);
  }
}
