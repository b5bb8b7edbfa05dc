import { ApplicationFailure } from '@temporalio/common';
import { Approval, ClientPolicySettings, PlatformAccount } from '../../services/core/database/entities';
import { AssetRepository } from '../../services/core/repositories/asset.repository';
import { PublishJobRepository } from '../../services/core/repositories/publish-job.repository';
import { APPROVER_ROLES, effectiveRole } from '../../services/core/tenancy/effective-role';
import { assetChecksum } from '../../services/core/util/asset-checksum';
import type {
  GuardedPublishInput,
  GuardedPublishOutcome,
  PreparePublishInput,
  PreparePublishResult,
  RecordApprovalInput,
  RecordApprovalResult,
  ApprovalRefusal,
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

/**
 * The publish episode's activities, built from their dependencies (Temporal samples' factory style). Each runs
 * in the scope of the client its input names, so even a forgotten WHERE cannot reach another tenant.
 */
export function createPublishActivities(deps: GuardDeps) {
  return scopedActivities(deps.ds, createUnscopedPublishActivities(deps));
}

function createUnscopedPublishActivities(deps: GuardDeps) {
  const kernel = new SideEffectKernel(deps);
  const effect = publishEffect(deps.audit);
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

    /** Checks the approver's role and the four-eyes rule in the database, whoever sent the message (C-21). */
    async recordApproval(input: RecordApprovalInput): Promise<RecordApprovalResult> {
      return deps.ds.transaction(async (m) => {
        const job = await jobs.findForClient(m, { id: input.jobId, clientId: input.clientId });
        if (!job) return { accepted: false, refusal: 'not_found', reason: 'job not found' };
        const existing = await m.findOne(Approval, {
          where: {
            publishJobId: job.id,
            approverId: input.approverId,
            assetChecksum: input.assetChecksum,
            decision: 'approved',
          },
        });
        if (existing) return { accepted: true, approvalId: existing.id };
        const role = await effectiveRole(m, input.approverId, job.agencyId, job.clientId);
        const settings = await m.findOne(ClientPolicySettings, { where: { clientId: job.clientId } });
        const asset = await assets.findForClient(m, { id: job.assetId, clientId: job.clientId });
        const current = asset ? assetChecksum(asset) : '';
        let refusal: { refusal: ApprovalRefusal; reason: string } | undefined;
        if (!role || !APPROVER_ROLES.includes(role))
          refusal = { refusal: 'role', reason: `role ${role ?? 'none'} may not approve posts for this client` };
        else if ((settings?.fourEyes ?? true) && input.approverId === job.createdBy)
          refusal = { refusal: 'four_eyes', reason: 'four eyes: the author cannot approve their own post' };
        else if (input.assetChecksum !== current)
          refusal = {
            refusal: 'content_changed',
            reason: 'the content changed since it was reviewed; review it again',
          };
        const auditBase = {
          agencyId: job.agencyId,
          clientId: job.clientId,
          actor: `user:${input.approverId}`,
          subjectType: 'publish_job',
          subjectId: job.id,
        };
        if (refusal || !role) {
          const refused = refusal ?? { refusal: 'role' as const, reason: 'no role' };
          await deps.audit.append(
            { ...auditBase, action: 'approval.refused', data: { reason: refused.reason, role: role ?? null } },
            m,
          );
          return { accepted: false, ...refused };
        }
        const saved = await m.save(
          Approval,
          m.create(Approval, {
            agencyId: job.agencyId,
            clientId: job.clientId,
            publishJobId: job.id,
            approverId: input.approverId,
            role,
            decision: 'approved',
            assetChecksum: input.assetChecksum,
            note: input.note ?? null,
          }),
        );
        await deps.audit.append(
          { ...auditBase, action: 'approval.granted', data: { role, assetChecksum: input.assetChecksum } },
          m,
        );
        return { accepted: true, approvalId: saved.id };
      });
    },

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
