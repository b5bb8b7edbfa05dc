import { Inject, Injectable } from '@nestjs/common';
import { Client as TemporalClient, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../core/config/app-config';
import { loadTemporalConfig } from '../../../core/config/temporal-config';
import { AuditService } from '../../../core/audit/audit.service';
import { PublishJob } from '../../../core/database/entities';
import { approvalsOfEach } from '../../../core/scheduling/calendar.repository';
import { contentAuthorsOfEach } from '../../../core/repositories/content-authors.repository';
import { decisionContextFor, PostDecisionRepository } from '../../../core/repositories/post-decision.repository';
import { decisionRefusal } from '../../../core/repositories/post-decision.rules';
import { effectiveRole } from '../../../core/tenancy/effective-role';
import { logger } from '../../../core/telemetry/logger';
import { schedulePublish, SchedulePublishError } from '../../../core/publishing/schedule-publish';
import type { DecisionRef } from '../../../../workflows/contracts/publish.contract';
import {
  approveUpdate,
  cancelSignal,
  rejectSignal,
  rescheduleSignal,
  statusQuery,
} from '../../../../workflows/contracts/publish.contract';
import type { PostDecisionKind } from '../../../../workflows/contracts/vocabulary/post-decisions';
import { isFinalPublishStatus } from '../../../../workflows/contracts/vocabulary/publish-status';
import { Actor } from '../../auth/actor';
import { AccessService } from '../../auth/access.service';
import { AppError, AppErrorCode, notFound } from '../../errors/app-error';
import { APP_CONFIG, AUDIT, DATA_SOURCE, TEMPORAL_CLIENT } from '../../platform/tokens';
import { approvalRefusal, approvalUpdateError, decisionError } from './approval-outcome';
import { publishOptionsFrom, scheduleError } from './schedule-outcome';
import { PostModel } from './post.model';
import { toPostModel } from './post-model.mapper';
import { PostsCalendarService } from './posts-calendar.service';
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
    private readonly calendar: PostsCalendarService,
  ) {}

  /** Checks the actor may schedule for the client, then schedules through the one shared path (schedulePublish). */
  async schedule(actor: Actor, input: SchedulePostInput): Promise<PostModel> {
    const { client } = await this.access.requireClient(actor, input.clientId, 'post.schedule');
    try {
      const { jobId } = await schedulePublish(
        {
          ds: this.ds,
          temporal: this.temporal,
          audit: this.audit,
          taskQueue: this.config.taskQueueOverride ?? loadTemporalConfig().taskQueues.publish,
          options: publishOptionsFrom(this.config),
        },
        {
          agencyId: client.agencyId,
          clientId: client.id,
          platformAccountId: input.platformAccountId,
          assetId: input.assetId,
          scheduledAt: new Date(input.scheduledAt),
          timezone: input.timezone ?? client.timezone,
          actorId: actor.userId,
          source: 'operator',
        },
      );
      return this.get(actor, jobId);
    } catch (err) {
      throw err instanceof SchedulePublishError ? scheduleError(err) : err;
    }
  }

  async get(actor: Actor, postId: string): Promise<PostModel> {
    const job = await this.loadVisible(actor, postId, 'client.read');
    const [authorIds] = await contentAuthorsOfEach(this.ds.manager, [job]);
    return this.toModel(job, await this.liveStatus(job), authorIds);
  }

  /**
   * Deprecated (the web app's list until it moves to postCalendar): the 200 posts scheduled furthest ahead, with
   * their authors and approvals read for all of them at once instead of once per post.
   */
  async list(actor: Actor, clientId: string): Promise<PostModel[]> {
    await this.access.requireClient(actor, clientId, 'client.read');
    const jobs = await this.ds
      .getRepository(PublishJob)
      .find({ where: { clientId }, order: { scheduledAt: 'DESC' }, take: 200 });
    return this.calendar.models(jobs);
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
    const approvals = await approvalsOfEach(this.ds.manager, [job]);
    return toPostModel(job, { workflowStatus, authorIds, approvals: approvals.get(job.id) ?? [] });
  }
}
