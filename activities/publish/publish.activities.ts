import { ApplicationFailure } from '@temporalio/common';
import { ConnectorError } from '../../services/core/connectors/connector.errors';
import { PublishJobRepository } from '../../services/core/repositories/publish-job.repository';
import type {
  GuardedPublishInput,
  GuardedPublishOutcome,
  PreparePublishInput,
  PreparePublishResult,
  RecordStatusInput,
  VerifyInput,
  VerifyResult,
} from '../../workflows/contracts/publish-activities.contract';
import { FAILURE_TYPES } from '../../workflows/contracts/vocabulary/failure-types';
import { isApprovalReason } from '../../workflows/contracts/vocabulary/reason-codes';
import type { GuardDeps } from '../guard/guard.deps';
import { publishEffect, showsOurPost } from '../guard/effects/publish.effect';
import { SideEffectKernel } from '../guard/kernel/side-effect.kernel';
import type { ReceiptStarter } from '../receipts/receipt-starter';
import { startReceiptsQuietly } from '../receipts/start-receipts-quietly';
import { scopedActivities } from '../scoped-activities';
import { createDecisionActivities } from './decision.activities';
import { createPublishRouteActivities } from './publish-route.activities';
import { readPublishedPost } from './published-post.read';

/**
 * The publish episode's activities, built from their dependencies (Temporal samples' factory style). Each runs
 * in the scope of the client its input names, so even a forgotten WHERE cannot reach another tenant.
 */
export function createPublishActivities(deps: GuardDeps, opts: PublishActivityOptions = {}) {
  return scopedActivities(deps.ds, createUnscopedPublishActivities(deps, opts));
}

export interface PublishActivityOptions {
  /** starts a verified post's receipt episode (issue #15); absent: no re-checks (unit tests, tools) */
  receipts?: ReceiptStarter;
}

function createUnscopedPublishActivities(deps: GuardDeps, opts: PublishActivityOptions) {
  const kernel = new SideEffectKernel(deps);
  const effect = publishEffect(deps.audit, deps.artifacts);
  const jobs = new PublishJobRepository(deps.audit);
  const receipts = startReceiptsQuietly(opts.receipts);

  const refuse = (message: string) =>
    ApplicationFailure.create({ type: FAILURE_TYPES.tenantRefused, message, nonRetryable: true });

  return {
    /** Whether this post will need a human approval, and why: the kernel's own policy preview; no side effect. */
    async preparePublish(input: PreparePublishInput): Promise<PreparePublishResult> {
      const decision = await kernel.preview(effect, { ...input, approvalIds: [] });
      return {
        needsApproval: decision.needsApproval,
        reasons: decision.reasons.filter((r) => isApprovalReason(r.code)),
      };
    },

    ...createDecisionActivities(deps),
    ...createPublishRouteActivities(deps),

    /** The status activity: records a status the workflow decided, through the one status writer. */
    async recordPublishStatus(input: RecordStatusInput): Promise<void> {
      const job = await deps.ds.transaction(async (m) => {
        const job = await jobs.findForClient(m, { id: input.jobId, clientId: input.clientId });
        if (!job) throw refuse('the publish job does not exist for this client');
        await jobs.writeStatus(m, job, {
          status: input.status,
          reasons: input.reasons,
          actor: input.actorId ? `user:${input.actorId}` : `workflow:${input.workflowId}`,
          scheduledAt: input.scheduledAt,
        });
        return job;
      });
      // A post verified by the workflow's later read-back: its receipt episode starts now (issue #15).
      if (input.status === 'verified')
        await receipts({ agencyId: job.agencyId, clientId: job.clientId, jobId: job.id, verifiedAt: new Date() });
    },

    /** The guarded side effect: the kernel with the publish adapter. */
    async guardedPublish(input: GuardedPublishInput): Promise<GuardedPublishOutcome> {
      const outcome = await kernel.run(effect, input);
      // The guard recorded `verified` with its proof: the post's receipt episode starts now (issue #15).
      if (outcome.kind === 'done' && outcome.verified)
        await receipts({
          agencyId: input.agencyId,
          clientId: input.clientId,
          jobId: input.jobId,
          verifiedAt: deps.now?.() ?? new Date(),
        });
      return outcome.kind === 'done' ? { ...outcome, kind: 'published' } : outcome;
    },

    /** A later read-back for a post that could not be verified at once; reads only and returns its result. */
    async verifyPublishedPost(input: VerifyInput): Promise<VerifyResult> {
      // A platform error is "not read back yet": the workflow asks again, then settles `unverified` (C-24).
      const read = await readPublishedPost(deps, jobs, input).catch((err: unknown) => {
        if (err instanceof ConnectorError) return null;
        throw err;
      });
      if (read?.kind === 'no_job') throw refuse('the publish job does not exist for this client');
      const verified = read?.kind === 'read' && !!read.post && showsOurPost(read.post, read.sent);
      return { verified };
    },
  };
}
