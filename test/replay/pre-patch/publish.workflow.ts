// The publish workflow as it was before the patches `guard-records-publishing` and `workflow-records-verified`
// (commit a78379c), only its imports adjusted: the pre-patch worker of test/replay/publish-patches.test.ts.
// Test fixture only; never registered by a production worker.
import {
  ApplicationFailure,
  ActivityFailure,
  condition,
  defineSignal,
  proxyActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { createPublishActivities } from '../../../activities/publish/publish.activities';
import type {
  PublishStatusView,
  PublishWorkflowInput,
  PublishWorkflowResult,
  ApproveArgs as ApproveSignalArgs,
  CancelSignalArgs,
  RejectSignalArgs,
  RescheduleSignalArgs,
} from '../../../workflows/contracts/publish.contract';
import { recheckSignal, statusQuery } from '../../../workflows/contracts/publish.contract';

// The messages as they were typed then (claims naming their actor), before `decision-references`.
const approveSignal = defineSignal<[ApproveSignalArgs]>('approve');
const rejectSignal = defineSignal<[RejectSignalArgs]>('reject');
const rescheduleSignal = defineSignal<[RescheduleSignalArgs]>('reschedule');
const cancelSignal = defineSignal<[CancelSignalArgs]>('cancel');
import type { GuardedPublishOutcome } from '../../../workflows/contracts/publish-activities.contract';
import { publishStatusKey } from '../../../workflows/contracts/search-attributes';
import type { PublishStatus as PublishWorkflowStatus } from '../../../workflows/contracts/vocabulary/publish-status';
import type { Reason } from '../../../workflows/contracts/vocabulary/reason-codes';
import { dispositionFor, voidsApprovals } from '../../../workflows/contracts/vocabulary/reason-codes';

type PublishActivities = ReturnType<typeof createPublishActivities>;

// Bookkeeping activities only touch our own database: retry them freely.
const bookkeeping = proxyActivities<PublishActivities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    maximumAttempts: 20,
    nonRetryableErrorTypes: ['TenantRefused'],
  },
});

