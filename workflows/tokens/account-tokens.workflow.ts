import { condition, continueAsNew, setHandler, workflowInfo } from '@temporalio/workflow';
import type {
  AccountTokensContext,
  AccountTokensInput,
  AccountTokensResult,
  TokenSchedule,
  TokenStepInput,
  TokenStepOutcome,
} from '../contracts/tokens.contract';
import { accountTokensQuery, reconnectedSignal, stopTokensSignal } from '../contracts/tokens.contract';
import { tokenBookkeeping, tokenPlatformCalls } from './account-tokens.proxies';
import { AccountTokensState } from './account-tokens.state';

/** After a step found nothing to do, wait at least this long before looking again (no hot loop on a clock skew). */
const PAUSE_AFTER_SKIP_MS = 30_000;

/**
 * One account's tokens, for as long as the account exists: ask the activity what is next (refresh, check, notice,
 * expire) and when, sleep until then on a durable timer, do it, repeat. A broken account waits for the `reconnected`
 * signal; `stop` (or the account gone) ends it. Only decisions live here: every time comes from the activity's
 * answer, every token stays in the activities.
 */
export async function accountTokensWorkflow(input: AccountTokensInput): Promise<AccountTokensResult> {
  const books = tokenBookkeeping();
  const platform = tokenPlatformCalls();
  const state = new AccountTokensState();
  setHandler(reconnectedSignal, state.onReconnected);
  setHandler(stopTokensSignal, state.onStop);
  setHandler(accountTokensQuery, () => state.view);
  const ctx: AccountTokensContext = {
    agencyId: input.agencyId,
    clientId: input.clientId,
    platformAccountId: input.platformAccountId,
    workflowId: workflowInfo().workflowId,
  };
  const ended = (why: AccountTokensResult['ended']): AccountTokensResult => ({
    ended: why,
    iterations: state.view.iterations,
  });
  const maxIterations = input.options?.maxIterations ?? 50;
  const backoffMs = (input.options?.failureBackoffSeconds ?? 300) * 1000;

  for (let i = 0; i < maxIterations; i++) {
    if (state.stopped) return ended('stopped');
    // A signal that arrives while the schedule is read still wakes the wait below.
    state.wake = false;
    const plan = await books.loadTokenSchedule(ctx);
    state.planned(plan);
    if (plan.step === 'stop') return ended('account_gone');
    if (plan.step === 'wait_reconnect') {
      await condition(state.woken);
      continue;
    }
    const untilDue = Date.parse(plan.at ?? '') - Date.now();
    if (untilDue > 0 && (await condition(state.woken, untilDue))) continue;
    let outcome: TokenStepOutcome;
    try {
      outcome = await runStep(plan.step, plan);
    } catch {
      // Every retry failed (platform down for hours, a permanent refusal): the old pair stays; look again later.
      await condition(state.woken, backoffMs);
      continue;
    }
    state.finished(outcome);
    if (outcome === 'skipped') await condition(state.woken, PAUSE_AFTER_SKIP_MS);
    if (workflowInfo().continueAsNewSuggested) break;
  }
  if (state.stopped) return ended('stopped');
  return continueAsNew<typeof accountTokensWorkflow>(input);

  function runStep(kind: TokenStepInput['step'], plan: TokenSchedule): Promise<TokenStepOutcome> {
    const step: TokenStepInput = { ...ctx, step: kind, ...(plan.signal ? { signal: plan.signal } : {}) };
    switch (kind) {
      case 'refresh':
        return platform.refreshAccountTokens(step);
      case 'check':
        return platform.checkAccountToken(step);
      case 'notice':
        return books.noticeReconsentDue(step);
      case 'expire':
        return books.expireAccountTokens(step);
    }
  }
}
