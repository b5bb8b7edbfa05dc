import { proxyActivities } from '@temporalio/workflow';
import type { createCreationActivities } from '../../activities/creation/creation.activities';

export type CreationActivities = ReturnType<typeof createCreationActivities>;

/**
 * Bookkeeping and decision checks only touch our own database: retry them freely. Provider failures are not
 * retried here: the gateway retries inside the activity and answers with a wait the episode sleeps through (C-51).
 */
export function bookkeepingActivities(): CreationActivities {
  return proxyActivities<CreationActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
  });
}

/**
 * The creator step: text, image and a short clip through the gateway, which has its own per-call timeouts and
 * retries; a whole step may take minutes (a video render is polled inside it). Few attempts: each one may spend
 * the client's budget, and the gateway turns outages into waits rather than throwing.
 */
export function creatorActivities(): CreationActivities {
  return proxyActivities<CreationActivities>({
    startToCloseTimeout: '10 minutes',
    // The step heartbeats every 10 s (generate.activities.ts): a worker that died is noticed in 30 s. The step's AI
    // contract counts wall time from its first call, so the wait for a dead worker counts too; at two minutes here
    // that wait alone used up the default contract, and the item parked for good (crash matrix, C-53).
    heartbeatTimeout: '30 seconds',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 3 },
  });
}

/**
 * Scheduling the approved item: writes jobs and starts publish workflows, each idempotent by the job's key (C-22),
 * so a retry finds the jobs of the first attempt instead of making more.
 */
export function schedulingActivities(): CreationActivities {
  return proxyActivities<CreationActivities>({
    startToCloseTimeout: '2 minutes',
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
  });
}
