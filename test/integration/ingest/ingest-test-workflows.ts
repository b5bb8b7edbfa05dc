// The workflow bundle of the ingest tests: a TEST-ONLY stand-in for the engagement episode (its own tests cover what it
// does with a batch). It records every batch of ids the drainer signals, duplicates included, so the tests can prove
// what reached it; and the real polling workflow.
import { condition, defineQuery, setHandler } from '@temporalio/workflow';
import type { EngagementInput } from '../../../workflows/contracts/engagement.contract';
import { inboundBatchSignal } from '../../../workflows/contracts/engagement.contract';
export { ingestPollWorkflow } from '../../../workflows/ingest-poll/ingest-poll.workflow';

export const receivedIdsQuery = defineQuery<string[]>('receivedIds');
export const startedWithQuery = defineQuery<EngagementInput>('startedWith');

/** TEST ONLY: stands in for `engagementAccountWorkflow` (workflows/contracts/engagement.contract.ts). */
export async function engagementAccountWorkflow(input: EngagementInput): Promise<void> {
  const ids: string[] = [];
  setHandler(inboundBatchSignal, (b) => void ids.push(...b.inboundEventIds));
  setHandler(receivedIdsQuery, () => ids);
  setHandler(startedWithQuery, () => input);
  await condition(() => false);
}
