import { proxyActivities } from '@temporalio/workflow';
import type { ReceiptActivities } from '../../activities/receipts/receipt-check.activities';
import type { ReceiptRecheckOptions } from '../contracts/receipts.contract';
import { FAILURE_TYPES } from '../contracts/vocabulary/failure-types';

/**
 * The read of the post on the platform. Reads only, so retrying is always safe; the backoff is long because a check
 * is not urgent and a platform outage usually lasts minutes to hours: ten attempts from 30 s doubling to 30 min span
 * about two hours, after which the check is recorded as `unchecked` (never as removed) and the next one comes later.
 * A rate limit waits its own Retry-After (nextRetryDelay). A refused token or a permanent refusal stops at once:
 * no retry can fix those, and the account's health shows them.
 */
export function receiptReads(opts: ReceiptRecheckOptions): ReceiptActivities {
  return proxyActivities<ReceiptActivities>({
    startToCloseTimeout: '2 minutes',
    retry: {
      initialInterval: `${opts.retryInitialSeconds ?? 30} seconds`,
      backoffCoefficient: 2,
      maximumInterval: '30 minutes',
      maximumAttempts: opts.retryMaximumAttempts ?? 10,
      nonRetryableErrorTypes: [FAILURE_TYPES.tenantRefused, FAILURE_TYPES.authError, FAILURE_TYPES.permanent],
    },
  });
}

/** Writes to our own database only (the `unchecked` record): retried freely. */
export function receiptBookkeeping(): ReceiptActivities {
  return proxyActivities<ReceiptActivities>({
    startToCloseTimeout: '30 seconds',
    retry: {
      initialInterval: '1 second',
      backoffCoefficient: 2,
      maximumInterval: '1 minute',
      maximumAttempts: 20,
      nonRetryableErrorTypes: [FAILURE_TYPES.tenantRefused],
    },
  });
}
