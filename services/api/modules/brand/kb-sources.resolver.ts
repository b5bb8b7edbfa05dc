import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import { AddKbSourceInput } from './dtos/add-kb-source.input';
import { KbSourceModel } from './kb-source.model';
import { KbSourcesService } from './kb-sources.service';

@Resolver(() => KbSourceModel)
@UseGuards(ActorGuard)
export class KbSourcesResolver {
  constructor(private readonly sources: KbSourcesService) {}

  @Query(() => [KbSourceModel], { description: "The client's knowledge base sources, newest first" })
  kbSources(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<KbSourceModel[]> {
    return this.sources.list(actor, clientId);
  }

  @Mutation(() => KbSourceModel, { description: 'Adds text, a file or a URL (fetched through the guarded fetcher)' })
  @TokenScope('admin')
  addKbSource(@CurrentActor() actor: Actor, @Args('input') input: AddKbSourceInput): Promise<KbSourceModel> {
    return this.sources.add(actor, input);
  }

  @Mutation(() => KbSourceModel, { description: 'Takes a source out of retrieval (its text stays in the trail)' })
  @TokenScope('admin')
  removeKbSource(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<KbSourceModel> {
    return this.sources.remove(actor, id);
  }
}
