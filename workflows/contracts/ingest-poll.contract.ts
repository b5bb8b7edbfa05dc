/**
 * Polling ingest (issue #13): for platforms and objects without webhooks, a Temporal Schedule per account runs this
 * short workflow, whose one activity lists the comments since the account's cursor and stores them like a webhook
 * would (the same `inbound_events` rows, the comment id as delivery id). Ids only (C-05).
 */
export const INGEST_POLL_WORKFLOW_TYPE = 'ingestPollWorkflow';

export interface IngestPollInput {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
}

/** One Schedule per account; the id names the subject and carries no PII. */
export function ingestPollScheduleId(platformAccountId: string): string {
  return `ingest-poll-${platformAccountId}`;
}

export interface IngestPollResult {
  /** comments the platform listed since the cursor */
  seen: number;
  /** new rows (a comment that came by webhook first is seen but not stored again) */
  stored: number;
  /** why nothing was read: the account is not connected, or its platform has no comment poll */
  skipped?: 'account_not_live' | 'no_poll_source';
}
