import { defineQuery, defineSignal } from '@temporalio/workflow';

/**
 * The engagement episode's identity (ids only, C-05): one long-lived workflow per connected account, on the
 * engagement lane. The ingest's drainer starts it with signal-with-start and sends it inbound events in batches,
 * by id: the text stays in Postgres (`inbound_events`), never in the history.
 */
export const ENGAGEMENT_WORKFLOW_TYPE = 'engagementAccountWorkflow';

export interface EngagementInput {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  /** inbound events received but not yet handled when the previous run continued as new */
  pending?: string[];
  /** the most recent inbound event ids handled, so a redelivered batch is not handled twice across runs */
  seen?: string[];
}

/** Business-meaningful and stable: one engagement episode per account, whoever starts it. */
export function engagementWorkflowId(clientId: string, platformAccountId: string): string {
  return `engage-${clientId}-${platformAccountId}`;
}

/** A batch of stored inbound events for this account (ids of `inbound_events` rows, oldest first). */
export interface InboundBatch {
  inboundEventIds: string[];
}

export const inboundBatchSignal = defineSignal<[InboundBatch]>('inboundBatch');

export interface EngagementStatusView {
  handled: number;
  pending: number;
  lastHandledAt?: string;
}

export const engagementStatusQuery = defineQuery<EngagementStatusView>('engagementStatus');
