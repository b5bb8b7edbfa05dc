import { ApplicationFailure } from '@temporalio/common';
import { Approval, ClientPolicySettings, PublishJob, PublishStatus } from '../../services/core/database/entities';
import { APPROVER_ROLES, effectiveRole } from '../../services/core/tenancy/effective-role';
import { assetChecksum } from '../../services/core/util/asset-checksum';
import { clientScope } from '../../services/core/tenancy/scope-for';
import { runInTenantScope } from '../../services/core/tenancy/tenant-scope';
import { contentFingerprint } from '../../services/core/connectors/content-fingerprint';
import {
  GuardedPublishInput, PreparePublishInput, PreparePublishResult, PublishContextInput, RecordApprovalInput, RecordApprovalResult, RecordStatusInput, VerifyInput,
} from '../../workflows/contracts/publish-activities.contract';
import { GuardDeps } from '../guard/guard.deps';
import { guardedPublish } from '../guard/publish.guard';
import { loadPublishContext } from '../guard/publish-context';
import { buildPublishPolicyInput } from '../guard/publish-policy-input';

const APPROVAL_CODES = new Set(['approval_required', 'four_eyes', 'manual_requires_human_author', 'late']);

/**
 * The publish episode's activities, built from their dependencies (Temporal samples' factory style). Each
 * runs in the scope of the client its input names, so even a forgotten WHERE cannot reach another tenant.
 */
export function createPublishActivities(deps: GuardDeps) {
  const activities = createUnscopedPublishActivities(deps);
  const scoped = <I extends { clientId: string }, O>(fn: (input: I) => Promise<O>) => async (input: I): Promise<O> =>
    runInTenantScope(deps.ds, await clientScope(deps.ds, input.clientId), () => fn(input));
  return {
    preparePublish: scoped(activities.preparePublish),
    recordApproval: scoped(activities.recordApproval),
    recordPublishStatus: scoped(activities.recordPublishStatus),
    guardedPublish: scoped(activities.guardedPublish),
    verifyPublishedPost: scoped(activities.verifyPublishedPost),
  };
}

