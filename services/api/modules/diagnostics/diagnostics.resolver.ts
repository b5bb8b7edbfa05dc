import { UseGuards } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor } from '../../auth/actor';
import { ActorGuard } from '../../auth/actor.guard';
import { CurrentActor } from '../../auth/current-actor.decorator';
import { TokenScope } from '../../auth/token-scope.decorator';
import { DiagnosticsService } from './diagnostics.service';
import { EpisodeActionsService } from './episode-actions.service';
import { EpisodeReplayService } from './episode-replay.service';
import { DiagnosticsLaneModel } from './models/diagnostics-lane.model';
import { EpisodeReplayModel } from './models/episode-replay.model';
import { EpisodeResetPointModel } from './models/episode-reset-point.model';
import { EpisodeResetModel } from './models/episode-reset.model';
import { FailedEpisodeModel } from './models/failed-episode.model';

/** Diagnostics (issue #15): reads for platform staff and Admins (scoped), repairs for staff only. */
@Resolver()
@UseGuards(ActorGuard)
export class DiagnosticsResolver {
  constructor(
    private readonly diagnostics: DiagnosticsService,
    private readonly actions: EpisodeActionsService,
    private readonly replays: EpisodeReplayService,
  ) {}

  @Query(() => [DiagnosticsLaneModel], { description: 'Each priority lane: workers polling it, slots, backlog' })
  diagnosticsLanes(@CurrentActor() actor: Actor): Promise<DiagnosticsLaneModel[]> {
    return this.diagnostics.lanes(actor);
  }

  @Query(() => [FailedEpisodeModel], {
    description: 'Episodes that failed, timed out, were terminated or are parked, newest first (Admins: their own)',
  })
  failedEpisodes(
    @CurrentActor() actor: Actor,
    @Args('days', { type: () => Int, defaultValue: 7 }) days: number,
    @Args('limit', { type: () => Int, defaultValue: 50 }) limit: number,
  ): Promise<FailedEpisodeModel[]> {
    return this.diagnostics.failedEpisodes(actor, { days, limit });
  }

  @Query(() => [EpisodeResetPointModel], { description: 'The completed workflow tasks a run can be reset to' })
  episodeResetPoints(
    @CurrentActor() actor: Actor,
    @Args('workflowId') workflowId: string,
    @Args('runId') runId: string,
  ): Promise<EpisodeResetPointModel[]> {
    return this.diagnostics.resetPoints(actor, { workflowId, runId });
  }

  @Mutation(() => EpisodeResetModel, {
    description: 'Platform staff: run a closed run again from its start with the same input (audited)',
  })
  @TokenScope('staff')
  retryEpisode(
    @CurrentActor() actor: Actor,
    @Args('workflowId') workflowId: string,
    @Args('runId') runId: string,
  ): Promise<EpisodeResetModel> {
    return this.actions.retry(actor, { workflowId, runId });
  }

  @Mutation(() => EpisodeResetModel, {
    description: 'Platform staff: reset a run to one of its episodeResetPoints, saying why (audited)',
  })
  @TokenScope('staff')
  resetEpisode(
    @CurrentActor() actor: Actor,
    @Args('workflowId') workflowId: string,
    @Args('runId') runId: string,
    @Args('eventId', { type: () => Int }) eventId: number,
    @Args('reason') reason: string,
  ): Promise<EpisodeResetModel> {
    return this.actions.reset(actor, { workflowId, runId, eventId, reason });
  }

  @Mutation(() => EpisodeReplayModel, {
    description: 'Platform staff: would the workflow code the workers run now make the decisions this run recorded?',
  })
  @TokenScope('staff')
  replayEpisode(
    @CurrentActor() actor: Actor,
    @Args('workflowId') workflowId: string,
    @Args('runId') runId: string,
  ): Promise<EpisodeReplayModel> {
    return this.replays.replay(actor, { workflowId, runId });
  }
}
