import { proxyActivities } from '@temporalio/workflow';
import type { createPublishActivities } from '../../activities/publish/publish.activities';
import type { PublishWorkflowOptions } from '../contracts/publish.contract';
import { FAILURE_TYPES, NON_RETRYABLE_FAILURES } from '../contracts/vocabulary/failure-types';

export type PublishActivities = ReturnType<typeof createPublishActivities>;

/** Bookkeeping activities only touch our own database: retry them freely. */
export function bookkeepingActivities(): PublishActivities {
  return proxyActivities<PublishActivities>({
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

/**
 * The one side effect. Retrying it is safe only because the guard's ledger and the platform's idempotency key
 * make a second attempt find the first post instead of making another (the Postiz double-post incident).
 */
export function guardedActivities(opts: PublishWorkflowOptions, taskQueue?: string): PublishActivities {
  return proxyActivities<PublishActivities>({
    // A browser runner's own queue (issue #17): the attempt runs where the account's profile is held.
    // A runner that died holds its queue's tasks forever: an attempt not taken within a minute comes back to the
    // workflow, which routes the next one to a live runner.
    ...(taskQueue ? { taskQueue, scheduleToStartTimeout: '1 minute' } : {}),
    startToCloseTimeout: `${opts.publishTimeoutSeconds ?? 60} seconds`,
    retry: {
      initialInterval: '2 seconds',
      backoffCoefficient: 2,
      maximumInterval: '5 minutes',
      maximumAttempts: 12,
      nonRetryableErrorTypes: [...NON_RETRYABLE_FAILURES],
    },
  });
}
