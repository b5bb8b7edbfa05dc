import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient } from '@temporalio/client';
import { DataSource } from 'typeorm';
import type { ArtifactStore } from '../../../core/artifacts/artifact-store.port';
import { AuditService } from '../../../core/audit/audit.service';
import { AppConfig } from '../../../core/config/app-config';
import { loadTemporalConfig } from '../../../core/config/temporal-config';
import { fetchOptionsFromEnv, guardedFetch } from '../../../core/net/guarded-fetch';
import { publishOptionsFrom } from '../../../core/publishing/publish-options';
import { schedulePublish } from '../../../core/publishing/schedule-publish';
import { CsvError } from '../../../core/scheduling/csv';
import { loadImportContext, type ImportClient } from '../../../core/scheduling/import-context';
import { IMPORT_LIMITS } from '../../../core/scheduling/import-limits';
import { planImport, type ImportPlan } from '../../../core/scheduling/import-plan';
import { importPosts, ImportRefusedError } from '../../../core/scheduling/import-posts';
import { probeMediaUrl } from '../../../core/scheduling/media-url-check';
import { withoutDatabaseConnection } from '../../../core/tenancy/tenant-scope';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode } from '../../errors/app-error';
import { APP_CONFIG, AUDIT, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { ARTIFACT_STORE } from '../artifacts/artifact-store.provider';
import { PostsService } from '../posts/posts.service';
import { ImportPostsDryRunInput, ImportPostsInput } from './dtos/import.inputs';
import { ImportDryRunModel, ImportResultModel } from './import.models';

/** Bulk planning from a CSV: a dry run that shows every row's outcome, then the import of exactly that plan. */
@Injectable()
export class ImportsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    @Inject(AUDIT) private readonly audit: AuditService,
    @Inject(ARTIFACT_STORE) private readonly store: ArtifactStore,
    private readonly access: AccessService,
    private readonly posts: PostsService,
  ) {}

  async dryRun(actor: Actor, input: ImportPostsDryRunInput): Promise<ImportDryRunModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'post.schedule');
    const plan = await this.plan(client, input.csv);
    return toDryRunModel(plan);
  }

  async import(actor: Actor, input: ImportPostsInput): Promise<ImportResultModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'post.schedule');
    const fetchOpts = fetchOptionsFromEnv();
    const ctx = await this.context(client);
    try {
      // The media probes and fetches are slow network work: the request's pooled connection is given back first
      // and taken again by the next query (C-10).
      const result = await withoutDatabaseConnection(() =>
        importPosts(
          {
            ds: this.ds,
            audit: this.audit,
            store: this.store,
            fetchMedia: async (url) => {
              const res = await guardedFetch(url, {
                ...fetchOpts,
                maxBytes: IMPORT_LIMITS.maxMediaBytes,
                timeoutMs: 30_000,
              });
              if (res.status < 200 || res.status >= 300) throw new Error(`the media URL answered HTTP ${res.status}`);
              return { bytes: res.body, contentType: res.contentType };
            },
            schedule: (s) =>
              schedulePublish(
                {
                  ds: this.ds,
                  temporal: this.temporal,
                  audit: this.audit,
                  taskQueue: this.config.taskQueueOverride ?? loadTemporalConfig().taskQueues.publish,
                  options: publishOptionsFrom(this.config),
                },
                s,
              ),
            unschedule: async (jobIds) => {
              for (const postId of jobIds)
                await this.posts.cancel(actor, {
                  postId,
                  note: 'import rolled back: a later row could not be scheduled',
                });
            },
          },
          {
            client,
            actorId: actor.userId,
            csv: input.csv,
            dryRunDigest: input.dryRunDigest.toLowerCase(),
            ctx,
          },
        ),
      );
      return { batchId: result.batchId, postIds: result.postIds };
    } catch (err) {
      throw importError(err);
    }
  }

  private async plan(client: ImportClient, csv: string): Promise<ImportPlan> {
    try {
      const ctx = await this.context(client);
      // The media probes run in parallel with no query in flight: the pooled connection is given back for them
      // (once, here: suspending from each probe at the same time would race) and taken again by the next query.
      return await withoutDatabaseConnection(() => planImport(csv, ctx));
    } catch (err) {
      throw importError(err);
    }
  }

  private async context(client: ImportClient) {
    const fetchOpts = fetchOptionsFromEnv();
    return loadImportContext(this.ds.manager, client, {
      checkMediaUrl: (url) => probeMediaUrl(url, fetchOpts),
    });
  }
}

/** Refusals as the operator's answer; anything else stays an internal error (logged, not shown). */
function importError(err: unknown): unknown {
  if (err instanceof CsvError) return new AppError(AppErrorCode.BadInput, err.message);
  if (err instanceof ImportRefusedError)
    return new AppError(
      err.code === 'rows_invalid'
        ? AppErrorCode.BadInput
        : err.code === 'schedule_failed'
          ? AppErrorCode.Unavailable
          : AppErrorCode.Conflict,
      err.message,
      { reason: err.code },
    );
  return err;
}

function toDryRunModel(plan: ImportPlan): ImportDryRunModel {
  return {
    digest: plan.digest,
    valid: plan.valid,
    postCount: plan.postCount,
    rows: plan.rows.map((r) => ({
      line: r.line,
      text: r.text,
      mediaUrls: r.mediaUrls,
      platformAccountIds: r.accounts.map((a) => a.id),
      date: r.date,
      recurrence: r.recurrence ? `${r.recurrence.every}:${r.recurrence.count}` : null,
      evergreenIntervalDays: r.evergreen?.intervalDays ?? null,
    })),
    errors: plan.rows.flatMap((r) =>
      r.errors.map((e) => ({ line: r.line, code: e.code, message: e.message, column: e.column ?? null })),
    ),
    occurrences: plan.rows.flatMap((r) =>
      r.occurrences.map((o) => ({ line: r.line, platformAccountId: o.accountId, scheduledAt: o.at, local: o.local })),
    ),
  };
}
