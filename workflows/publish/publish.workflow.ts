import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  setHandler,
  sleep,
  TimeoutFailure,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { TimeoutType } from '@temporalio/common';
import type { GuardedPublishOutcome, PreparePublishResult } from '../contracts/publish-activities.contract';
import type { PublishWorkflowInput, PublishWorkflowResult } from '../contracts/publish.contract';
import {
  approveSignal,
  approveUpdate,
  cancelSignal,
  PUBLISH_PATCHES,
  recheckSignal,
  rejectSignal,
  rescheduleSignal,
  statusQuery,
} from '../contracts/publish.contract';
import { publishStatusKey } from '../contracts/search-attributes';
import { FAILURE_TYPES } from '../contracts/vocabulary/failure-types';
import type { Reason } from '../contracts/vocabulary/reason-codes';
import { dispositionFor, voidsApprovals } from '../contracts/vocabulary/reason-codes';
import { bookkeepingActivities, guardedActivities } from './publish.proxies';
import { isDecisionRef, PublishEpisodeState } from './publish.state';
import { PublishStatusWriter } from './publish.status';

const isLate = (reasons: Reason[]) => reasons.some((r) => r.code === 'late');

const RUNNER_GONE: Reason = {
  code: 'browser_runner_unavailable',
  message: 'the browser runner holding the profile did not take the attempt; the next one goes to a live runner',
};

/** No worker took the attempt from the runner's queue: nothing ran, so it is safe to route it again. */
const notTakenInTime = (err: unknown) =>
  err instanceof ActivityFailure &&
  err.cause instanceof TimeoutFailure &&
  err.cause.timeoutType === TimeoutType.SCHEDULE_TO_START;

/** The publish episode: wait for approval and the slot, then the one guarded side effect, then proof. */
export async function publishPostWorkflow(input: PublishWorkflowInput): Promise<PublishWorkflowResult> {
  const result = await runEpisode(input);
  // An approval update still recording must answer its caller before the episode ends (safe-message-handlers).
  await condition(allHandlersFinished);
  return result;
}