/** The publish episode: wait for approval and the slot, then the one guarded side effect, then proof. */
export async function publishPostWorkflow(input: PublishWorkflowInput): Promise<PublishWorkflowResult> {
  const opts = input.options ?? {};
  const ctx = { jobId: input.jobId, clientId: input.clientId, workflowId: workflowInfo().workflowId };
  // Retrying the publish is safe only because the guard's ledger and the platform's idempotency key make
  // a second attempt find the first post instead of making another (the Postiz double-post incident).
  const guarded = proxyActivities<PublishActivities>({
    startToCloseTimeout: `${opts.publishTimeoutSeconds ?? 60} seconds`,
    retry: {
      initialInterval: '2 seconds',
      backoffCoefficient: 2,
      maximumInterval: '5 minutes',
      maximumAttempts: 12,
      nonRetryableErrorTypes: ['TenantRefused', 'PermanentPublishError', 'AuthError'],
    },
  });

  const view: PublishStatusView = {
    status: 'scheduled',
    reasons: [],
    scheduledAt: input.scheduledAt,
    needsApproval: false,
    approvals: [],
    refusedApprovals: [],
    refusedDecisions: [],
  };
  const pendingApprovals: ApproveSignalArgs[] = [];
  let rejected: { approverId: string; reason?: string } | undefined;
  let cancelled: { actorId: string; reason?: string } | undefined;
  let wake = false;
  let lateReapproval = false;

  setHandler(statusQuery, () => view);
  setHandler(approveSignal, (a) => {
    pendingApprovals.push(a);
    wake = true;
  });
  setHandler(rejectSignal, (r) => {
    rejected ??= r;
    wake = true;
  });
  setHandler(cancelSignal, (c) => {
    cancelled ??= c;
    wake = true;
  });
  setHandler(rescheduleSignal, (r) => {
    pendingReschedule = r;
    wake = true;
  });
  setHandler(recheckSignal, () => {
    wake = true;
  });
  let pendingReschedule: { actorId: string; scheduledAt: string } | undefined;

  async function setStatus(status: PublishWorkflowStatus, reasons: Reason[] = [], actorId?: string): Promise<void> {
    if (view.status === status && JSON.stringify(view.reasons) === JSON.stringify(reasons) && !actorId) return;
    view.status = status;
    view.reasons = reasons;
    upsertSearchAttributes([{ key: publishStatusKey, value: status }]);
    await bookkeeping.recordPublishStatus({ ...ctx, status, reasons, actorId, scheduledAt: view.scheduledAt });
  }

  /** Handles signals that arrived; returns a final result when the episode ends. */
  async function drainSignals(): Promise<PublishWorkflowResult | undefined> {
    wake = false;
    if (cancelled) {
      await setStatus(
        'cancelled',
        [{ code: 'cancelled', message: cancelled.reason ?? 'cancelled by an operator' }],
        cancelled.actorId,
      );
      return { status: 'cancelled', reasons: view.reasons };
    }
    if (rejected) {
      await setStatus(
        'rejected',
        [{ code: 'rejected', message: rejected.reason ?? 'rejected by a reviewer' }],
        rejected.approverId,
      );
      return { status: 'rejected', reasons: view.reasons };
    }
    if (pendingReschedule) {
      const r = pendingReschedule;
      pendingReschedule = undefined;
      view.scheduledAt = r.scheduledAt;
      await bookkeeping.recordPublishStatus({
        ...ctx,
        status: view.status,
        reasons: view.reasons,
        actorId: r.actorId,
        scheduledAt: r.scheduledAt,
      });
    }
    while (pendingApprovals.length) {
      const a = pendingApprovals.shift()!;
      // Duplicate signals (double clicks, client retries) change nothing (C-22).
      if (view.approvals.some((x) => x.approverId === a.approverId && x.assetChecksum === a.assetChecksum)) continue;
      const res = await bookkeeping.recordApproval({
        ...ctx,
        approverId: a.approverId,
        assetChecksum: a.assetChecksum,
        note: a.note,
      });
      if (res.accepted) {
        view.approvals.push({ approvalId: res.approvalId, approverId: a.approverId, assetChecksum: a.assetChecksum });
        if (lateReapproval) {
          // A fresh approval after a missed slot means "publish now", not "publish hours late at the old slot".
          lateReapproval = false;
          view.scheduledAt = new Date(Date.now()).toISOString();
        }
      } else {
        view.refusedApprovals.push({ approverId: a.approverId, reason: res.reason });
      }
    }
    return undefined;
  }

  upsertSearchAttributes([{ key: publishStatusKey, value: 'scheduled' }]);
  const claim = {
    ...ctx,
    agencyId: input.agencyId,
    platformAccountId: input.platformAccountId,
    assetId: input.assetId,
    assetChecksum: input.assetChecksum,
    idempotencyKey: input.idempotencyKey,
    scheduledAt: input.scheduledAt,
  };
  const prepared = await bookkeeping.preparePublish(claim);
  view.needsApproval = prepared.needsApproval;
  // Already past the lateness cutoff when it starts (scheduled after an outage): the approval means "now".
  lateReapproval = prepared.reasons.some((r) => r.code === 'late');
  if (prepared.needsApproval) await setStatus('awaiting_approval', prepared.reasons);

  for (;;) {
    const ended = await drainSignals();
    if (ended) return ended;

    if (view.needsApproval && view.approvals.length === 0) {
      await setStatus('awaiting_approval', view.reasons.length ? view.reasons : prepared.reasons);
      await condition(() => wake);
      continue;
    }

    const msToSlot = Date.parse(view.scheduledAt) - Date.now();
    if (msToSlot > 0) {
      await setStatus(view.approvals.length ? 'approved' : 'scheduled');
      await condition(() => wake, msToSlot);
      if (wake) continue;
    }

    await setStatus('publishing');
    let outcome: GuardedPublishOutcome;
    try {
      outcome = await guarded.guardedPublish({
        ...claim,
        scheduledAt: view.scheduledAt,
        approvalIds: view.approvals.map((a) => a.approvalId),
      });
    } catch (err) {
      const cause = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause : undefined;
      const reason = {
        code: cause?.type === 'TenantRefused' ? 'tenant_refused' : 'publish_failed',
        message: cause?.message ?? 'the publish attempt failed',
      };
      await setStatus('failed', [reason]);
      return { status: 'failed', reasons: [reason] };
    }

    if (outcome.kind === 'published') {
      view.postId = outcome.postId;
      view.url = outcome.url;
      view.verified = outcome.verified;
      if (!outcome.verified) {
        const attempts = opts.verifyAttempts ?? 3;
        for (let i = 0; i < attempts && !view.verified; i++) {
          await sleep(`${opts.verifyIntervalSeconds ?? 10} seconds`);
          view.verified = (await bookkeeping.verifyPublishedPost({ ...ctx, postId: outcome.postId })).verified;
        }
      }
      // Unverifiable success is shown as unverified, never as success (C-24).
      const final: PublishWorkflowStatus = view.verified ? 'verified' : 'unverified';
      if (final === 'unverified')
        await setStatus('unverified', [
          { code: 'unverified', message: 'the post was sent but could not be read back from the platform' },
        ]);
      view.status = final;
      upsertSearchAttributes([{ key: publishStatusKey, value: final }]);
      return { status: final, reasons: [], postId: outcome.postId, url: outcome.url };
    }
    if (outcome.kind === 'fingerprint_mismatch') {
      await setStatus('quarantined', outcome.reasons);
      return { status: 'quarantined', reasons: outcome.reasons };
    }
    if (outcome.kind === 'refused') {
      await setStatus('failed', outcome.reasons);
      return { status: 'failed', reasons: outcome.reasons };
    }

    const disposition = dispositionFor(outcome.reasons);
    if (disposition === 'terminal') {
      await setStatus('denied', outcome.reasons);
      return { status: 'denied', reasons: outcome.reasons };
    }
    if (disposition === 'needs_approval') {
      view.needsApproval = true;
      if (voidsApprovals(outcome.reasons)) {
        view.approvals = [];
        lateReapproval = outcome.reasons.some((r) => r.code === 'late');
      }
      await setStatus('awaiting_approval', outcome.reasons);
      if (view.approvals.length > 0) {
        // Approvals exist but do not satisfy policy (e.g. four eyes): wait for another one.
        await condition(() => wake);
      }
      continue;
    }
    // Paused: nothing is lost; ask the guard again later, or sooner when an operator says so (C-20).
    await setStatus('paused', outcome.reasons);
    await condition(() => wake, `${opts.pauseRecheckSeconds ?? 60} seconds`);
  }
}
