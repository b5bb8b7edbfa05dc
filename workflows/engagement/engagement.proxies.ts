import { proxyActivities } from '@temporalio/workflow';
import type { EngagementActivities } from '../contracts/engagement.contract';
import type { EngagementEffectActivities } from '../contracts/engagement-effects.contract';

/** Recording, routing and marking touch our own database (and the client's classifier): retry them freely. */
export function bookkeepingActivities(): EngagementActivities {
  return proxyActivities<EngagementActivities>({
    startToCloseTimeout: '1 minute',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
  });
}

/**
 * Side effects (reply, hide) run the kernel, whose idempotency ledger makes a retry ask the platform instead of
 * acting twice; few attempts, and an outcome the kernel could not decide comes back as `failed`, not as a throw.
 */
export function effectActivities(): EngagementEffectActivities {
  return proxyActivities<EngagementEffectActivities>({
    startToCloseTimeout: '2 minutes',
    // A cooldown answers with its own retry delay (seconds); other retryable failures back off to two minutes.
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '2 minutes', maximumAttempts: 12 },
  });
}
