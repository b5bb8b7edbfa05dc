import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import { loadTemporalConfig } from '../../../core/config/temporal-config';
import { AuditService } from '../../../core/audit/audit.service';
import { Approval, Asset, PlatformAccount, PublishJob, PublishJobPayload } from '../../../core/database/entities';
import { contentAuthorsOfEach } from '../../../core/repositories/content-authors.repository';
import { decisionContextFor, PostDecisionRepository } from '../../../core/repositories/post-decision.repository';
import { decisionRefusal } from '../../../core/repositories/post-decision.rules';
import { effectiveRole } from '../../../core/tenancy/effective-role';
import { logger } from '../../../core/telemetry/logger';
import { assetChecksum } from '../../../core/util/asset-checksum';
import type { DecisionRef } from '../../../../workflows/contracts/publish.contract';
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
import type { PostDecisionKind } from '../../../../workflows/contracts/vocabulary/post-decisions';
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
import { approvalRefusal, approvalUpdateError, decisionError } from './approval-outcome';
import { PostModel } from './post.model';
import { ApprovePostInput, PostDecisionInput, ReschedulePostInput, SchedulePostInput } from './dtos/post.inputs';

// Long enough for the approval activity and a retry of it; an operator is waiting on the answer.
const APPROVE_DEADLINE_MS = 15_000;

/** The publishing episode seen from the API: jobs in the database, decisions in the workflow. */
@Injectable()
export class PostsService {
  private readonly decisions = new PostDecisionRepository();

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
    const [authorIds] = await contentAuthorsOfEach(this.ds.manager, [job]);
    return this.toModel(job, await this.liveStatus(job), authorIds);
  }

  async list(actor: Actor, clientId: string): Promise<PostModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    const jobs = await this.ds
      .getRepository(PublishJob)
      .find({ where: { clientId }, order: { scheduledAt: 'DESC' }, take: 200 });
    const authors = await contentAuthorsOfEach(this.ds.manager, jobs);
    const models: PostModel[] = [];
    // In turn: the request's scope is one connection.
    for (const [i, j] of jobs.entries()) models.push(await this.toModel(j, null, authors[i]));
    return models;
  }

  /**
   * Checks the approval here (role, four eyes over every author, the checksum the reviewer's page displayed:
   * C-21, C-23), records it as a decision and sends the workflow only its reference. Sent as an update, so the
   * operator gets the workflow's answer at once; its activity checks the recorded decision again before it counts.
   */
  async approve(actor: Actor, input: ApprovePostInput): Promise<PostModel> {
    const job = await this.loadVisible(actor, input.postId, 'post.approve');
    if (isFinalPublishStatus(job.status))
      throw new AppError(AppErrorCode.Conflict, `the post is already ${job.status}`);
    const decision = await this.decide(actor, job, {
      kind: 'approve',
      assetChecksum: input.assetChecksum,
      note: input.note,
    });
    const result = await this.temporal.connection
      .withDeadline(Date.now() + APPROVE_DEADLINE_MS, () =>
        this.temporal.workflow.getHandle(job.workflowId).executeUpdate(approveUpdate, { args: [decision] }),
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
    await this.signal(job, async (h) =>
      h.signal(rejectSignal, await this.decide(actor, job, { kind: 'reject', note: input.note })),
    );
    return this.get(actor, job.id);
  }

  async reschedule(actor: Actor, input: ReschedulePostInput): Promise<PostModel> {
    const job = await this.loadVisible(actor, input.postId, 'post.schedule');
    const scheduledAt = new Date(input.scheduledAt);
    await this.signal(job, async (h) =>
      h.signal(rescheduleSignal, await this.decide(actor, job, { kind: 'reschedule', scheduledAt })),
    );
    return this.get(actor, job.id);
  }

  async cancel(actor: Actor, input: PostDecisionInput): Promise<PostModel> {
    const job = await this.loadVisible(actor, input.postId, 'post.cancel');
    await this.signal(job, async (h) =>
      h.signal(cancelSignal, await this.decide(actor, job, { kind: 'cancel', note: input.note })),
    );
    return this.get(actor, job.id);
  }

  /**
   * Checks a decision by the rules the workflow's activity applies again (the actor's role now; for an approval
   * four eyes and the checksum) and records it; the workflow only ever hears of the row's id (C-21).
   */
  private async decide(
    actor: Actor,
    job: PublishJob,
    d: { kind: PostDecisionKind; assetChecksum?: string; scheduledAt?: Date; note?: string },
  ): Promise<DecisionRef> {
    const saved = await this.ds.transaction(async (m) => {
      const role = await effectiveRole(m, actor.userId, job.agencyId, job.clientId);
      const refused = decisionRefusal(
        { kind: d.kind, actorId: actor.userId, role, assetChecksum: d.assetChecksum },
        await decisionContextFor(m, job),
      );
      if (refused) throw decisionError(refused);
      return this.decisions.record(m, job, {
        kind: d.kind,
        actorId: actor.userId,
        role: role!,
        assetChecksum: d.assetChecksum,
        scheduledAt: d.scheduledAt,
        note: d.note,
      });
    });
    return { decisionId: saved.id };
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

  private async toModel(job: PublishJob, workflowStatus: string | null, authorIds: string[]): Promise<PostModel> {
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
      authorIds,
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
