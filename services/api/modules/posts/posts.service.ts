import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import { loadTemporalConfig } from '../../../core/config/temporal-config';
import { AuditService } from '../../../core/audit/audit.service';
import { Approval, Asset, PlatformAccount, PublishJob, PublishJobPayload } from '../../../core/database/entities';
import { logger } from '../../../core/telemetry/logger';
import { assetChecksum } from '../../../core/util/asset-checksum';
import {
  approveUpdate,
  cancelSignal,
  PUBLISH_WORKFLOW_TYPE,
  publishWorkflowId,
  PublishWorkflowInput,
  rejectSignal,
  rescheduleSignal,
  statusQuery,
} from '../../../../workflows/contracts/publish.contract';
import { isFinalPublishStatus } from '../../../../workflows/contracts/vocabulary/publish-status';
import {
  agencyIdKey,
  clientIdKey,
  episodeKindKey,
  platformKey,
  publishStatusKey,
} from '../../../../workflows/contracts/search-attributes';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { APP_CONFIG, AUDIT, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { approvalRefusal, approvalUpdateError } from './approval-outcome';
import { PostModel } from './post.model';
import { PostDecisionInput, ReschedulePostInput, SchedulePostInput } from './dtos/post.inputs';

// Long enough for the approval activity and a retry of it; an operator is waiting on the answer.
const APPROVE_DEADLINE_MS = 15_000;

/** The publishing episode seen from the API: jobs in the database, decisions in the workflow. */
@Injectable()
export class PostsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: TemporalClient,
    @Inject(AUDIT) private readonly audit: AuditService,
    private readonly access: AccessService,
  ) {}

  /** Fixes the payload (C-23), derives the idempotency key (C-22) and starts the workflow with ids only (C-05). */
  async schedule(actor: Actor, input: SchedulePostInput): Promise<PostModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'post.schedule');
    const [account, asset] = await Promise.all([
      this.ds.getRepository(PlatformAccount).findOne({ where: { id: input.platformAccountId, clientId: client.id } }),
      this.ds.getRepository(Asset).findOne({ where: { id: input.assetId, clientId: client.id } }),
    ]);
    if (!account) throw notFound('platform account');
    if (!asset) throw notFound('asset');
    if (account.status !== 'connected')
      throw new AppError(AppErrorCode.Conflict, `the account is ${account.status}; reconnect it before scheduling`);
    const scheduledAt = new Date(input.scheduledAt);
    const checksum = assetChecksum(asset);
    const idempotencyKey = createHash('sha256')
      .update(['publish', client.id, account.id, asset.id, scheduledAt.toISOString()].join('|'))
      .digest('hex');
    const timezone = input.timezone ?? client.timezone;
    const tq = this.config.taskQueueOverride ?? loadTemporalConfig().taskQueues.publish;

    const job = await this.ds.transaction(async (m) => {
      const dup = await m.findOne(PublishJob, { where: { idempotencyKey } });
      if (dup)
        throw new AppError(
          AppErrorCode.Conflict,
          `this asset is already scheduled on this account at this time (post ${dup.id})`,
        );
      const jobId = randomUUID();
      const payload: PublishJobPayload = {
        jobId,
        agencyId: client.agencyId,
        clientId: client.id,
        platformAccountId: account.id,
        platform: account.platform,
        assetId: asset.id,
        assetChecksum: checksum,
        idempotencyKey,
        scheduledAt: scheduledAt.toISOString(),
        timezone,
        authorId: actor.userId,
      };
      const workflowId = publishWorkflowId(client.id, jobId);
      const saved = await m.save(
        PublishJob,
        m.create(PublishJob, {
          id: jobId,
          agencyId: client.agencyId,
          clientId: client.id,
          platformAccountId: account.id,
          assetId: asset.id,
          assetChecksum: checksum,
          idempotencyKey,
          scheduledAt,
          timezone,
          status: 'scheduled',
          statusReasons: [],
          createdBy: actor.userId,
          workflowId,
          payload,
        }),
      );
      await this.audit.append(
        {
          agencyId: client.agencyId,
          clientId: client.id,
          actor: `user:${actor.userId}`,
          action: 'post.scheduled',
          subjectType: 'publish_job',
          subjectId: saved.id,
          data: { accountId: account.id, assetId: asset.id, assetChecksum: checksum, scheduledAt: payload.scheduledAt },
        },
        m,
      );
      const wfInput: PublishWorkflowInput = {
        ...payload,
        options: {
          pauseRecheckSeconds: this.config.pauseRecheckSeconds,
          publishTimeoutSeconds: this.config.publishTimeoutSeconds,
          verifyIntervalSeconds: this.config.verifyIntervalSeconds,
        },
      };
      return { id: saved.id, workflowId, wfInput };
    });
    // Started after the commit, so the workflow's first activity always finds its job and the client's
    // audit-chain lock is not held across the Temporal call. If Temporal refuses, the job is marked failed
    // (an honest record of the attempt) and the operator gets a clear answer.
    try {
      await this.temporal.workflow.start(PUBLISH_WORKFLOW_TYPE, {
        taskQueue: tq,
        workflowId: job.workflowId,
        args: [job.wfInput],
        typedSearchAttributes: [
          { key: clientIdKey, value: client.id },
          { key: agencyIdKey, value: client.agencyId },
          { key: platformKey, value: account.platform },
          { key: episodeKindKey, value: 'publish' },
          { key: publishStatusKey, value: 'scheduled' },
        ],
      });
    } catch (err) {
      await this.ds.transaction(async (m) => {
        await m.update(
          PublishJob,
          { id: job.id, clientId: client.id },
          {
            status: 'failed',
            statusReasons: [{ code: 'not_started', message: 'the scheduler was unreachable; schedule the post again' }],
          },
        );
        await this.audit.append(
          {
            agencyId: client.agencyId,
            clientId: client.id,
            actor: `user:${actor.userId}`,
            action: 'post.failed',
            subjectType: 'publish_job',
            subjectId: job.id,
            data: { reason: 'workflow_not_started', kind: (err as Error).name },
          },
          m,
        );
      });
      throw new AppError(
        AppErrorCode.Unavailable,
        'the scheduler is unreachable right now; the post was not scheduled. Try again in a minute',
      );
    }
    return this.get(actor, job.id);
  }

  async get(actor: Actor, postId: string): Promise<PostModel> {
    const job = await this.loadVisible(actor, postId, 'client.read');
    return this.toModel(job, await this.liveStatus(job));
  }

  async list(actor: Actor, clientId: string): Promise<PostModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    const jobs = await this.ds
      .getRepository(PublishJob)
      .find({ where: { clientId }, order: { scheduledAt: 'DESC' }, take: 200 });
    const models: PostModel[] = [];
    // In turn: the request's scope is one connection.
    for (const j of jobs) models.push(await this.toModel(j, null));
    return models;
  }

  /**
   * Sent as an update, so the operator gets the workflow's answer at once: refused when the post does not wait for
   * an approval, or when the approver may not approve it (role, four eyes, content changed: C-21, C-23). The
   * workflow's activity is the one place those rules are checked, whoever sends the approval.
   */
  async approve(actor: Actor, input: PostDecisionInput): Promise<PostModel> {
    const job = await this.loadVisible(actor, input.postId, 'post.approve');
    if (isFinalPublishStatus(job.status))
      throw new AppError(AppErrorCode.Conflict, `the post is already ${job.status}`);
    const asset = await this.ds
      .getRepository(Asset)
      .findOneOrFail({ where: { id: job.assetId, clientId: job.clientId } });
    const approval = { approverId: actor.userId, assetChecksum: assetChecksum(asset), note: input.note };
    const result = await this.temporal.connection
      .withDeadline(Date.now() + APPROVE_DEADLINE_MS, () =>
        this.temporal.workflow.getHandle(job.workflowId).executeUpdate(approveUpdate, { args: [approval] }),
      )
      .catch((err: unknown) => {
        throw approvalUpdateError(err) ?? err;
      });
    const refusal = approvalRefusal(result);
    if (refusal) throw refusal;
    return this.get(actor, job.id);
  }

  async reject(actor: Actor, input: PostDecisionInput): Promise<PostModel> {
    const job = await this.loadVisible(actor, input.postId, 'post.approve');
    await this.signal(job, (h) => h.signal(rejectSignal, { approverId: actor.userId, reason: input.note }));
    return this.get(actor, job.id);
  }

  async reschedule(actor: Actor, input: ReschedulePostInput): Promise<PostModel> {
    const job = await this.loadVisible(actor, input.postId, 'post.schedule');
    await this.signal(job, (h) =>
      h.signal(rescheduleSignal, { actorId: actor.userId, scheduledAt: new Date(input.scheduledAt).toISOString() }),
    );
    return this.get(actor, job.id);
  }

  async cancel(actor: Actor, input: PostDecisionInput): Promise<PostModel> {
    const job = await this.loadVisible(actor, input.postId, 'post.cancel');
    await this.signal(job, (h) => h.signal(cancelSignal, { actorId: actor.userId, reason: input.note }));
    return this.get(actor, job.id);
  }

  /** Loads a job only through a client the actor may see: another tenant's id answers "not found" (C-02). */
  async loadVisible(
    actor: Actor,
    postId: string,
    permission: Parameters<AccessService['requireClient']>[2],
  ): Promise<PublishJob> {
    const job = await this.ds.getRepository(PublishJob).findOne({ where: { id: postId } });
    if (!job) throw notFound('post');
    try {
      await this.access.requireClient(actor, job.clientId, permission);
    } catch (err) {
      if (err instanceof AppError && err.code === AppErrorCode.NotFound) throw notFound('post');
      throw err;
    }
    return job;
  }

  private async signal(
    job: PublishJob,
    send: (h: ReturnType<TemporalClient['workflow']['getHandle']>) => Promise<void>,
  ): Promise<void> {
    if (isFinalPublishStatus(job.status))
      throw new AppError(AppErrorCode.Conflict, `the post is already ${job.status}; nothing to change`);
    try {
      await send(this.temporal.workflow.getHandle(job.workflowId));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError)
        throw new AppError(AppErrorCode.Conflict, 'the post has already finished; nothing to change');
      throw err;
    }
  }

  private async liveStatus(job: PublishJob): Promise<string | null> {
    if (isFinalPublishStatus(job.status)) return null;
    try {
      // A query needs a worker to answer; when none polls, the database status stands instead of a 30 s wait.
      const view = await this.temporal.connection.withDeadline(Date.now() + 2000, () =>
        this.temporal.workflow.getHandle(job.workflowId).query(statusQuery),
      );
      return view.status;
    } catch (err) {
      logger.debug({ 'raize.workflow_id': job.workflowId, 'error.kind': (err as Error).name }, 'status query failed');
      return null;
    }
  }

  private async toModel(job: PublishJob, workflowStatus: string | null): Promise<PostModel> {
    const approvals = await this.ds.getRepository(Approval).find({
      where: { publishJobId: job.id, clientId: job.clientId, decision: 'approved' },
      order: { createdAt: 'ASC' },
    });
    return {
      id: job.id,
      clientId: job.clientId,
      platformAccountId: job.platformAccountId,
      assetId: job.assetId,
      assetChecksum: job.assetChecksum,
      status: job.status,
      reasons: job.statusReasons,
      scheduledAt: job.scheduledAt,
      timezone: job.timezone,
      createdBy: job.createdBy,
      platformPostId: job.platformPostId,
      url: job.url,
      proof: job.proof ? JSON.stringify(job.proof) : null,
      publishedAt: job.publishedAt,
      verifiedAt: job.verifiedAt,
      workflowId: job.workflowId,
      temporalUrl: `${this.config.temporal.uiUrl}/namespaces/${this.config.temporal.namespace}/workflows/${encodeURIComponent(job.workflowId)}`,
      workflowStatus,
      approvals: approvals.map((a) => ({
        approverId: a.approverId,
        role: a.role,
        assetChecksum: a.assetChecksum,
        createdAt: a.createdAt,
      })),
    };
  }
}
