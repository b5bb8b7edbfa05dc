import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { AccountsService } from './accounts.service';
import { StartConnectInput } from './dtos/start-connect.input';
import { ConnectStartModel, PlatformAccountModel } from './platform-account.model';

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
    description: 'Starts the OAuth connect flow; the platform redirects back to /oauth/<platform>/callback',
  })
  startPlatformConnect(
    @CurrentActor() actor: Actor,
    @Args('input') input: StartConnectInput,
  ): Promise<ConnectStartModel> {
    return this.accounts.startConnect(actor, input.clientId, input.platform);
  }
}
