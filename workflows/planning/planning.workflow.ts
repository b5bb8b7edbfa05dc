import {
  allHandlersFinished,
  condition,
  ParentClosePolicy,
  setHandler,
  startChild,
  WorkflowIdReusePolicy,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { CreationItemInput } from '../contracts/creation.contract';
import { CREATION_ITEM_WORKFLOW_TYPE, creationItemWorkflowId } from '../contracts/creation.contract';
import type { PlannerWait, PlanningInput, PlanStatusView } from '../contracts/planning.contract';
import { decidePlanUpdate, planStatusQuery, resumePlanningSignal } from '../contracts/planning.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../contracts/search-attributes';
import { planningBookkeeping, planningDrafter } from './planning.proxies';
import { PlanningState } from './planning.state';

/** Waits only a human ends (C-51: nothing loops on a refusal or a spent contract). */
const PARKS: readonly PlannerWait['code'][] = ['contract_exceeded', 'refused', 'unauthorized', 'no_provider'];

/**
 * The planning episode: draft the plan's items (the planner AI step, in an activity that keeps everything in the
 * external memory), wait for an approval when the plan needs one, then start one creation episode per item on the
 * creation lane and end. Only ids, counts and reasons pass through here, so the history of a large plan stays small.
 */
export async function planningWorkflow(input: PlanningInput): Promise<PlanStatusView> {
  const view = await runEpisode(input);
  // A decision still being verified must answer its caller before the episode ends (safe-message-handlers).
  await condition(allHandlersFinished);
  return view;
}

async function runEpisode(input: PlanningInput): Promise<PlanStatusView> {
  const acts = planningBookkeeping();
  const drafter = planningDrafter();
  const workflowId = workflowInfo().workflowId;
  let planId = input.planId ?? '';
  const ctx = () => ({ agencyId: input.agencyId, clientId: input.clientId, planId, workflowId });
  const state = new PlanningState(input, (ref) => acts.verifyPlanDecision({ ...ctx(), decisionId: ref.decisionId }));
  const view = state.view;
  setHandler(planStatusQuery, () => view);
  setHandler(decidePlanUpdate, state.decide, { validator: state.validateDecision });
  setHandler(resumePlanningSignal, state.onResume);

  const opened = await acts.openPlan({
    agencyId: input.agencyId,
    clientId: input.clientId,
    planId: input.planId,
    workflowId,
  });
  planId = opened.planId;
  state.opened(opened);

  let itemIds: string[] = [];
  for (;;) {
    state.show('drafting');
    const drafted = await drafter.draftPlan(ctx());
    if (drafted.ok) {
      itemIds = drafted.itemIds;
      break;
    }
    const wait = drafted.wait;
    const parks = PARKS.includes(wait.code);
    const reason = { code: wait.code, message: wait.message, ...(wait.retryAt ? { retryAt: wait.retryAt } : {}) };
    // A resume that arrives while the wait is being recorded still ends it.
    state.wake = false;
    state.show(parks ? 'parked' : 'waiting', [reason]);
    await acts.recordPlanStatus({ ...ctx(), status: parks ? 'parked' : 'waiting', reason });
    if (parks) await condition(() => state.wake);
    else await condition(() => state.wake, untilRetry(wait.retryAt, input.options?.waitRecheckSeconds));
    await acts.recordPlanStatus({ ...ctx(), status: 'resumed' });
  }
  view.itemCount = itemIds.length;

  if (opened.requiresApproval) {
    state.show('awaiting_approval');
    await condition(() => state.decision !== undefined);
    if (state.decision!.kind === 'reject') {
      state.show('rejected', [{ code: 'rejected', message: 'the plan was rejected' }]);
      return view;
    }
  }
  state.show('approved');

  const taskQueue = input.options?.creationTaskQueue ?? opened.creationTaskQueue;
  // All in one workflow task: the commands go out together, and each resolves once its child has started.
  await Promise.all(itemIds.map((itemId) => startCreation(itemId)));
  await acts.recordCreationStarted(ctx());
  state.show('creating');
  return view;

  async function startCreation(itemId: string): Promise<void> {
    const args: CreationItemInput = { agencyId: input.agencyId, clientId: input.clientId, planId, itemId };
    try {
      await startChild(CREATION_ITEM_WORKFLOW_TYPE, {
        workflowId: creationItemWorkflowId(input.clientId, itemId),
        taskQueue,
        args: [args],
        // The items outlive the plan's episode: review and scheduling take days, the planner is done in minutes.
        parentClosePolicy: ParentClosePolicy.ABANDON,
        // One creation per item, ever: a second start of the same item is refused by Temporal.
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        typedSearchAttributes: [
          { key: clientIdKey, value: input.clientId },
          { key: agencyIdKey, value: input.agencyId },
          { key: episodeKindKey, value: 'creation' },
        ],
      });
    } catch (err) {
      // Started by an earlier run of this plan (a reset or a retried Schedule action): it runs, which is the point.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
    view.childrenStarted += 1;
  }
}

/** Milliseconds until `retryAt`, at least a second; without one, the recheck interval (default an hour). */
function untilRetry(retryAt: string | undefined, recheckSeconds = 3600): number {
  const at = retryAt ? Date.parse(retryAt) : NaN;
  if (Number.isNaN(at)) return recheckSeconds * 1000;
  return Math.max(1000, at - Date.now());
}
