import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import { loadTemporalConfig } from '../../../core/config/temporal-config';
import type { DiagnosticsScope } from '../../../core/diagnostics/diagnostics-scope';
import { scopeCovers } from '../../../core/diagnostics/diagnostics-scope';
import { listFailedEpisodes, loadParkedEpisodes } from '../../../core/diagnostics/failed-episodes';
import { describeLanes } from '../../../core/diagnostics/lane-health';
import { resetPointsOf } from '../../../core/diagnostics/reset-points';
import type { RunTarget } from '../../../core/diagnostics/run-target';
import { describeRun } from '../../../core/diagnostics/run-target';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { Actor } from '../../auth/actor';
import { notFound } from '../../errors/app-error';
import { APP_CONFIG, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { DiagnosticsAccess } from './diagnostics-access.service';
import { failedEpisodesArgs, parsed, runArgs, type RunArgs } from './dtos/diagnostics.args';
import { toFailedEpisodeModel } from './failed-episode.mapper';
import type { DiagnosticsLaneModel } from './models/diagnostics-lane.model';
import type { EpisodeResetPointModel } from './models/episode-reset-point.model';
import type { FailedEpisodeModel } from './models/failed-episode.model';

const DAY_MS = 86_400_000;

/** What engineers and Admins read: the lanes, the episodes that went wrong, the points a run can be reset to. */
@Injectable()
export class DiagnosticsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly access: DiagnosticsAccess,
  ) {}

  async lanes(actor: Actor): Promise<DiagnosticsLaneModel[]> {
    await this.access.readScope(actor);
    const lanes = await withoutDatabaseConnection(() =>
      describeLanes(this.temporal, {
        namespace: this.config.temporal.namespace,
        file: loadTemporalConfig(),
        taskQueueOverride: this.config.taskQueueOverride,
      }),
    );
    return lanes.map((l) => ({
      lane: l.lane,
      taskQueue: l.taskQueue,
      alive: l.alive,
      workflowSlots: l.workflowSlots,
      activitySlots: l.activitySlots,
      pollers: l.pollers,
      backlogKnown: !!l.workflowBacklog && !!l.activityBacklog,
      workflowBacklog: l.workflowBacklog?.count ?? null,
      workflowBacklogAgeSeconds: l.workflowBacklog?.ageSeconds ?? null,
      activityBacklog: l.activityBacklog?.count ?? null,
      activityBacklogAgeSeconds: l.activityBacklog?.ageSeconds ?? null,
    }));
  }

  async failedEpisodes(actor: Actor, args: { days: number; limit: number }): Promise<FailedEpisodeModel[]> {
    const scope = await this.access.readScope(actor);
    const { days, limit } = parsed(failedEpisodesArgs, args);
    const q = { scope, since: new Date(Date.now() - days * DAY_MS), limit, withMessages: actor.staff === true };
    const parked = await loadParkedEpisodes(this.ds.manager, q);
    const episodes = await withoutDatabaseConnection(() => listFailedEpisodes({ client: this.temporal, parked }, q));
    return episodes.map((e) => toFailedEpisodeModel(e, { staff: actor.staff === true, config: this.config }));
  }

  async resetPoints(actor: Actor, args: RunArgs): Promise<EpisodeResetPointModel[]> {
    const scope = await this.access.readScope(actor);
    const a = parsed(runArgs, args);
    return withoutDatabaseConnection(async () => {
      await this.target(scope, a);
      const history = await this.temporal.workflow.getHandle(a.workflowId, a.runId).fetchHistory();
      return resetPointsOf(history.events ?? []);
    });
  }

  /** The run if the scope reaches it; anything else answers as a missing episode (C-02). */
  async target(scope: DiagnosticsScope, a: RunArgs): Promise<RunTarget> {
    const run = await describeRun(this.temporal, a.workflowId, a.runId);
    if (!run || !scopeCovers(scope, run.owner)) throw notFound('episode');
    return run;
  }
}
