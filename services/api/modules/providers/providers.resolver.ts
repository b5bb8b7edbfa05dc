import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { SessionOnly, TokenScope } from '../../auth/token-scope.decorator';
import { AiSettingsModel } from './ai-settings.model';
import { RemoveProviderKeyInput } from './dtos/remove-provider-key.input';
import { SetProviderKeyInput } from './dtos/set-provider-key.input';
import { UpdateAiSettingsInput } from './dtos/update-ai-settings.input';
import { ProviderKeyModel } from './provider-key.model';
import { ProvidersService } from './providers.service';

@Resolver()
@UseGuards(ActorGuard)
export class ProvidersResolver {
  constructor(private readonly providers: ProvidersService) {}

  @Query(() => [ProviderKeyModel], {
    description:
      'Provider keys in effect for a client (its own and its agency fallbacks), or an agency’s fallbacks: never the keys',
  })
  providerKeys(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) clientId?: string,
    @Args('agencyId', { type: () => ID, nullable: true }, new ParseUUIDPipe({ optional: true })) agencyId?: string,
  ): Promise<ProviderKeyModel[]> {
    return this.providers.list(actor, { clientId, agencyId });
  }

  /** Keys are typed by a person in the admin app: no API token may push or remove one (C-11). */
  @Mutation(() => ProviderKeyModel, { description: 'Stores (or replaces) a provider key; it is never shown again' })
  @SessionOnly()
  setProviderKey(@CurrentActor() actor: Actor, @Args('input') input: SetProviderKeyInput): Promise<ProviderKeyModel> {
    return this.providers.setKey(actor, input);
  }

  @Mutation(() => Boolean, { description: 'Removes a provider key; false when there was none' })
  @SessionOnly()
  removeProviderKey(@CurrentActor() actor: Actor, @Args('input') input: RemoveProviderKeyInput): Promise<boolean> {
    return this.providers.removeKey(actor, input);
  }

  @Query(() => AiSettingsModel)
  aiSettings(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<AiSettingsModel> {
    return this.providers.settings(actor, clientId);
  }

  @Mutation(() => AiSettingsModel)
  @TokenScope('admin')
  updateAiSettings(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateAiSettingsInput,
  ): Promise<AiSettingsModel> {
    return this.providers.updateSettings(actor, input);
  }
}
