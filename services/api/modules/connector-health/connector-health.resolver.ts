import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import { AccountHealthModel, ConnectorAttentionPageModel } from './account-health.model';
import { ConnectorHealthService } from './connector-health.service';
import { ConnectorAttentionArgs } from './dtos/connector-attention.args';

@Resolver(() => AccountHealthModel)
@UseGuards(ActorGuard)
export class ConnectorHealthResolver {
  constructor(private readonly health: ConnectorHealthService) {}

  @Query(() => [AccountHealthModel], {
    description:
      "A client's platform connections: status, token timeline, last success, meters, API version and its sunset, " +
      'restrictions, recent errors in words, and what needs attention',
  })
  connectorHealth(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<AccountHealthModel[]> {
    return this.health.forClient(actor, clientId);
  }

  @Query(() => ConnectorAttentionPageModel, {
    description: 'Everything that needs doing on the connections of every client you can see, most severe first',
  })
  connectorAttention(
    @CurrentActor() actor: Actor,
    @Args() args: ConnectorAttentionArgs,
  ): Promise<ConnectorAttentionPageModel> {
    return this.health.attention(actor, args);
  }

  @Mutation(() => AccountHealthModel, {
    description:
      "Asks the platform for the account's standing now (meters, restrictions, missing permissions) with its own " +
      'credential, keeps it, and answers the account’s health; a standing checked in the last 30 seconds is ' +
      'answered as it is',
  })
  @TokenScope('admin')
  refreshConnectorStanding(
    @CurrentActor() actor: Actor,
    @Args('accountId', { type: () => ID }, new ParseUUIDPipe()) accountId: string,
  ): Promise<AccountHealthModel> {
    return this.health.refreshStanding(actor, accountId);
  }
}
