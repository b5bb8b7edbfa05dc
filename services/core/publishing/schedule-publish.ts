import { createHash, randomUUID } from 'node:crypto';
import type { Client as TemporalClient } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import { Asset, PlatformAccount, PublishJob } from '../database/entities';
import { publishableProblems } from './publishable';
import type { PublishJobPayload } from '../database/entities';
import { assetChecksum } from '../util/asset-checksum';
import {
  PUBLISH_WORKFLOW_TYPE,
  publishWorkflowId,
  type PublishWorkflowInput,
  type PublishWorkflowOptions,
} from '../../../workflows/contracts/publish.contract';
import {
  agencyIdKey,
  clientIdKey,
  episodeKindKey,
  platformKey,
  publishStatusKey,
} from '../../../workflows/contracts/search-attributes';

/**
 * Who asked for the post: an operator in the API, an approved creation item, a bulk import, or an operator's assistant
 * through the MCP tool gateway.
 */
export type ScheduleSource = 'operator' | 'creation' | 'import' | 'assistant';

export interface SchedulePublishDeps {
  /** the tenant-scoped data source (the API request's, or an activity's under scopedActivities) */
  ds: DataSource;
  temporal: TemporalClient;
  audit: AuditService;
  /** the publish lane's task queue */
  taskQueue: string;
  options: PublishWorkflowOptions;
}

export interface SchedulePublishInput {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  assetId: string;
  scheduledAt: Date;
  timezone: string;
  /** the user who scheduled it: an author of the post for four eyes (C-21) */
  actorId: string;
  source: ScheduleSource;
}

export interface ScheduledPublish {
  jobId: string;
  workflowId: string;
  assetChecksum: string;
}

export type SchedulePublishErrorCode =
  | 'account_not_found'
  | 'asset_not_found'
  | 'account_not_connected'
  | 'not_publishable'
  | 'duplicate'
  | 'scheduler_unavailable';

/** Why a post was not scheduled; the message is safe to show to the operator. */
export class SchedulePublishError extends Error {
  constructor(
    readonly code: SchedulePublishErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SchedulePublishError';
  }
}

/** The key that makes a repeat of the same schedule the same post (C-22). */
export function publishIdempotencyKey(clientId: string, accountId: string, assetId: string, at: Date): string {
  return createHash('sha256')
    .update(['publish', clientId, accountId, assetId, at.toISOString()].join('|'))
    .digest('hex');
}

/**
 * The one way a post gets scheduled, whoever asks (API, creation episode, import): fixes the payload (C-23), derives
 * the idempotency key (C-22), writes the job and its audit event in one transaction, and starts the publish workflow
 * with ids only (C-05) after the commit, so its first activity always finds its job. When Temporal refuses, the job
 * is marked failed (an honest record of the attempt) and the caller gets `scheduler_unavailable`.
 */
export async function schedulePublish(
  deps: SchedulePublishDeps,
  input: SchedulePublishInput,
): Promise<ScheduledPublish> {
  const { ds } = deps;
  const [account, asset] = await Promise.all([
    ds.getRepository(PlatformAccount).findOne({ where: { id: input.platformAccountId, clientId: input.clientId } }),
    ds.getRepository(Asset).findOne({ where: { id: input.assetId, clientId: input.clientId } }),
  ]);
  if (!account) throw new SchedulePublishError('account_not_found', 'platform account not found');
  if (!asset) throw new SchedulePublishError('asset_not_found', 'asset not found');
  if (account.status !== 'connected')
    throw new SchedulePublishError(
      'account_not_connected',
      `the account is ${account.status}; reconnect it before scheduling`,
    );
  const problems = await publishableProblems(ds.manager, account, asset);
  if (problems.length)
    throw new SchedulePublishError('not_publishable', `this post cannot go out as it is: ${problems.join('; ')}`);
  const checksum = assetChecksum(asset);
  const idempotencyKey = publishIdempotencyKey(input.clientId, account.id, asset.id, input.scheduledAt);
  const actor = `user:${input.actorId}`;

  const job = await ds.transaction(async (m) => {
    const dup = await m.findOne(PublishJob, { where: { idempotencyKey } });
    if (dup)
      throw new SchedulePublishError(
        'duplicate',
        `this asset is already scheduled on this account at this time (post ${dup.id})`,
      );
    const jobId = randomUUID();
    const payload: PublishJobPayload = {
      jobId,
      agencyId: input.agencyId,
      clientId: input.clientId,
      platformAccountId: account.id,
      platform: account.platform,
      assetId: asset.id,
      assetChecksum: checksum,
      idempotencyKey,
      scheduledAt: input.scheduledAt.toISOString(),
      timezone: input.timezone,
      authorId: input.actorId,
    };
    const workflowId = publishWorkflowId(input.clientId, jobId);
    await m.save(
      PublishJob,
      m.create(PublishJob, {
        id: jobId,
        agencyId: input.agencyId,
        clientId: input.clientId,
        platformAccountId: account.id,
        assetId: asset.id,
        assetChecksum: checksum,
        idempotencyKey,
        scheduledAt: input.scheduledAt,
        timezone: input.timezone,
        status: 'scheduled',
        statusReasons: [],
        createdBy: input.actorId,
        workflowId,
        payload,
      }),
    );
    await deps.audit.append(
      {
        agencyId: input.agencyId,
        clientId: input.clientId,
        actor,
        action: 'post.scheduled',
        subjectType: 'publish_job',
        subjectId: jobId,
        data: {
          accountId: account.id,
          assetId: asset.id,
          assetChecksum: checksum,
          scheduledAt: payload.scheduledAt,
          source: input.source,
        },
      },
      m,
    );
    const wfInput: PublishWorkflowInput = { ...payload, options: deps.options };
    return { jobId, workflowId, wfInput };
  });

  try {
    await deps.temporal.workflow.start(PUBLISH_WORKFLOW_TYPE, {
      taskQueue: deps.taskQueue,
      workflowId: job.workflowId,
      args: [job.wfInput],
      typedSearchAttributes: [
        { key: clientIdKey, value: input.clientId },
        { key: agencyIdKey, value: input.agencyId },
        { key: platformKey, value: account.platform },
        { key: episodeKindKey, value: 'publish' },
        { key: publishStatusKey, value: 'scheduled' },
      ],
    });
  } catch (err) {
    await ds.transaction(async (m) => {
      await m.update(
        PublishJob,
        { id: job.jobId, clientId: input.clientId },
        {
          status: 'failed',
          statusReasons: [{ code: 'not_started', message: 'the scheduler was unreachable; schedule the post again' }],
        },
      );
      await deps.audit.append(
        {
          agencyId: input.agencyId,
          clientId: input.clientId,
          actor,
          action: 'post.failed',
          subjectType: 'publish_job',
          subjectId: job.jobId,
          data: { reason: 'workflow_not_started', kind: (err as Error).name },
        },
        m,
      );
    });
    throw new SchedulePublishError(
      'scheduler_unavailable',
      'the scheduler is unreachable right now; the post was not scheduled. Try again in a minute',
    );
  }
  return { jobId: job.jobId, workflowId: job.workflowId, assetChecksum: checksum };
}
