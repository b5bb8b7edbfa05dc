import type { Client as TemporalClient } from '@temporalio/client';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { In, Not } from 'typeorm';
import type { PlanItem } from '../../services/core/database/entities';
import { PostDecision, PublishJob } from '../../services/core/database/entities';
import { PlanEventsRepository } from '../../services/core/plans/plan-events.repository';
import {
  publishIdempotencyKey,
  schedulePublish,
  SchedulePublishError,
} from '../../services/core/publishing/schedule-publish';
import type { SchedulePublishDeps } from '../../services/core/publishing/schedule-publish';
import { nextFreeSlots } from '../../services/core/scheduling/next-free-slots';
import { SLOT_RELEASING_STATUSES } from '../../services/core/scheduling/slot-statuses';
import type { PublishStatus } from '../../workflows/contracts/vocabulary/publish-status';
import { decisionContextFor, PostDecisionRepository } from '../../services/core/repositories/post-decision.repository';
import { decisionRefusal } from '../../services/core/repositories/post-decision.rules';
import { effectiveRole } from '../../services/core/tenancy/effective-role';
import type { ScheduleApprovedInput, ScheduledItem } from '../../workflows/contracts/creation.contract';
import { approveUpdate } from '../../workflows/contracts/publish.contract';
import type { CreationDeps } from './creation.deps';
import { loadItem, workflowActor } from './creation-item';
import { verifyCreationDecisionIn } from './review-decision.activities';

const DEFAULT_APPROVE_DEADLINE_MS = 15_000;

/**
 * Schedules the approved item: one publish per account it goes out on (its target and its cross-posts) through the
 * one shared path (schedulePublish), with
 * the plan's creator as its scheduler and author; then the reviewer's approval is recorded as a post decision and
 * sent to each publish workflow by reference, so the review counts as the post's approval (C-21). Safe to retry:
 * a job already made is found by its idempotency key (C-22), a decision already recorded is reused, and the publish
 * workflow answers a repeated reference with the approval it already made.
 */
