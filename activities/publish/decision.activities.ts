import type { EntityManager } from 'typeorm';
import { IsNull } from 'typeorm';
import type { PostDecision } from '../../services/core/database/entities';
import { Approval, PublishJob } from '../../services/core/database/entities';
import { PostDecisionRepository, decisionContextFor } from '../../services/core/repositories/post-decision.repository';
import { decisionRefusal } from '../../services/core/repositories/post-decision.rules';
import type { DecisionRefusal } from '../../services/core/repositories/post-decision.rules';
import { PublishJobRepository } from '../../services/core/repositories/publish-job.repository';
import { type Decider, deciderId, deciderRole } from '../../services/core/review/decider-role';
import type {
  DecisionRefInput,
  PublishContextInput,
  RecordApprovalInput,
  RecordApprovalResult,
  VerifiedDecision,
} from '../../workflows/contracts/publish-activities.contract';
import type { GuardDeps } from '../guard/guard.deps';

// A reference is a uuid; anything else names no row (and must not reach the database as a failing query).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const NO_SUCH_DECISION: DecisionRefusal = {
  refusal: 'not_found',
  reason: 'no decision of that kind was recorded for this post',
};

/**
 * The approval and decision activities: whoever sent the message, the database decides (C-21). A decision
 * reference counts only when its row exists for this job of this client, has the kind the message claims, and its
 * actor's current role allows it; an approval also needs an approver who wrote none of the text and the content
 * they saw to be the content now.
 */
