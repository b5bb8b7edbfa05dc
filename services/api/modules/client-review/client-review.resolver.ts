import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard, type RequestWithActor } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import { PostModel } from '../posts/post.model';
import type { ApprovalStage, ClientReviewState } from '../../../../workflows/contracts/vocabulary/client-review';
import { ApprovalStageEnum, ClientReviewStateEnum } from '../../schema/enums';
import {
  ClientDecisionModel,
  ClientReviewerModel,
  CreatedReviewLinkModel,
  ReviewLinkModel,
} from './client-review.models';
import { ClientReviewService } from './client-review.service';
import {
  AddClientReviewerInput,
  ClientReviewerRefInput,
  CreateReviewLinkInput,
  ReviewLinkRefInput,
} from './dtos/client-review.inputs';
import { ReviewLinksService } from './review-links.service';

@Resolver()
@UseGuards(ActorGuard)
export class ClientReviewResolver {
  constructor(private readonly links: ReviewLinksService) {}

  @Query(() => [ClientReviewerModel], { description: 'The client’s reviewers (people at the client, no account)' })
  clientReviewers(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<ClientReviewerModel[]> {
    return this.links.reviewers(actor, clientId);
  }

  @Query(() => [ReviewLinkModel], { description: 'The client’s review links, newest first (never their tokens)' })
  reviewLinks(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<ReviewLinkModel[]> {
    return this.links.links(actor, clientId);
  }

  @Mutation(() => ClientReviewerModel)
  @TokenScope('publish')
  addClientReviewer(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddClientReviewerInput,
  ): Promise<ClientReviewerModel> {
    return this.links.addReviewer(actor, input);
  }

  @Mutation(() => ClientReviewerModel, { description: 'Disables a reviewer and revokes their links' })
  @TokenScope('publish')
  disableClientReviewer(
    @CurrentActor() actor: Actor,
    @Args('input') input: ClientReviewerRefInput,
  ): Promise<ClientReviewerModel> {
    return this.links.disableReviewer(actor, input);
  }

  @Mutation(() => CreatedReviewLinkModel, { description: 'A review link for one reviewer; its URL is shown once' })
  @TokenScope('publish')
  createReviewLink(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateReviewLinkInput,
  ): Promise<CreatedReviewLinkModel> {
    return this.links.create(actor, input);
  }

  @Mutation(() => ReviewLinkModel)
  @TokenScope('publish')
  revokeReviewLink(@CurrentActor() actor: Actor, @Args('input') input: ReviewLinkRefInput): Promise<ReviewLinkModel> {
    return this.links.revoke(actor, input);
  }
}

/**
 * Where a post stands with its client, on the post itself (the operator's post page): flat fields, so a post page's
 * query stays within the cost limit; read once per request and post.
 */
@Resolver(() => PostModel)
export class PostClientReviewResolver {
  constructor(private readonly review: ClientReviewService) {}

  @ResolveField(() => ApprovalStageEnum, { description: 'the client’s approval stages for this post (issue #14)' })
  async approvalStage(@Parent() post: PostModel, @Context('req') req: RequestWithActor): Promise<ApprovalStage> {
    return (await this.review.ofPost(post.id, post.clientId, req)).stage;
  }

  @ResolveField(() => ClientReviewStateEnum, { description: 'where the post stands with its client' })
  async clientReviewState(
    @Parent() post: PostModel,
    @Context('req') req: RequestWithActor,
  ): Promise<ClientReviewState> {
    return (await this.review.ofPost(post.id, post.clientId, req)).state;
  }

  @ResolveField(() => [ClientDecisionModel], { description: 'the client reviewers’ decisions, oldest first' })
  async clientDecisions(
    @Parent() post: PostModel,
    @Context('req') req: RequestWithActor,
  ): Promise<ClientDecisionModel[]> {
    return (await this.review.ofPost(post.id, post.clientId, req)).decisions;
  }
}
