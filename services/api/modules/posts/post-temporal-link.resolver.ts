import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { PostModel } from './post.model';

/**
 * The post's link to Temporal Web, for platform staff only (C-14): Temporal Web shows every tenant's episodes and
 * decodes them through the staff-only codec endpoint, so operators get no link to a page they cannot use.
 * Posts are only reachable through guarded queries, which put the actor on the request.
 */
@Resolver(() => PostModel)
export class PostTemporalLinkResolver {
  @ResolveField(() => String, {
    name: 'temporalUrl',
    nullable: true,
    description: 'link to the episode in Temporal Web; platform staff only, null for everyone else',
  })
  temporalUrl(@Parent() post: PostModel, @CurrentActor() actor: Actor): string | null {
    return actor.staff === true ? post.temporalUrl : null;
  }
}
