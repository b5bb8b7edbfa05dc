import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../../../core/config/app-config';
import { replayHistory } from '../../../core/diagnostics/replay-history';
import { SecretsPort } from '../../../core/secrets/secrets.port';
import { codecOptionsFrom, createDataConverter } from '../../../core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../../../core/temporal/codec/secrets-key-source';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { Actor } from '../../auth/actor';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { APP_CONFIG, SECRETS, TEMPORAL_CLIENT } from '../../platform/tokens';
import { DiagnosticsAccess } from './diagnostics-access.service';
import { DiagnosticsService } from './diagnostics.service';
import { parsed, runArgs } from './dtos/diagnostics.args';
import type { EpisodeReplayModel } from './models/episode-replay.model';

/**
 * "Replay against the current code": a run's history, decoded with the API's codec keys, replayed against the
 * workflow bundle the workers run. The workflow code runs in the SDK's replay worker (its own threads), never on
 * the request's; one replay at a time per API process, as each one starts a replay worker.
 */
@Injectable()
export class EpisodeReplayService {
  private readonly dataConverter: DataConverter;
  private busy = false;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SECRETS) secrets: SecretsPort,
    private readonly access: DiagnosticsAccess,
    private readonly diagnostics: DiagnosticsService,
  ) {
    this.dataConverter = createDataConverter(new SecretsCodecKeySource(secrets), codecOptionsFrom(config));
  }

  /** The bundle the workers load: the same rule as services/worker/main.ts, which rebuilds it at every start. */
  private bundlePath(): string {
    return process.env.RAIZE_WORKFLOW_BUNDLE ?? join(this.config.dataDir, 'workflow-bundle.js');
  }

  async replay(actor: Actor, args: { workflowId: string; runId: string }): Promise<EpisodeReplayModel> {
    this.access.requireStaff(actor);
    const a = parsed(runArgs, args);
    const bundlePath = this.bundlePath();
    if (!existsSync(bundlePath))
      throw new AppError(
        AppErrorCode.Unavailable,
        'no workflow bundle to replay against: start a worker (it writes workflow-bundle.js in the data directory) ' +
          'or set RAIZE_WORKFLOW_BUNDLE',
      );
    const run = await this.diagnostics.target({ kind: 'all' }, a);
    if (this.busy) throw new AppError(AppErrorCode.Unavailable, 'a replay is already running; try again in a moment');
    this.busy = true;
    try {
      const verdict = await withoutDatabaseConnection(async () => {
        const history = await this.temporal.workflow.getHandle(run.workflowId, run.runId).fetchHistory();
        return replayHistory({ bundlePath, dataConverter: this.dataConverter }, history, run.workflowId);
      });
      return { workflowId: run.workflowId, runId: run.runId, ...verdict };
    } finally {
      this.busy = false;
    }
  }
}
