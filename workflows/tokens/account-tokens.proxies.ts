import { proxyActivities } from '@temporalio/workflow';
import type { AccountTokensActivities } from '../../activities/tokens/account-tokens.activities';
import { FAILURE_TYPES } from '../contracts/vocabulary/failure-types';

/** Reads and writes of our own database, idempotent: retried freely. */
export function tokenBookkeeping(): AccountTokensActivities {
  return proxyActivities<AccountTokensActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
  });
}

/**
 * Calls to the platform (refresh, identity check). A platform that is down or rate-limits keeps the old pair, so
 * retrying is safe; the backoff is long because a refresh is due well before expiry (the lead), and a rate limit's
 * own delay (nextRetryDelay) wins. A refused grant is not an error here (the activity marks the account and answers
 * `needs_reconnect`); a permanent refusal stops the attempts and the workflow tries again after its backoff.
 */
export function tokenPlatformCalls(): AccountTokensActivities {
  return proxyActivities<AccountTokensActivities>({
    startToCloseTimeout: '2 minutes',
    retry: {
      initialInterval: '30 seconds',
      backoffCoefficient: 2,
      maximumInterval: '15 minutes',
      maximumAttempts: 8,
      nonRetryableErrorTypes: [FAILURE_TYPES.authError, FAILURE_TYPES.permanent, FAILURE_TYPES.tenantRefused],
    },
  });
}
