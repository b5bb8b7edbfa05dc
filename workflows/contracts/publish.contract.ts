import { defineQuery, defineSignal } from '@temporalio/workflow';

export type PublishWorkflowStatus =
  | 'scheduled' | 'awaiting_approval' | 'approved' | 'paused' | 'publishing' | 'published' | 'verified'
  | 'unverified' | 'denied' | 'rejected' | 'cancelled' | 'failed' | 'quarantined';

export interface Reason {
  code: string;
  message: string;
}

/** Fixed at scheduling (C-05, C-23): ids only, no content, no secrets. */
export interface PublishWorkflowInput {
  jobId: string;
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  platform: string;
  assetId: string;
  assetChecksum: string;
  idempotencyKey: string;
  /** ISO instant of the slot; the client's timezone travels for display and quiet hours */
  scheduledAt: string;
  timezone: string;
  authorId: string;
  options?: PublishWorkflowOptions;
}

export interface PublishWorkflowOptions {
  /** how long a paused post waits before the guard is asked again (kill switch, quiet hours) */
  pauseRecheckSeconds?: number;
  /** start-to-close of the guarded publish activity; must exceed the connector's HTTP timeout */
  publishTimeoutSeconds?: number;
  verifyAttempts?: number;
  verifyIntervalSeconds?: number;
}

export interface ApproveSignalArgs {
  approverId: string;
  /** the checksum of the content the approver saw; an approval of other content is void */
  assetChecksum: string;
  note?: string;
}
export interface RejectSignalArgs {
  approverId: string;
  reason?: string;
}
export interface RescheduleSignalArgs {
  actorId: string;
  scheduledAt: string;
}
export interface CancelSignalArgs {
  actorId: string;
  reason?: string;
}

export interface PublishStatusView {
  status: PublishWorkflowStatus;
  reasons: Reason[];
  scheduledAt: string;
  needsApproval: boolean;
  approvals: { approvalId: string; approverId: string; assetChecksum: string }[];
  refusedApprovals: { approverId: string; reason: string }[];
  postId?: string;
  url?: string;
  verified?: boolean;
}

export interface PublishWorkflowResult {
  status: PublishWorkflowStatus;
  reasons: Reason[];
  postId?: string;
  url?: string;
}

export const approveSignal = defineSignal<[ApproveSignalArgs]>('approve');
export const rejectSignal = defineSignal<[RejectSignalArgs]>('reject');
export const rescheduleSignal = defineSignal<[RescheduleSignalArgs]>('reschedule');
export const cancelSignal = defineSignal<[CancelSignalArgs]>('cancel');
/** Ends a pause early (a kill switch released); the guard still decides. */
export const recheckSignal = defineSignal('recheck');
export const statusQuery = defineQuery<PublishStatusView>('status');

export const PUBLISH_WORKFLOW_TYPE = 'publishPostWorkflow';

/** Business-meaningful and tenant-embedding (C-05); ids only, never names or text. */
export function publishWorkflowId(clientId: string, jobId: string): string {
  return `publish-${clientId}-${jobId}`;
}
