import { proxyActivities } from '@temporalio/workflow';
import type { createSmokeActivities } from '../../activities/smoke/smoke.activities';
import type { SmokeInput } from '../contracts/smoke.contract';

const { greet } = proxyActivities<ReturnType<typeof createSmokeActivities>>({ startToCloseTimeout: '10 seconds' });

/** The smallest real episode: proves the worker, the bundle and the server talk to each other. */
export async function smokeWorkflow(input: SmokeInput): Promise<string> {
  return greet(input.name);
}
