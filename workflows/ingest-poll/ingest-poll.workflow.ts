import { proxyActivities } from '@temporalio/workflow';
import type { IngestPollActivities } from '../../activities/ingest-poll/ingest-poll.activities';
import type { IngestPollInput, IngestPollResult } from '../contracts/ingest-poll.contract';

// Reading the platform and storing with ON CONFLICT DO NOTHING is idempotent: retried freely. A run that still
// fails waits for the next tick of its Schedule, which starts again from the same cursor.
const { pollAccountComments } = proxyActivities<IngestPollActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 3 },
});

/** One poll of one account, started by its Schedule. Stateless: the cursor lives in Postgres. */
export async function ingestPollWorkflow(input: IngestPollInput): Promise<IngestPollResult> {
  return pollAccountComments(input);
}
