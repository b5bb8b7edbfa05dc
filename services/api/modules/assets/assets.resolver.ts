import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { AssetModel } from './asset.model';
import { AssetsService } from './assets.service';
import { CreateAssetInput, UpdateAssetTextInput } from './dtos/create-asset.input';
import { TokenScope } from '../../auth/token-scope.decorator';

@Resolver(() => AssetModel)
@UseGuards(ActorGuard)
export class AssetsResolver {
  constructor(private readonly assetsService: AssetsService) {}

  @Query(() => [AssetModel])
  assets(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<AssetModel[]> {
    return this.assetsService.list(actor, clientId);
  }

  @Mutation(() => AssetModel)
  @TokenScope('publish')
  createAsset(@CurrentActor() actor: Actor, @Args('input') input: CreateAssetInput): Promise<AssetModel> {
    return this.assetsService.create(actor, input);
  }

  @Mutation(() => AssetModel)
  @TokenScope('publish')
  updateAssetText(@CurrentActor() actor: Actor, @Args('input') input: UpdateAssetTextInput): Promise<AssetModel> {
    return this.assetsService.updateText(actor, input);
  }
}
