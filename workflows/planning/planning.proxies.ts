import { proxyActivities } from '@temporalio/workflow';
import type { createPlanningActivities } from '../../activities/planning/planning.activities';

export type PlanningActivities = ReturnType<typeof createPlanningActivities>;

/** Bookkeeping activities only touch our own database and are idempotent: retry them freely. */
export function planningBookkeeping(): PlanningActivities {
  return proxyActivities<PlanningActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
  });
}

/**
 * The planner step: one AI call per item through the ProviderGateway, which already retries a call with backoff and
 * a breaker and answers with a wait instead of throwing for budgets and outages. So a retry here only covers a lost
 * worker or database; it resumes where it stopped, since every drafted item is an event already (no item is planned
 * twice, no brief is paid for twice). It heartbeats per item, so a dead worker is noticed within a minute.
 */
export function planningDrafter(): PlanningActivities {
  return proxyActivities<PlanningActivities>({
    startToCloseTimeout: '15 minutes',
    heartbeatTimeout: '1 minute',
    retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 10 },
  });
}
