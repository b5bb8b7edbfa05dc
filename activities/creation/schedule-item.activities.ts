import type { Client as TemporalClient } from '@temporalio/client';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { PostDecision, PublishJob } from '../../services/core/database/entities';
import { PlanEventsRepository } from '../../services/core/plans/plan-events.repository';
import {
  publishIdempotencyKey,
  schedulePublish,
  SchedulePublishError,
} from '../../services/core/publishing/schedule-publish';
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
 * Schedules the approved item: one publish per target account through the one shared path (schedulePublish), with
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
    let jobId: string;
    try {
      jobId = (
        await schedulePublish(publishDeps, {
          agencyId: item.agencyId,
          clientId: item.clientId,
          platformAccountId: item.platformAccountId,
          assetId: input.assetId,
          scheduledAt: item.slotAt,
          timezone: item.timezone,
          actorId: schedulerId,
          source: 'creation',
        })
      ).jobId;
    } catch (err) {
      if (!(err instanceof SchedulePublishError)) throw err;
      if (err.code !== 'duplicate')
        throw ApplicationFailure.create({
          type: `SchedulePublish:${err.code}`,
          message: err.message,
          // The scheduler being down passes; a missing or disconnected account needs a human.
          nonRetryable: err.code !== 'scheduler_unavailable',
        });
      const key = publishIdempotencyKey(item.clientId, item.platformAccountId, input.assetId, item.slotAt);
      const job = await deps.ds
        .getRepository(PublishJob)
        .findOne({ where: { idempotencyKey: key, clientId: item.clientId } });
      if (!job) throw err;
      jobId = job.id;
    }

    const approvalRefused: ScheduledItem['approvalRefused'] = [];
    const refusal = await sendApproval(temporal, jobId, approval.actorId, input.assetChecksum);
    if (refusal) approvalRefused.push({ jobId, reason: refusal });

    await deps.ds.transaction((m) =>
      PlanEventsRepository.append(m, {
        planId: item.planId,
        clientId: item.clientId,
        agencyId: item.agencyId,
        type: 'item.scheduled',
        data: { itemId: item.id, publishJobIds: [jobId] },
        actor: workflowActor(input),
      }),
    );
    return { jobIds: [jobId], approvalRefused };
  };

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
