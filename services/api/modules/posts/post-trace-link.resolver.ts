import { Inject } from '@nestjs/common';
import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Client as TemporalClient } from '@temporalio/client';
import { AppConfig } from '../../../core/config/app-config';
import { episodeTraceId } from '../../../core/temporal/episode-trace-id';
import { traceUrl } from '../../../core/telemetry/trace-links';
import { Actor } from '../../auth/actor';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../../platform/tokens';
import { PostModel } from './post.model';

/**
 * The post's link to the trace of its publish episode (C-50), for platform staff only, like the Temporal Web link:
 * a trace shows every tenant's spans. Null when no trace UI is configured (RAIZE_TRACE_UI_URL) or the episode has
 * no trace id; Temporal is asked only for staff, and only when a trace UI exists.
 */
@Resolver(() => PostModel)
export class PostTraceLinkResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
  ) {}

  @ResolveField(() => String, {
    name: 'traceUrl',
    nullable: true,
    description: "link to the publish episode's trace in the trace UI; platform staff only, null for everyone else",
  })
  async traceUrl(@Parent() post: PostModel, @CurrentActor() actor: Actor): Promise<string | null> {
    if (actor.staff !== true || !this.config.observability.traceUiUrl) return null;
    return traceUrl(this.config.observability, await episodeTraceId(this.temporal, post.workflowId));
  }
}
