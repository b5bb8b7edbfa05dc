import { defineQuery } from '@temporalio/workflow';
import type { ReceiptCheckResult, ReceiptStatus } from './vocabulary/receipt-status';

/**
 * The receipt episode (issue #15, "receipts that stay true"): once a post is verified, it is read back from the
 * platform again later (about an hour and a day after, then weekly for a month) to show it is still live, unchanged
 * and by the same account. One episode per post, on the engagement lane (docs/receipts.md says why). Ids only in its
 * input and history (C-05, C-13): the post's text and the credential stay in the database and the secrets backend.
 */
export const RECEIPT_WORKFLOW_TYPE = 'receiptRecheckWorkflow';

/** One episode per post: starting it twice is a no-op (the start is refused as a duplicate and that is fine). */
export function receiptWorkflowId(clientId: string, jobId: string): string {
  return `receipt-${clientId}-${jobId}`;
}

/**
 * When the checks fall due, in seconds after the post was verified: +1 h, +1 d, then weekly for four weeks. The one
 * place the schedule is written; tests pass shorter offsets through `options`.
 */
export const RECEIPT_RECHECK_OFFSETS_SECONDS: readonly number[] = [
  3_600,
  86_400,
  7 * 86_400,
  14 * 86_400,
  21 * 86_400,
  28 * 86_400,
];

export interface ReceiptRecheckInput {
  agencyId: string;
  clientId: string;
  /** the publish job (the post) */
  jobId: string;
  /** ISO instant the post was verified; the offsets count from it (default: the episode's start) */
  verifiedAt?: string;
  options?: ReceiptRecheckOptions;
}

export interface ReceiptRecheckOptions {
  /** the schedule, in seconds after `verifiedAt` (default RECEIPT_RECHECK_OFFSETS_SECONDS) */
  offsetsSeconds?: number[];
  /** the read's retry: first interval (default 30 s) and attempts (default 10, about two hours in all) */
  retryInitialSeconds?: number;
  retryMaximumAttempts?: number;
}

export interface ReceiptRecheckResult {
  /** what the receipt says at the end: a broken receipt ends the episode at once; null when no check could be made */
  receipt: ReceiptStatus | null;
  checks: number;
}

export interface ReceiptCheckView {
  checkNo: number;
  result: ReceiptCheckResult;
  at: string;
}

export interface ReceiptRecheckView {
  receipt: ReceiptStatus | null;
  checks: ReceiptCheckView[];
  /** ISO instant of the next check; null once the episode is done */
  nextCheckAt: string | null;
}

export const receiptStatusQuery = defineQuery<ReceiptRecheckView>('receiptStatus');

/** `patched()` ids of the receipt workflow; never rename or reuse one. */
export const RECEIPT_PATCHES = {} as const;

// ---- activities' inputs and outputs (ids and results only) ----

export interface ReceiptCheckInput {
  agencyId: string;
  clientId: string;
  jobId: string;
  workflowId: string;
  /** 1-based position in the schedule: a check is recorded once per post and number, however often it is retried */
  checkNo: number;
}

export interface UncheckedReceiptInput extends ReceiptCheckInput {
  /** why the check could not be made, in an operator's words (no platform answer, no token) */
  reason: string;
}

export interface ReceiptCheckOutcome {
  result: ReceiptCheckResult;
  /** the post's receipt after this check */
  receipt: ReceiptStatus | null;
}