export function createScheduleItemActivity(deps: CreationDeps) {
  const postDecisions = new PostDecisionRepository();

  return async function scheduleApprovedItem(input: ScheduleApprovedInput): Promise<ScheduledItem> {
    const { item, plan, approval } = await deps.ds.transaction(async (m) => {
      const { item, plan } = await loadItem(m, input);
      // Checked again now: a role taken away or an edit since the review voids it (C-21, C-23).
      const approval = await verifyCreationDecisionIn(m, deps, {
        ...input,
        decisionId: input.decisionId,
        assetId: input.assetId,
      });
      return { item, plan, approval };
    });
    if (!approval.valid || approval.kind !== 'approve' || approval.assetChecksum !== input.assetChecksum)
      throw ApplicationFailure.create({
        type: 'ApprovalNoLongerValid',
        message: approval.valid ? 'the approval is not for this content' : approval.reason,
        nonRetryable: true,
      });

    // A plan a recurring Schedule made has no creator: its approver scheduled it; else the reviewer does, and
    // four eyes on the post then waits for someone else.
    const schedulerId = plan.createdBy ?? plan.decidedBy ?? approval.actorId;
    const temporal = await deps.temporal();
    const publishDeps = {
      ds: deps.ds,
      temporal,
      audit: deps.audit,
      taskQueue: deps.publishTaskQueue,
      options: deps.publishOptions,
    };
    const accounts = [item.platformAccountId, ...(item.crossPosts ?? []).map((c) => c.platformAccountId)];
    const jobIds: string[] = [];
    const accountRefused: ScheduledItem['accountRefused'] = [];
    for (const accountId of accounts) {
      try {
        jobIds.push(await scheduleOn(publishDeps, item, accountId, input.assetId, schedulerId));
      } catch (err) {
        if (!(err instanceof SchedulePublishError)) throw err;
        // The scheduler being down passes (the retry finds the posts already made); an account that cannot take
        // the post (disconnected, removed, its platform's rules) needs a human, but does not hold back the others.
        if (err.code === 'scheduler_unavailable')
          throw ApplicationFailure.create({ type: `SchedulePublish:${err.code}`, message: err.message });
        accountRefused.push({ platformAccountId: accountId, code: err.code, reason: err.message });
      }
    }
    if (!jobIds.length)
      throw ApplicationFailure.create({
        type: `SchedulePublish:${accountRefused[0].code}`,
        message: accountRefused.map((r) => r.reason).join('; '),
        nonRetryable: true,
      });

    const approvalRefused: ScheduledItem['approvalRefused'] = [];
    for (const jobId of jobIds) {
      const refusal = await sendApproval(temporal, jobId, approval.actorId, input.assetChecksum);
      if (refusal) approvalRefused.push({ jobId, reason: refusal });
    }

    await deps.ds.transaction((m) =>
      PlanEventsRepository.append(m, {
        planId: item.planId,
        clientId: item.clientId,
        agencyId: item.agencyId,
        type: 'item.scheduled',
        data: { itemId: item.id, publishJobIds: jobIds },
        actor: workflowActor(input),
      }),
    );
    return { jobIds, approvalRefused, accountRefused };
  };

  /**
   * Schedules the item on one account and answers the post's id. A post this item already made there (a retry) is
   * the answer; a queue item whose slot was taken since it was planned (an import, another plan) or has passed
   * moves to the account's next free queue slot.
   */
  async function scheduleOn(
    publishDeps: SchedulePublishDeps,
    item: PlanItem,
    accountId: string,
    assetId: string,
    schedulerId: string,
  ): Promise<string> {
    const made = await deps.ds.getRepository(PublishJob).findOne({
      where: {
        clientId: item.clientId,
        platformAccountId: accountId,
        assetId,
        status: Not(In(SLOT_RELEASING_STATUSES as PublishStatus[])),
      },
    });
    if (made) return made.id;
    const scheduledAt = item.timing === 'queue' ? await queueSlotFor(item, accountId) : item.slotAt;
    try {
      return (
        await schedulePublish(publishDeps, {
          agencyId: item.agencyId,
          clientId: item.clientId,
          platformAccountId: accountId,
          assetId,
          scheduledAt,
          timezone: item.timezone,
          actorId: schedulerId,
          source: 'creation',
        })
      ).jobId;
    } catch (err) {
      if (!(err instanceof SchedulePublishError) || err.code !== 'duplicate') throw err;
      const key = publishIdempotencyKey(item.clientId, accountId, assetId, scheduledAt);
      const job = await deps.ds
        .getRepository(PublishJob)
        .findOne({ where: { idempotencyKey: key, clientId: item.clientId } });
      if (!job) throw err;
      return job.id;
    }
  }

  /** The item's own slot while it is free and ahead; else the account's next free queue slot after it (or now). */
  async function queueSlotFor(item: PlanItem, accountId: string): Promise<Date> {
    const now = deps.now?.() ?? new Date();
    const after = new Date(Math.max(item.slotAt.getTime() - 1, now.getTime()));
    const [free] = await nextFreeSlots(deps.ds.manager, {
      clientId: item.clientId,
      accountId,
      after,
      count: 1,
      timezone: item.timezone,
      ignorePlanItemId: item.id,
    });
    if (!free) throw new SchedulePublishError('not_publishable', 'the account has no free queue slot in the next year');
    return free;
  }

  /** Records the reviewer's approval of the post (checked by the post's own rules) and sends its reference. */
  async function sendApproval(
    temporal: TemporalClient,
    jobId: string,
    reviewerId: string,
    checksum: string,
  ): Promise<string | undefined> {
    const decision = await deps.ds.transaction(async (m) => {
      const job = await m.findOne(PublishJob, { where: { id: jobId } });
      if (!job) return { refused: 'the publish job is gone' };
      const role = await effectiveRole(m, reviewerId, job.agencyId, job.clientId);
      const refused = decisionRefusal(
        { kind: 'approve', actorId: reviewerId, role, assetChecksum: checksum },
        await decisionContextFor(m, job),
      );
      if (refused) return { refused: refused.reason };
      const existing = await m.findOne(PostDecision, {
        where: {
          publishJobId: job.id,
          clientId: job.clientId,
          kind: 'approve',
          actorId: reviewerId,
          assetChecksum: checksum,
        },
      });
      const row =
        existing ??
        (await postDecisions.record(m, job, {
          kind: 'approve',
          actorId: reviewerId,
          role: role!,
          assetChecksum: checksum,
        }));
      return { decisionId: row.id, workflowId: job.workflowId };
    });
    if ('refused' in decision) return decision.refused;
    try {
      const res = await temporal.connection.withDeadline(
        Date.now() + (deps.approveDeadlineMs ?? DEFAULT_APPROVE_DEADLINE_MS),
        () =>
          temporal.workflow
            .getHandle(decision.workflowId)
            .executeUpdate(approveUpdate, { args: [{ decisionId: decision.decisionId }] }),
      );
      return res.accepted ? undefined : res.reason;
    } catch (err) {
      // The post no longer waits for an approval (already going out, or ended): it decided without this one.
      if (err instanceof WorkflowUpdateFailedError)
        return `the post did not take the approval: ${err.cause?.message ?? err.message}`;
      if (err instanceof WorkflowNotFoundError) return 'the post has already finished';
      throw err;
    }
  }
}
