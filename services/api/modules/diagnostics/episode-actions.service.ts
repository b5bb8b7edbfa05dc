import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AuditAction } from '../../../../workflows/contracts/vocabulary/audit-actions';
import { AuditService } from '../../../core/audit/audit.service';
import { AppConfig } from '../../../core/config/app-config';
import { firstWorkflowTaskEventId, resetPointsOf } from '../../../core/diagnostics/reset-points';
import { resetRun } from '../../../core/diagnostics/reset-run';
import type { RunTarget } from '../../../core/diagnostics/run-target';
import { clientScope } from '../../../core/tenancy/scope-for';
import type { TenantScope } from '../../../core/tenancy/tenant-scope';
import { runInTenantScope, withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { Actor } from '../../auth/actor';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { APP_CONFIG, AUDIT, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { DiagnosticsAccess } from './diagnostics-access.service';
import { DiagnosticsService } from './diagnostics.service';
import { parsed, resetArgs, runArgs } from './dtos/diagnostics.args';
import { temporalRunUrl } from '../../../core/temporal/temporal-web-links';
import type { EpisodeResetModel } from './models/episode-reset.model';

/**
 * Platform staff's repairs, each audited in the episode's own client chain (C-48): retry runs a closed run again
 * from its first workflow task with the same input (the idempotency keys make a repeated side effect report the
 * first one instead of acting twice, C-22); reset starts a new run after a chosen completed workflow task.
 */
@Injectable()
export class EpisodeActionsService {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: DiagnosticsAccess,
    private readonly diagnostics: DiagnosticsService,
  ) {}

  async retry(actor: Actor, args: { workflowId: string; runId: string }): Promise<EpisodeResetModel> {
    this.access.requireStaff(actor);
    const a = parsed(runArgs, args);
    const run = await this.latestRun(a);
    if (run.status === 'RUNNING')
      throw new AppError(
        AppErrorCode.Conflict,
        'the run is still running: reset it to a chosen point instead, or let it finish',
      );
    const history = await withoutDatabaseConnection(() =>
      this.temporal.workflow.getHandle(run.workflowId, run.runId).fetchHistory(),
    );
    const eventId = firstWorkflowTaskEventId(history.events ?? []);
    if (eventId === null)
      throw new AppError(AppErrorCode.Conflict, 'the run never started a workflow task: there is nothing to run again');
    return this.apply(actor, run, eventId, 'episode.retried', 'run again from the start');
  }

  async reset(
    actor: Actor,
    args: { workflowId: string; runId: string; eventId: number; reason: string },
  ): Promise<EpisodeResetModel> {
    this.access.requireStaff(actor);
    const a = parsed(resetArgs, args);
    const run = await this.latestRun(a);
    const history = await withoutDatabaseConnection(() =>
      this.temporal.workflow.getHandle(run.workflowId, run.runId).fetchHistory(),
    );
    if (!resetPointsOf(history.events ?? []).some((p) => p.eventId === a.eventId))
      throw new AppError(
        AppErrorCode.BadInput,
        `event ${a.eventId} is not a completed workflow task of this run: pick one of episodeResetPoints`,
      );
    return this.apply(actor, run, a.eventId, 'episode.reset', a.reason);
  }

  /** Staff see every tenant; an older run of a workflow that has moved on is refused: acting on it would fork it. */
  private async latestRun(a: { workflowId: string; runId: string }): Promise<RunTarget> {
    const run = await this.diagnostics.target({ kind: 'all' }, a);
    if (run.latestRunId !== run.runId)
      throw new AppError(
        AppErrorCode.Conflict,
        `a newer run of this workflow exists (${run.latestRunId}): look at that one instead`,
      );
    return run;
  }

  private async apply(
    actor: Actor,
    run: RunTarget,
    eventId: number,
    action: Extract<AuditAction, 'episode.retried' | 'episode.reset'>,
    reason: string,
  ): Promise<EpisodeResetModel> {
    const requestId = randomUUID();
    // Temporal keeps the reason in plaintext history: the request id and the actor's id, never the words typed.
    const newRunId = await withoutDatabaseConnection(() =>
      resetRun(this.temporal, {
        namespace: this.config.temporal.namespace,
        workflowId: run.workflowId,
        runId: run.runId,
        eventId,
        reason: `raize diagnostics: ${action} by user:${actor.userId} (request ${requestId})`,
        requestId,
      }),
    );
    const { clientId } = run.owner;
    const scope = await this.auditScope(run.owner.agencyId, clientId);
    await runInTenantScope(this.ds, scope, () =>
      this.audit.append({
        // The client's agency as the database knows it, not as a search attribute claims it.
        agencyId: scope.memberAgencyIds[0] ?? null,
        clientId,
        actor: `user:${actor.userId}`,
        action,
        subjectType: 'workflow',
        subjectId: run.workflowId,
        data: { runId: run.runId, newRunId, eventId, workflowType: run.workflowType, reason, requestId },
      }),
    );
    return {
      workflowId: run.workflowId,
      previousRunId: run.runId,
      runId: newRunId,
      eventId,
      temporalUrl: temporalRunUrl(this.config.temporal, run.workflowId, newRunId),
    };
  }

  /** The chain the event belongs to: the episode's client, else its agency, else the installation's own. */
  private async auditScope(agencyId: string | null, clientId: string | null): Promise<TenantScope> {
    if (clientId) return clientScope(this.ds, clientId);
    return { actorId: null, agencyIds: [], clientIds: [], memberAgencyIds: agencyId ? [agencyId] : [] };
  }
}
