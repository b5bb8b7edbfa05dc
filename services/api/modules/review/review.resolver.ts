import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import {
  ApproveItemInput,
  EditItemTextInput,
  RejectItemInput,
  RequestItemChangesInput,
  ReviewQueueArgs,
} from './dtos/review.inputs';
import { ReviewItemModel, ReviewQueueModel } from './review-item.model';
import { ReviewService } from './review.service';

@Resolver(() => ReviewItemModel)
@UseGuards(ActorGuard)
export class ReviewResolver {
  constructor(private readonly review: ReviewService) {}

  @Query(() => ReviewQueueModel, {
    description: "A client's created items that wait for a human (in review, blocked by policy, parked), soonest first",
  })
  reviewQueue(@CurrentActor() actor: Actor, @Args() args: ReviewQueueArgs): Promise<ReviewQueueModel> {
    return this.review.queue(actor, args.clientId, args.first, args.after);
  }

  @Query(() => ReviewItemModel)
  reviewItem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<ReviewItemModel> {
    return this.review.item(actor, id);
  }

  @Mutation(() => ReviewItemModel)
  @TokenScope('approve')
  approveItem(@CurrentActor() actor: Actor, @Args('input') input: ApproveItemInput): Promise<ReviewItemModel> {
    return this.review.approve(actor, input);
  }

  @Mutation(() => ReviewItemModel)
  @TokenScope('approve')
  requestItemChanges(
    @CurrentActor() actor: Actor,
    @Args('input') input: RequestItemChangesInput,
  ): Promise<ReviewItemModel> {
    return this.review.requestChanges(actor, input);
  }

  @Mutation(() => ReviewItemModel)
  @TokenScope('approve')
  rejectItem(@CurrentActor() actor: Actor, @Args('input') input: RejectItemInput): Promise<ReviewItemModel> {
    return this.review.reject(actor, input);
  }

  @Mutation(() => ReviewItemModel)
  @TokenScope('publish')
  editItemText(@CurrentActor() actor: Actor, @Args('input') input: EditItemTextInput): Promise<ReviewItemModel> {
    return this.review.editText(actor, input);
  }
}
