import type { RetryPolicy } from '@temporalio/workflow';
import { proxyActivities } from '@temporalio/workflow';
import type { AnalyticsActivities } from '../../activities/analytics/analytics.activities';
import type { AnalyticsInput, AnalyticsResult } from '../contracts/analytics.contract';
import { ANALYTICS_POST_BATCH } from '../contracts/analytics.contract';

// Reads and upserts of the same day are idempotent, so every activity is retried freely. A rate limit answers with
// the platform's own wait (nextRetryDelay), which overrides the backoff below; a refused token is no failure (the
// activity marks the account and says `stopped`). A run that still fails waits for tomorrow's tick of its Schedule.
const retry: RetryPolicy = {
  initialInterval: '30 seconds',
  backoffCoefficient: 2,
  maximumInterval: '30 minutes',
  maximumAttempts: 8,
};
// One account read is a few calls, each with its connector's deadline (30 s at most).
const { planAnalytics, collectAccountMetrics } = proxyActivities<AnalyticsActivities>({
  startToCloseTimeout: '3 minutes',
  retry,
});
// A batch heartbeats after each post, so a stuck call is found in minutes, not at the batch's deadline.
const { collectPostMetrics } = proxyActivities<AnalyticsActivities>({
  startToCloseTimeout: '15 minutes',
  heartbeatTimeout: '2 minutes',
  retry,
});

/** One day's reading of one account and its recent posts, started by the account's Schedule. Stateless. */
export async function accountAnalyticsWorkflow(input: AnalyticsInput): Promise<AnalyticsResult> {
  const plan = await planAnalytics(input);
  const posts = { stored: 0, notGiven: 0, failed: 0 };
  if (plan.skipped) return { day: plan.day, skipped: plan.skipped, posts };
  const base = { ...input, day: plan.day };
  const account = await collectAccountMetrics(base);
  if (account.stopped) return { day: plan.day, stopped: account.stopped, account: account.account, posts };
  for (let i = 0; i < plan.posts.length; i += ANALYTICS_POST_BATCH) {
    const r = await collectPostMetrics({ ...base, posts: plan.posts.slice(i, i + ANALYTICS_POST_BATCH) });
    posts.stored += r.stored;
    posts.notGiven += r.notGiven;
    posts.failed += r.failed;
    if (r.stopped) return { day: plan.day, stopped: r.stopped, account: account.account, posts };
  }
  return { day: plan.day, account: account.account, posts };
}