export function createDecisionActivities(deps: GuardDeps) {
  const jobs = new PublishJobRepository(deps.audit);
  const decisions = new PostDecisionRepository();

  /** Loads the job and locks it: two approvals of one job are checked one after the other (C-22). */
  const lockedJob = (m: EntityManager, input: PublishContextInput) =>
    m.findOne(PublishJob, {
      where: { id: input.jobId, clientId: input.clientId },
      lock: { mode: 'pessimistic_write' },
    });

  /** Checks an approval and records it (or its refusal) in one transaction. */
  async function approve(
    m: EntityManager,
    job: PublishJob,
    a: {
      decider: Decider;
      reviewLinkId: string | null;
      assetChecksum: string | null;
      note: string | null;
      actor: string;
    },
  ): Promise<RecordApprovalResult> {
    const role = await deciderRole(m, a.decider, job.agencyId, job.clientId);
    const approverId = deciderId(a.decider);
    const refused = decisionRefusal(
      { kind: 'approve', actorId: approverId, role, assetChecksum: a.assetChecksum },
      await decisionContextFor(m, job),
    );
    const auditBase = auditOf(job, a.actor);
    if (refused || !role || !a.assetChecksum) {
      const r = refused ?? NO_SUCH_DECISION;
      await deps.audit.append(
        { ...auditBase, action: 'approval.refused', data: { reason: r.reason, role: role ?? null } },
        m,
      );
      return { accepted: false, ...r };
    }
    const who = a.decider.operatorId
      ? { approverId: a.decider.operatorId }
      : { reviewerId: a.decider.reviewerId!, approverId: IsNull() };
    const existing = await m.findOne(Approval, {
      where: { publishJobId: job.id, ...who, assetChecksum: a.assetChecksum, decision: 'approved' },
    });
    const approval =
      existing ??
      (await m.save(
        Approval,
        m.create(Approval, {
          agencyId: job.agencyId,
          clientId: job.clientId,
          publishJobId: job.id,
          approverId: a.decider.operatorId,
          reviewerId: a.decider.reviewerId,
          reviewLinkId: a.reviewLinkId,
          role,
          decision: 'approved',
          assetChecksum: a.assetChecksum,
          note: a.note,
        }),
      ));
    if (!existing)
      await deps.audit.append(
        {
          ...auditBase,
          action: 'approval.granted',
          data: { role, assetChecksum: a.assetChecksum, ...(a.reviewLinkId ? { reviewLinkId: a.reviewLinkId } : {}) },
        },
        m,
      );
    return { accepted: true, approvalId: approval.id, approverId, assetChecksum: a.assetChecksum };
  }

  /** The recorded decision behind a reference, when it is what the message claims; else why not. */
  async function verified(
    m: EntityManager,
    job: PublishJob,
    input: DecisionRefInput,
  ): Promise<{ decision: PostDecision } | { refused: DecisionRefusal; actor: string }> {
    const workflowActor = `workflow:${input.workflowId}`;
    if (!UUID.test(input.decisionId)) return { refused: NO_SUCH_DECISION, actor: workflowActor };
    const decision = await decisions.findForJob(m, { id: input.decisionId, jobId: job.id, clientId: job.clientId });
    if (!decision || decision.kind !== input.kind) return { refused: NO_SUCH_DECISION, actor: workflowActor };
    if (input.kind === 'approve') return { decision };
    const decider = deciderOf(decision);
    const role = await deciderRole(m, decider, job.agencyId, job.clientId);
    const refused = decisionRefusal(
      { kind: decision.kind, actorId: deciderId(decider), role },
      await decisionContextFor(m, job),
    );
    return refused ? { refused, actor: actorOf(decider) } : { decision };
  }

  return {
    /** The pre-patch approval: the message names its approver; checked by the same rules (C-21). */
    async recordApproval(input: RecordApprovalInput): Promise<RecordApprovalResult> {
      return deps.ds.transaction(async (m) => {
        const job = await lockedJob(m, input);
        if (!job) return { accepted: false, refusal: 'not_found', reason: 'job not found' };
        return approve(m, job, {
          decider: { operatorId: input.approverId, reviewerId: null },
          reviewLinkId: null,
          assetChecksum: input.assetChecksum,
          note: input.note ?? null,
          actor: `user:${input.approverId}`,
        });
      });
    },

    /** An approval by reference: the recorded decision's approver and checksum, checked again now. */
    async recordApprovalDecision(input: DecisionRefInput): Promise<RecordApprovalResult> {
      return deps.ds.transaction(async (m) => {
        const job = await lockedJob(m, input);
        if (!job) return { accepted: false, refusal: 'not_found', reason: 'job not found' };
        const v = await verified(m, job, { ...input, kind: 'approve' });
        if ('refused' in v) {
          await refuseDecision(m, job, input, v);
          return { accepted: false, ...v.refused };
        }
        const decider = deciderOf(v.decision);
        return approve(m, job, {
          decider,
          reviewLinkId: v.decision.reviewLinkId,
          assetChecksum: v.decision.assetChecksum,
          note: v.decision.note,
          actor: actorOf(decider),
        });
      });
    },

    /** A reject, cancel or reschedule by reference: what the workflow may act on, from the verified row. */
    async verifyDecision(input: DecisionRefInput): Promise<VerifiedDecision> {
      return deps.ds.transaction(async (m) => {
        const job = await jobs.findForClient(m, { id: input.jobId, clientId: input.clientId });
        if (!job) return { valid: false, refusal: 'not_found', reason: 'job not found' };
        const v = await verified(m, job, input);
        if ('refused' in v) {
          await refuseDecision(m, job, input, v);
          return { valid: false, ...v.refused };
        }
        const d = v.decision;
        return {
          valid: true,
          actorId: deciderId(deciderOf(d)),
          ...(d.note ? { note: d.note } : {}),
          ...(d.scheduledAt ? { scheduledAt: d.scheduledAt.toISOString() } : {}),
        };
      });
    },
  };

  async function refuseDecision(
    m: EntityManager,
    job: PublishJob,
    input: DecisionRefInput,
    v: { refused: DecisionRefusal; actor: string },
  ): Promise<void> {
    await deps.audit.append(
      {
        ...auditOf(job, v.actor),
        action: 'decision.refused',
        data: {
          kind: input.kind,
          decisionId: UUID.test(input.decisionId) ? input.decisionId : null,
          reason: v.refused.reason,
        },
      },
      m,
    );
  }
}

const deciderOf = (d: PostDecision): Decider => ({ operatorId: d.actorId, reviewerId: d.reviewerId });

/** The audit actor: an operator as `user:`, a client reviewer as `reviewer:` (their link is in the data). */
const actorOf = (d: Decider): string => (d.operatorId ? `user:${d.operatorId}` : `reviewer:${d.reviewerId}`);

function auditOf(job: PublishJob, actor: string) {
  return {
    agencyId: job.agencyId,
    clientId: job.clientId,
    actor,
    subjectType: 'publish_job',
    subjectId: job.id,
  };
}