function createUnscopedPublishActivities(deps: GuardDeps) {
  const now = () => deps.now?.() ?? new Date();

  async function loadJob(input: PublishContextInput): Promise<PublishJob> {
    const job = await deps.ds.getRepository(PublishJob).findOne({ where: { id: input.jobId, clientId: input.clientId } });
    if (!job) throw ApplicationFailure.create({ type: 'TenantRefused', message: 'the publish job does not exist for this client', nonRetryable: true });
    return job;
  }

  return {
    /** Whether this post will need a human approval; no side effect. */
    async preparePublish(input: PreparePublishInput): Promise<PreparePublishResult> {
      const ctx = await deps.ds.transaction((m) => loadPublishContext(m, { ...input, approvalIds: [] }));
      const job = ctx.job;
      const decision = deps.policy.decide(buildPublishPolicyInput(ctx, {
        now: now(), scheduledAt: job.scheduledAt.toISOString(), killSwitches: [], roles: new Map(),
        counters: { account_today: 0, client_today: 0, global_today: 0, seconds_since_last: null },
      }));
      return { needsApproval: decision.needsApproval, reasons: decision.reasons.filter((r: { code: string }) => APPROVAL_CODES.has(r.code)) };
    },

    /** Checks the approver's role and the four-eyes rule in the database, whoever sent the signal (C-21). */
    async recordApproval(input: RecordApprovalInput): Promise<RecordApprovalResult> {
      return deps.ds.transaction(async (m) => {
        const job = await m.findOne(PublishJob, { where: { id: input.jobId, clientId: input.clientId } });
        if (!job) return { accepted: false, reason: 'job not found' };
        const existing = await m.findOne(Approval, { where: { publishJobId: job.id, approverId: input.approverId, assetChecksum: input.assetChecksum, decision: 'approved' } });
        if (existing) return { accepted: true, approvalId: existing.id };
        const role = await effectiveRole(m, input.approverId, job.agencyId, job.clientId);
        const settings = await m.findOne(ClientPolicySettings, { where: { clientId: job.clientId } });
        const asset = await m.query('SELECT text, media_key, media_content_type FROM assets WHERE id = $1 AND client_id = $2', [job.assetId, job.clientId]);
        const current = asset.length ? assetChecksum({ text: asset[0].text, mediaKey: asset[0].media_key, mediaContentType: asset[0].media_content_type }) : '';
        let refusal: string | undefined;
        if (!role || !APPROVER_ROLES.includes(role)) refusal = `role ${role ?? 'none'} may not approve posts for this client`;
        else if ((settings?.fourEyes ?? true) && input.approverId === job.createdBy) refusal = 'four eyes: the author cannot approve their own post';
        else if (input.assetChecksum !== current) refusal = 'the content changed since it was reviewed; review it again';
        const auditBase = { agencyId: job.agencyId, clientId: job.clientId, actor: `user:${input.approverId}`, subjectType: 'publish_job', subjectId: job.id };
        if (refusal) {
          await deps.audit.append({ ...auditBase, action: 'approval.refused', data: { reason: refusal, role: role ?? null } }, m);
          return { accepted: false, reason: refusal };
        }
        const saved = await m.save(Approval, m.create(Approval, {
          agencyId: job.agencyId, clientId: job.clientId, publishJobId: job.id, approverId: input.approverId, role: role!, decision: 'approved', assetChecksum: input.assetChecksum, note: input.note ?? null,
        }));
        await deps.audit.append({ ...auditBase, action: 'approval.granted', data: { role, assetChecksum: input.assetChecksum } }, m);
        return { accepted: true, approvalId: saved.id };
      });
    },

    async recordPublishStatus(input: RecordStatusInput): Promise<void> {
      await deps.ds.transaction(async (m) => {
        const job = await m.findOne(PublishJob, { where: { id: input.jobId, clientId: input.clientId } });
        if (!job) throw ApplicationFailure.create({ type: 'TenantRefused', message: 'the publish job does not exist for this client', nonRetryable: true });
        const patch: { status: PublishStatus; statusReasons: { code: string; message: string }[]; scheduledAt?: Date } = { status: input.status as PublishStatus, statusReasons: input.reasons };
        if (input.scheduledAt) patch.scheduledAt = new Date(input.scheduledAt);
        await m.update(PublishJob, { id: job.id, clientId: job.clientId }, patch);
        await deps.audit.append({
          agencyId: job.agencyId, clientId: job.clientId, actor: input.actorId ? `user:${input.actorId}` : `workflow:${input.workflowId}`,
          action: `post.${input.status}`, subjectType: 'publish_job', subjectId: job.id, data: { reasons: input.reasons, scheduledAt: input.scheduledAt ?? null },
        }, m);
      });
    },

    /** The guarded side effect. */
    async guardedPublish(input: GuardedPublishInput) {
      return guardedPublish(deps, input);
    },

    /** A later read-back for a post that could not be verified at once; reads only. */
    async verifyPublishedPost(input: VerifyInput): Promise<{ verified: boolean }> {
      const job = await loadJob(input);
      const account = await deps.ds.query('SELECT platform, credential_ref_id, external_account_id FROM platform_accounts WHERE id = $1 AND client_id = $2', [job.platformAccountId, job.clientId]);
      const reader = account.length ? deps.readers.get(account[0].platform) : undefined;
      if (!reader || !account[0].credential_ref_id) return { verified: false };
      const tokens = await deps.credentials.loadOAuthTokens(deps.ds.manager, job.clientId, account[0].credential_ref_id);
      const post = await reader.readPost({ accessToken: tokens.accessToken }, input.postId).catch(() => null);
      const asset = await deps.ds.query('SELECT text FROM assets WHERE id = $1 AND client_id = $2', [job.assetId, job.clientId]);
      const verified = !!post && asset.length > 0 && contentFingerprint({ text: post.text }) === contentFingerprint({ text: asset[0].text }) && post.authorExternalId === account[0].external_account_id;
      if (verified) {
        await deps.ds.transaction(async (m) => {
          await m.update(PublishJob, { id: job.id, clientId: job.clientId }, { status: 'verified', verifiedAt: new Date(), statusReasons: [] });
          await deps.audit.append({ agencyId: job.agencyId, clientId: job.clientId, actor: `workflow:${input.workflowId}`, action: 'post.verified', subjectType: 'publish_job', subjectId: job.id, data: { postId: input.postId } }, m);
        });
      }
      return { verified };
    },
  };
}
