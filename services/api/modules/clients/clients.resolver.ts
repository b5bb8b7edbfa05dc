import { UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ParseUUIDPipe } from '@nestjs/common';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ClientModel, PolicySettingsModel } from './client.model';
import { ClientsService } from './clients.service';
import { CreateClientInput } from './dtos/create-client.input';
import { UpdatePolicySettingsInput } from './dtos/update-policy-settings.input';
import { TokenScope } from '../../auth/token-scope.decorator';

@Resolver(() => ClientModel)
@UseGuards(ActorGuard)
export class ClientsResolver {
  constructor(private readonly clients: ClientsService) {}

  @Query(() => [ClientModel], { name: 'clients', description: 'Clients the operator has a role on' })
  listClients(@CurrentActor() actor: Actor): Promise<ClientModel[]> {
    return this.clients.list(actor);
  }

  @Query(() => ClientModel)
  client(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<ClientModel> {
    return this.clients.get(actor, id);
  }

  @Query(() => PolicySettingsModel)
  policySettings(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<PolicySettingsModel> {
    return this.clients.settings(actor, clientId);
  }

  @Mutation(() => ClientModel)
  @TokenScope('admin')
  createClient(@CurrentActor() actor: Actor, @Args('input') input: CreateClientInput): Promise<ClientModel> {
    return this.clients.create(actor, input);
  }

  @Mutation(() => PolicySettingsModel)
  @TokenScope('admin')
  updatePolicySettings(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdatePolicySettingsInput,
  ): Promise<PolicySettingsModel> {
    return this.clients.updateSettings(actor, input);
  }
}
