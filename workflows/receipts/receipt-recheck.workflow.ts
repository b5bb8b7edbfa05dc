import { ActivityFailure, ApplicationFailure, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import type {
  ReceiptCheckInput,
  ReceiptRecheckInput,
  ReceiptRecheckResult,
  ReceiptRecheckView,
} from '../contracts/receipts.contract';
import { RECEIPT_RECHECK_OFFSETS_SECONDS, receiptStatusQuery } from '../contracts/receipts.contract';
import { FAILURE_TYPES } from '../contracts/vocabulary/failure-types';
import { isBrokenReceipt } from '../contracts/vocabulary/receipt-status';
import { receiptBookkeeping, receiptReads } from './receipt-recheck.proxies';

/**
 * Re-checks one verified post on its schedule: sleeps in Temporal until each check is due, reads the post back and
 * records what it found. A broken receipt (removed, edited, another author) ends the episode: the post is marked and
 * the alert raised once, and what happens next is an operator's call. A check that cannot be made is recorded as
 * `unchecked` and the schedule goes on.
 */
export async function receiptRecheckWorkflow(input: ReceiptRecheckInput): Promise<ReceiptRecheckResult> {
  const opts = input.options ?? {};
  const offsets = opts.offsetsSeconds ?? RECEIPT_RECHECK_OFFSETS_SECONDS;
  const reads = receiptReads(opts);
  const books = receiptBookkeeping();
  const { workflowId, startTime } = workflowInfo();
  const base = input.verifiedAt ? Date.parse(input.verifiedAt) : startTime.getTime();
  const view: ReceiptRecheckView = { receipt: null, checks: [], nextCheckAt: null };
  setHandler(receiptStatusQuery, () => view);

  for (let i = 0; i < offsets.length; i++) {
    const due = base + offsets[i]! * 1000;
    view.nextCheckAt = new Date(due).toISOString();
    // Workflow time is deterministic; a check overdue after an outage or a late start runs at once.
    if (due > Date.now()) await sleep(due - Date.now());
    const ref: ReceiptCheckInput = {
      agencyId: input.agencyId,
      clientId: input.clientId,
      jobId: input.jobId,
      workflowId,
      checkNo: i + 1,
    };
    let outcome;
    try {
      outcome = await reads.checkReceipt(ref);
    } catch (err) {
      const cause = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause : undefined;
      if (!cause) throw err;
      // The post is not this client's (or no longer exists): nothing to check, nothing to record.
      if (cause.type === FAILURE_TYPES.tenantRefused) break;
      outcome = await books.recordUncheckedReceipt({ ...ref, reason: uncheckedReason(cause.type) });
    }
    view.receipt = outcome.receipt;
    view.checks.push({ checkNo: ref.checkNo, result: outcome.result, at: new Date(Date.now()).toISOString() });
    if (isBrokenReceipt(outcome.result)) break;
  }
  view.nextCheckAt = null;
  return { receipt: view.receipt, checks: view.checks.length };
}

function uncheckedReason(type: string | undefined | null): string {
  if (type === FAILURE_TYPES.authError) return 'the platform refused the account’s token; reconnect the account';
  if (type === FAILURE_TYPES.permanent) return 'the platform refused to show the post to this account';
  return 'the platform did not answer through every retry';
}
