import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import { BrandKitModel } from './brand-kit.model';
import { BrandKitService } from './brand-kit.service';
import { UpdateBrandKitInput } from './dtos/update-brand-kit.input';

@Resolver(() => BrandKitModel)
@UseGuards(ActorGuard)
export class BrandKitResolver {
  constructor(private readonly brandKits: BrandKitService) {}

  @Query(() => BrandKitModel, { description: "The client's brand kit (its name and empty rules until saved once)" })
  brandKit(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<BrandKitModel> {
    return this.brandKits.get(actor, clientId);
  }

  @Mutation(() => BrandKitModel)
  @TokenScope('admin')
  updateBrandKit(@CurrentActor() actor: Actor, @Args('input') input: UpdateBrandKitInput): Promise<BrandKitModel> {
    return this.brandKits.update(actor, input);
  }
}
