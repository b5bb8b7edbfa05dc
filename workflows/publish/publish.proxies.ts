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
    // The guard heartbeats every 2 s while an attempt runs (call-context.ts). An attempt the worker no longer runs
    // (it died, or its SDK dropped the task: four of a 200-post burst sat "started" with no code running, bench/scale)
    // comes back in seconds instead of at the end of a start-to-close sized for slow uploads; the ledger's lease
    // still covers an attempt that is only slow, so the retry finds it instead of posting twice.
    heartbeatTimeout: '30 seconds',
    retry: {
      initialInterval: '2 seconds',
      backoffCoefficient: 2,
      maximumInterval: '5 minutes',
      maximumAttempts: 12,
      nonRetryableErrorTypes: [...NON_RETRYABLE_FAILURES],
    },
  });
}
