import { ApplicationFailure } from '@temporalio/common';
import { PlatformAccount } from '../../services/core/database/entities';
import { AssetRepository } from '../../services/core/repositories/asset.repository';
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
import { isPlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import { isApprovalReason } from '../../workflows/contracts/vocabulary/reason-codes';
import type { GuardDeps } from '../guard/guard.deps';
import { publishEffect, showsOurPost } from '../guard/effects/publish.effect';
import { SideEffectKernel } from '../guard/kernel/side-effect.kernel';
import { scopedActivities } from '../scoped-activities';
import { createDecisionActivities } from './decision.activities';

/**
 * The publish episode's activities, built from their dependencies (Temporal samples' factory style). Each runs
 * in the scope of the client its input names, so even a forgotten WHERE cannot reach another tenant.
 */
export function createPublishActivities(deps: GuardDeps) {
  return scopedActivities(deps.ds, createUnscopedPublishActivities(deps));
}

function createUnscopedPublishActivities(deps: GuardDeps) {
  const kernel = new SideEffectKernel(deps);
  const effect = publishEffect(deps.audit, deps.artifacts);
  const jobs = new PublishJobRepository(deps.audit);
  const assets = new AssetRepository();

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

    /** The status activity: records a status the workflow decided, through the one status writer. */
    async recordPublishStatus(input: RecordStatusInput): Promise<void> {
      await deps.ds.transaction(async (m) => {
        const job = await jobs.findForClient(m, { id: input.jobId, clientId: input.clientId });
        if (!job) throw refuse('the publish job does not exist for this client');
        await jobs.writeStatus(m, job, {
          status: input.status,
          reasons: input.reasons,
          actor: input.actorId ? `user:${input.actorId}` : `workflow:${input.workflowId}`,
          scheduledAt: input.scheduledAt,
        });
      });
    },

    /** The guarded side effect: the kernel with the publish adapter. */
    async guardedPublish(input: GuardedPublishInput): Promise<GuardedPublishOutcome> {
      const outcome = await kernel.run(effect, input);
      return outcome.kind === 'done' ? { ...outcome, kind: 'published' } : outcome;
    },

    /** A later read-back for a post that could not be verified at once; reads only and returns its result. */
    async verifyPublishedPost(input: VerifyInput): Promise<VerifyResult> {
      const result = await deps.ds.transaction(async (m) => {
        const job = await jobs.findForClient(m, { id: input.jobId, clientId: input.clientId });
        if (!job) throw refuse('the publish job does not exist for this client');
        const account = await m.findOne(PlatformAccount, {
          where: { id: job.platformAccountId, clientId: job.clientId },
        });
        const asset = await assets.findForClient(m, { id: job.assetId, clientId: job.clientId });
        if (!account?.credentialRefId || !asset || !isPlatformId(account.platform)) return null;
        return { account, asset, platform: account.platform, credentialRefId: account.credentialRefId };
      });
      if (!result) return { verified: false };
      const cred = await deps.credentials.load(deps.ds.manager, input.clientId, result.credentialRefId);
      const post = await deps.platforms
        .reader(result.platform)
        .readPost(cred, input.postId)
        .catch(() => null);
      const verified =
        !!post && showsOurPost(post, { text: result.asset.text, externalAccountId: result.account.externalAccountId });
      return { verified };
    },
  };
}
