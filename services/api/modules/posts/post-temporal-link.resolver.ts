import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AppConfig } from '../../../core/config/app-config';
import { temporalRunUrl } from '../../../core/temporal/temporal-web-links';
import { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { APP_CONFIG } from '../../platform/tokens';
import { PostModel } from './post.model';

/**
 * The post's link to Temporal Web, for platform staff only (C-14): Temporal Web shows every tenant's episodes and
 * decodes them through the staff-only codec endpoint, so operators get no link to a page they cannot use.
 * Posts are only reachable through guarded queries, which put the actor on the request. Built here, when asked,
 * rather than for every post of every list.
 */
@Resolver(() => PostModel)
export class PostTemporalLinkResolver {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @ResolveField(() => String, {
    name: 'temporalUrl',
    nullable: true,
    description: 'link to the episode in Temporal Web; platform staff only, null for everyone else',
  })
  temporalUrl(@Parent() post: PostModel, @CurrentActor() actor: Actor): string | null {
    return actor.staff === true ? temporalRunUrl(this.config.temporal, post.workflowId) : null;
  }
}
