import { proxyActivities } from '@temporalio/workflow';
import type { createBareActivities } from './bare.activities';

/** How many no-op activities a bare episode runs: the count a guarded autonomous episode executed. */
export interface BareEpisodeInput {
  activities: number;
}

export interface BareEpisodeResult {
  status: 'done';
  activities: number;
}

// Same timeouts and retry shape as the publish workflow's bookkeeping proxy, so only the work differs.
const { noop } = proxyActivities<ReturnType<typeof createBareActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 20 },
});

/** The baseline for the episode benchmark: the same number of sequential activities, doing nothing. */
export async function bareEpisodeWorkflow(input: BareEpisodeInput): Promise<BareEpisodeResult> {
  for (let i = 0; i < input.activities; i++) await noop({ step: i });
  return { status: 'done', activities: input.activities };
}
