import { ParseUUIDPipe, UseGuards } from '@nestjs/common';
import { Args, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { isPublishStatus, PublishStatus } from '../../../../workflows/contracts/vocabulary/publish-status';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { ApprovePostInput, PostDecisionInput, ReschedulePostInput, SchedulePostInput } from './dtos/post.inputs';
import { PublishStatusEnum } from '../../schema/enums';
import { PostModel } from './post.model';
import { PostsService } from './posts.service';
import { PostsCalendarService } from './posts-calendar.service';
import { PostCalendarArgs, PostPageArgs } from './dtos/post-page.args';
import { TokenScope } from '../../auth/token-scope.decorator';
import { selectedFieldNames } from './selected-fields';

/** A month grid asks neither: its page then skips three joins per post (issue #18). */
function showsAuthorsOrApprovals(info: GraphQLResolveInfo): boolean {
  const asked = selectedFieldNames(info);
  return asked.has('authorIds') || asked.has('approvals');
}

@Resolver(() => PostModel)
@UseGuards(ActorGuard)
export class PostsResolver {
  constructor(
    private readonly postsService: PostsService,
    private readonly calendar: PostsCalendarService,
  ) {}

  @Query(() => PostModel, { description: 'A post: database record and, while it runs, the live workflow status' })
  post(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, new ParseUUIDPipe()) id: string,
  ): Promise<PostModel> {
    return this.postsService.get(actor, id);
  }

  @Query(() => [PostModel], {
    deprecationReason:
      'the 200 posts scheduled furthest ahead, whatever the month: use postCalendar (a date range, paginated)',
  })
  posts(
    @CurrentActor() actor: Actor,
    @Args('clientId', { type: () => ID }, new ParseUUIDPipe()) clientId: string,
  ): Promise<PostModel[]> {
    return this.postsService.list(actor, clientId);
  }

  @Query(() => [PostModel], {
    description:
      "A page of a client's posts scheduled in a range of local dates in its timezone, [from, to), in time order. " +
      'The next page: after = the last post’s cursor; a page shorter than first is the last.',
  })
  postCalendar(
    @CurrentActor() actor: Actor,
    @Args() args: PostCalendarArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PostModel[]> {
    return this.calendar.calendar(actor, args, showsAuthorsOrApprovals(info));
  }

  @Query(() => [PostModel], {
    description: 'A page of the posts waiting for an approval, soonest first; paged like postCalendar',
  })
  approvalQueue(
    @CurrentActor() actor: Actor,
    @Args() args: PostPageArgs,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PostModel[]> {
    return this.calendar.approvalQueue(actor, args, showsAuthorsOrApprovals(info));
  }

  @Mutation(() => PostModel)
  @TokenScope('publish')
  schedulePost(@CurrentActor() actor: Actor, @Args('input') input: SchedulePostInput): Promise<PostModel> {
    return this.postsService.schedule(actor, input);
  }

  @Mutation(() => PostModel)
  @TokenScope('approve')
  approvePost(@CurrentActor() actor: Actor, @Args('input') input: ApprovePostInput): Promise<PostModel> {
    return this.postsService.approve(actor, input);
  }

  @Mutation(() => PostModel)
  @TokenScope('approve')
  rejectPost(@CurrentActor() actor: Actor, @Args('input') input: PostDecisionInput): Promise<PostModel> {
    return this.postsService.reject(actor, input);
  }

  @Mutation(() => PostModel)
  @TokenScope('publish')
  reschedulePost(@CurrentActor() actor: Actor, @Args('input') input: ReschedulePostInput): Promise<PostModel> {
    return this.postsService.reschedule(actor, input);
  }

  @Mutation(() => PostModel)
  @TokenScope('publish')
  cancelPost(@CurrentActor() actor: Actor, @Args('input') input: PostDecisionInput): Promise<PostModel> {
    return this.postsService.cancel(actor, input);
  }

  @ResolveField(() => PublishStatusEnum, {
    nullable: true,
    description: 'the live status reported by the workflow, when it runs',
  })
  workflowStatus(@Parent() post: PostModel): PublishStatus | null {
    // A workflow of a newer build may report a status this API does not know: no live status, not an error.
    return post.workflowStatus !== null && isPublishStatus(post.workflowStatus) ? post.workflowStatus : null;
  }
}