async function runEpisode(input: PublishWorkflowInput): Promise<PublishWorkflowResult> {
  const opts = input.options ?? {};
  const ctx = { jobId: input.jobId, clientId: input.clientId, workflowId: workflowInfo().workflowId };
  const bookkeeping = bookkeepingActivities();
  const guarded = guardedActivities(opts);
  // Decided before any handler exists, so every message of this run is read one way (C-21).
  const references = patched(PUBLISH_PATCHES.decisionReferences);
  const state = new PublishEpisodeState(
    input,
    (a) =>
      isDecisionRef(a)
        ? bookkeeping.recordApprovalDecision({ ...ctx, decisionId: a.decisionId, kind: 'approve' })
        : bookkeeping.recordApproval({ ...ctx, ...a }),
    {
      references,
      verifyDecision: (kind, ref) => bookkeeping.verifyDecision({ ...ctx, decisionId: ref.decisionId, kind }),
    },
  );
  const view = state.view;
  const status = new PublishStatusWriter(view, (s) => bookkeeping.recordPublishStatus({ ...ctx, ...s }));

  setHandler(statusQuery, () => view);
  setHandler(approveUpdate, state.approve, { validator: state.validateApproval });
  setHandler(approveSignal, state.onApproveSignal);
  setHandler(rejectSignal, state.onReject);
  setHandler(cancelSignal, state.onCancel);
  setHandler(rescheduleSignal, state.onReschedule);
  setHandler(recheckSignal, state.onRecheck);

  /** Acts on the signals that arrived; returns the result when they end the episode. */
  async function drainSignals(): Promise<PublishWorkflowResult | undefined> {
    state.wake = false;
    await state.drainDecisions();
    if (state.cancelled) {
      await status.set(
        'cancelled',
        [{ code: 'cancelled', message: state.cancelled.reason ?? 'cancelled by an operator' }],
        state.cancelled.actorId,
      );
      return { status: 'cancelled', reasons: view.reasons };
    }
    if (state.rejected) {
      await status.set(
        'rejected',
        [{ code: 'rejected', message: state.rejected.reason ?? 'rejected by a reviewer' }],
        state.rejected.approverId,
      );
      return { status: 'rejected', reasons: view.reasons };
    }
    if (state.reschedule) {
      const r = state.reschedule;
      state.reschedule = undefined;
      view.scheduledAt = r.scheduledAt;
      await status.recordSlot(r.actorId);
    }
    await state.drainApprovalSignals();
    return undefined;
  }

  const lean = patched(PUBLISH_PATCHES.dueStartSkipsPreview);
  if (!lean) upsertSearchAttributes([{ key: publishStatusKey, value: 'scheduled' }]);
  const claim = {
    ...ctx,
    agencyId: input.agencyId,
    platformAccountId: input.platformAccountId,
    assetId: input.assetId,
    assetChecksum: input.assetChecksum,
    idempotencyKey: input.idempotencyKey,
    scheduledAt: input.scheduledAt,
  };
  // Due already: the guard's own decision is the preview (it asks for approval itself when one is needed).
  const dueAtStart = Date.parse(input.scheduledAt) <= Date.now();
  const prepared: PreparePublishResult =
    lean && dueAtStart ? { needsApproval: false, reasons: [] } : await bookkeeping.preparePublish(claim);
  view.needsApproval = prepared.needsApproval;
  // Already past the lateness cutoff when it starts (scheduled after an outage): the approval means "now".
  state.lateReapproval = isLate(prepared.reasons);
  if (prepared.needsApproval) await status.set('awaiting_approval', prepared.reasons);

  for (;;) {
    const ended = await drainSignals();
    if (ended) return ended;

    if (view.needsApproval && !state.hasApproval) {
      await status.set('awaiting_approval', view.reasons.length ? view.reasons : prepared.reasons);
      await condition(() => state.wake);
      continue;
    }

    const msToSlot = Date.parse(view.scheduledAt) - Date.now();
    if (msToSlot > 0) {
      await status.set(state.hasApproval ? 'approved' : 'scheduled');
      await condition(() => state.wake, msToSlot);
      if (state.wake) continue;
    }

    let outcome: GuardedPublishOutcome;
    try {
      outcome = await publishOnce();
    } catch (err) {
      const reason = failureReason(err);
      if (reason.code === 'tenant_refused' && patched(PUBLISH_PATCHES.tenantRefusalFailsRun)) throw err;
      await status.set('failed', [reason]);
      return { status: 'failed', reasons: [reason] };
    }

    if (outcome.kind === 'published') return confirm(outcome);
    if (outcome.kind === 'fingerprint_mismatch') {
      await status.set('quarantined', outcome.reasons);
      return { status: 'quarantined', reasons: outcome.reasons };
    }
    if (outcome.kind === 'refused') {
      await status.set('failed', outcome.reasons);
      return { status: 'failed', reasons: outcome.reasons };
    }

    const disposition = dispositionFor(outcome.reasons);
    if (disposition === 'terminal') {
      await status.set('denied', outcome.reasons);
      return { status: 'denied', reasons: outcome.reasons };
    }
    if (disposition === 'needs_approval') {
      view.needsApproval = true;
      if (voidsApprovals(outcome.reasons)) state.voidApprovals(isLate(outcome.reasons));
      await status.set('awaiting_approval', outcome.reasons);
      // Approvals exist but do not satisfy policy (e.g. four eyes): wait for another one.
      if (state.hasApproval) await condition(() => state.wake);
      continue;
    }
    // Paused: nothing is lost; ask the guard again later, or sooner when an operator says so (C-20).
    await status.set('paused', outcome.reasons);
    await condition(() => state.wake, `${opts.pauseRecheckSeconds ?? 60} seconds`);
  }

  async function publishOnce(): Promise<GuardedPublishOutcome> {
    const guardRecords = patched(PUBLISH_PATCHES.guardRecordsPublishing);
    if (guardRecords) status.show('publishing');
    else await status.set('publishing');
    const approvalIds = view.approvals.map((a) => a.approvalId);
    let via = guarded;
    let onRunner = false;
    if (patched(PUBLISH_PATCHES.browserLaneRouting)) {
      const route = await bookkeeping.routePublish(claim);
      if (route.kind === 'unavailable') return { kind: 'denied', reasons: route.reasons };
      if (route.kind === 'runner') [via, onRunner] = [guardedActivities(opts, route.taskQueue), true];
    }
    try {
      return await via.guardedPublish({
        ...claim,
        scheduledAt: view.scheduledAt,
        approvalIds,
        ...(guardRecords ? { recordPublishing: true } : {}),
      });
    } catch (err) {
      if (onRunner && notTakenInTime(err)) return { kind: 'denied', reasons: [RUNNER_GONE] };
      throw err;
    }
  }

  /** The guard has recorded `published` or `verified` with its proof; an unverified post is read back here. */
  async function confirm(
    outcome: Extract<GuardedPublishOutcome, { kind: 'published' }>,
  ): Promise<PublishWorkflowResult> {
    view.postId = outcome.postId;
    view.url = outcome.url;
    view.verified = outcome.verified;
    const done = (): PublishWorkflowResult => ({
      status: view.status,
      reasons: [],
      postId: outcome.postId,
      url: outcome.url,
    });
    if (outcome.verified) {
      status.show('verified');
      return done();
    }
    if (patched(PUBLISH_PATCHES.workflowRecordsVerified))
      status.show('published', [
        { code: 'verifying', message: 'the post was sent; reading it back from the platform' },
      ]);
    const attempts = opts.verifyAttempts ?? 3;
    for (let i = 0; i < attempts && !view.verified; i++) {
      await sleep(`${opts.verifyIntervalSeconds ?? 10} seconds`);
      view.verified = (await bookkeeping.verifyPublishedPost({ ...ctx, postId: outcome.postId })).verified;
    }
    if (view.verified) {
      // Before the patch the read-back activity recorded `verified` itself.
      if (patched(PUBLISH_PATCHES.workflowRecordsVerified)) await status.set('verified');
      else status.show('verified');
      return done();
    }
    // Unverifiable success is shown as unverified, never as success (C-24).
    await status.set('unverified', [
      { code: 'unverified', message: 'the post was sent but could not be read back from the platform' },
    ]);
    // Before the patch the final status was shown a second time; old histories hold that second upsert.
    if (!patched(PUBLISH_PATCHES.workflowRecordsVerified)) status.show('unverified', view.reasons);
    return done();
  }
}

function failureReason(err: unknown): Reason {
  const cause = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause : undefined;
  const code =
    cause?.type === FAILURE_TYPES.tenantRefused
      ? 'tenant_refused'
      : cause?.type === FAILURE_TYPES.ledgerTenantRefused
        ? 'tenant_refused_key'
        : cause?.type === FAILURE_TYPES.reconcileAmbiguous
          ? 'reconcile_ambiguous'
          : 'publish_failed';
  return { code, message: cause?.message ?? 'the publish attempt failed' };
}
