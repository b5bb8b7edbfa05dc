import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CreationItemInput, CreationItemResult, CreationWait } from '../contracts/creation.contract';
import { creationStatusQuery, resumeSignal, reviewItemUpdate } from '../contracts/creation.contract';
import type { CreationStatus } from '../contracts/vocabulary/creation-status';
import { waitsByItself } from '../contracts/vocabulary/creation-status';
import type { Reason } from '../contracts/vocabulary/reason-codes';
import { bookkeepingActivities, creatorActivities, schedulingActivities } from './creation.proxies';
import type { AcceptedDecision } from './creation.state';
import { CreationEpisodeState } from './creation.state';

const DEFAULT_RECHECK_SECONDS = 300;
const DEFAULT_MAX_WAIT_SECONDS = 6 * 3600;

/**
 * One plan item: generate → content policy → human review → schedule one publish per account it goes out on. Only ids,
 * checksums and short reasons travel through this history; text, media and feedback stay in the database and the
 * artifact store.
 */
export async function creationItemWorkflow(input: CreationItemInput): Promise<CreationItemResult> {
  const result = await runEpisode(input);
  // A review update still verifying must answer its caller before the episode ends (safe-message-handlers).
  await condition(allHandlersFinished);
  return result;
}

type Phase = 'generate' | 'check' | 'review' | 'parked';

async function runEpisode(input: CreationItemInput): Promise<CreationItemResult> {
  const opts = input.options ?? {};
  const ctx = {
    agencyId: input.agencyId,
    clientId: input.clientId,
    planId: input.planId,
    itemId: input.itemId,
    workflowId: workflowInfo().workflowId,
  };
  const bookkeeping = bookkeepingActivities();
  const creator = creatorActivities();
  const scheduling = schedulingActivities();

  // Handlers first: the status is queryable from the first moment (the revision budget is filled in below).
  const state = new CreationEpisodeState(0, (decisionId, assetId) =>
    bookkeeping.verifyCreationDecision({ ...ctx, decisionId, assetId }),
  );
  const view = state.view;
  setHandler(creationStatusQuery, () => view);
  setHandler(reviewItemUpdate, state.review, { validator: state.validateReview });
  setHandler(resumeSignal, state.onResume);
  view.maxRevisions = (await bookkeeping.prepareCreationItem(ctx)).maxRevisions;

  /** the decision the next status follows from (recorded with it, once) */
  let acted: AcceptedDecision | undefined;

  async function setStatus(status: CreationStatus, reasons: Reason[] = []): Promise<void> {
    view.status = status;
    view.reasons = reasons;
    const d = acted;
    acted = undefined;
    await bookkeeping.recordItemStatus({
      ...ctx,
      status,
      reasons,
      assetId: view.assetId,
      round: view.round,
      ...(d ? { actorId: d.actorId, decision: { decisionId: d.decisionId, kind: d.kind } } : {}),
    });
  }

  /** Waits for a verified decision (or, where `resume` retries, a resume signal). */
  async function awaitHuman(): Promise<AcceptedDecision | 'resume'> {
    state.resumed = false;
    await condition(() => !!state.pending || (state.resumable && state.resumed && !state.deciding));
    const d = state.take();
    return d ?? 'resume';
  }

  /** Sleeps through an outage or an exhausted budget until retryAt, or a resume (C-51): nothing is lost. */
  async function waitItOut(wait: CreationWait): Promise<void> {
    view.retryAt = wait.retryAt;
    await setStatus('waiting', [{ code: wait.code, message: wait.message }]);
    const max = (opts.maxWaitSeconds ?? DEFAULT_MAX_WAIT_SECONDS) * 1000;
    const until = wait.retryAt ? Date.parse(wait.retryAt) - Date.now() : NaN;
    const ms = Number.isFinite(until)
      ? Math.min(Math.max(until, 1000), max)
      : (opts.waitRecheckSeconds ?? DEFAULT_RECHECK_SECONDS) * 1000;
    state.resumed = false;
    await condition(() => state.resumed, ms);
    view.retryAt = undefined;
  }

  let phase: Phase = 'generate';
  let feedbackRef: string | undefined;
  for (;;) {
    let decision: AcceptedDecision | 'resume';
    if (phase === 'generate') {
      await setStatus('generating');
      const r = await creator.generateItemAsset({ ...ctx, round: view.round, ...(feedbackRef ? { feedbackRef } : {}) });
      if (r.kind === 'generated') {
        view.assetId = r.assetId;
        view.assetChecksum = r.checksum;
        phase = 'check';
        continue;
      }
      if (waitsByItself(r.wait.code)) {
        await waitItOut(r.wait);
        continue;
      }
      // Contract exceeded, refused, no key: a human looks; `resume` tries again once they fixed the cause.
      state.resumable = true;
      await setStatus('parked', [{ code: r.wait.code, message: r.wait.message }]);
      decision = await awaitHuman();
      state.resumable = false;
      if (decision === 'resume') continue;
    } else if (phase === 'check') {
      await setStatus('checking');
      const c = await bookkeeping.checkItemContent({ ...ctx, assetId: view.assetId! });
      view.assetChecksum = c.checksum;
      if (c.allow) {
        phase = 'review';
        continue;
      }
      await setStatus('policy_blocked', c.reasons);
      decision = await awaitHuman();
    } else if (phase === 'review') {
      await setStatus('in_review');
      decision = await awaitHuman();
    } else {
      await setStatus('parked', [
        { code: 'max_revisions', message: `${view.maxRevisions} revision rounds used: edit it by hand or reject it` },
      ]);
      decision = await awaitHuman();
    }
    if (decision === 'resume') continue;

    acted = decision;
    switch (decision.kind) {
      case 'approve': {
        await setStatus('scheduling');
        const s = await scheduling.scheduleApprovedItem({
          ...ctx,
          decisionId: decision.decisionId,
          assetId: view.assetId!,
          assetChecksum: view.assetChecksum!,
        });
        view.jobIds = s.jobIds;
        view.approvedBy = decision.actorId;
        // A post that would not take the review as its approval waits in the approvals queue: say so here.
        // An account that could not take the post is said too; its siblings went out (`?? []`: results recorded
        // before cross-posts existed replay unchanged).
        await setStatus('scheduled', [
          ...s.approvalRefused.map((r) => ({ code: 'post_awaits_approval', message: r.reason })),
          ...(s.accountRefused ?? []).map((r) => ({ code: 'account_refused', message: r.reason })),
        ]);
        return result();
      }
      case 'reject':
        await setStatus('rejected', [{ code: 'rejected', message: 'rejected by a reviewer' }]);
        return result();
      case 'edit':
        // The API changed the asset and recorded the editor as an author (C-21); the policy reads it again.
        view.assetChecksum = decision.assetChecksum ?? view.assetChecksum;
        phase = 'check';
        continue;
      case 'request_changes':
        if (view.round >= view.maxRevisions) {
          // The feedback stays recorded; only an edit or a reject moves the item on now (the state refuses the rest).
          phase = 'parked';
          continue;
        }
        view.round += 1;
        feedbackRef = decision.decisionId;
        phase = 'generate';
        continue;
    }
  }

  function result(): CreationItemResult {
    return { status: view.status, reasons: view.reasons, assetId: view.assetId, jobIds: view.jobIds };
  }
}
