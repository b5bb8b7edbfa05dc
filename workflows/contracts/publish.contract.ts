import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RecordApprovalResult } from './publish-activities.contract';
import type { PostDecisionKind } from './vocabulary/post-decisions';
import type { PublishStatus } from './vocabulary/publish-status';
import type { Reason } from './vocabulary/reason-codes';

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

/** An approval of one version of the content, by one person; sent as the `approve` update (or the older signal). */
export interface ApproveArgs {
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
/**
 * What the API sends since `decision-references`: only the id of a decision it checked and recorded. The workflow
 * acts on the row its activity verified, never on a name in the message (C-21).
 */
export interface DecisionRef {
  decisionId: string;
}
/** The messages' payloads: a decision reference, or the pre-patch claims running workflows still hold. */
export type ApproveMessage = DecisionRef | ApproveArgs;
export type RejectMessage = DecisionRef | RejectSignalArgs;
export type RescheduleMessage = DecisionRef | RescheduleSignalArgs;
export type CancelMessage = DecisionRef | CancelSignalArgs;

export interface PublishStatusView {
  status: PublishStatus;
  reasons: Reason[];
  scheduledAt: string;
  needsApproval: boolean;
  approvals: { approvalId: string; approverId: string; assetChecksum: string }[];
  /** refused approve signals, which have nobody to answer to; a refused update answers its caller instead */
  refusedApprovals: { approverId: string; reason: string }[];
  /** decision references that did not verify (forged, foreign, wrong kind, role): they changed nothing */
  refusedDecisions: { decisionId: string | null; kind: PostDecisionKind; reason: string }[];
  postId?: string;
  url?: string;
  verified?: boolean;
}

export interface PublishWorkflowResult {
  status: PublishStatus;
  reasons: Reason[];
  postId?: string;
  url?: string;
}

/**
 * Approves the post and answers the caller: `{ accepted: false, reason }` when the approver may not approve it
 * (role, four eyes, content changed). Its validator refuses at once, before anything is written to history,
 * when the post does not wait for an approval (final, cancelled, rejected, publishing, approved). A repeated
 * approval by the same approver of the same content returns the first one (C-22).
 */
export const approveUpdate = defineUpdate<RecordApprovalResult, [ApproveMessage]>('approve');
/**
 * The pre-update way to approve: no answer, refusals land in the status view. Kept because running workflows
 * and recorded histories hold it; new callers use `approveUpdate`.
 */
export const approveSignal = defineSignal<[ApproveMessage]>('approve');
export const rejectSignal = defineSignal<[RejectMessage]>('reject');
export const rescheduleSignal = defineSignal<[RescheduleMessage]>('reschedule');
export const cancelSignal = defineSignal<[CancelMessage]>('cancel');
/** Ends a pause early (a kill switch released); the guard still decides. */
export const recheckSignal = defineSignal('recheck');
export const statusQuery = defineQuery<PublishStatusView>('status');

export const PUBLISH_WORKFLOW_TYPE = 'publishPostWorkflow';

/**
 * `patched()` ids of the publish workflow; each marks a change of its command sequence, so histories recorded
 * before it replay the old branch. Never rename or reuse one.
 */
export const PUBLISH_PATCHES = {
  /** the guard records `publishing` in its first transaction (`recordPublishing: true`), not a separate activity */
  guardRecordsPublishing: 'guard-records-publishing',
  /** a read-back only reads; the workflow records `verified` itself, and shows `published` while it reads back */
  workflowRecordsVerified: 'workflow-records-verified',
  /**
   * A post already due when the episode starts goes straight to the guard, which decides (and asks for approval)
   * itself: no separate preview activity, and no second upsert of the `scheduled` search attribute the start set.
   */
  dueStartSkipsPreview: 'due-start-skips-preview',
  /**
   * An input the guard refuses as not matching its stored job fails the run: nothing is recorded on a job the
   * input may only pretend to be (a doctored start), as the preview's refusal did before.
   */
  tenantRefusalFailsRun: 'tenant-refusal-fails-run',
  /**
   * Approve, reject, cancel and reschedule messages carry only a decision reference; an activity verifies the
   * recorded decision (job, client, kind, the actor's current role; for approve: four eyes and content) before the
   * workflow acts on it (C-21). Before it the messages named their actor and were taken at their word.
   */
  decisionReferences: 'decision-references',
  /**
   * Each attempt first asks where it runs (issue #17): an account on the browser or hybrid lane is published by the
   * browser runner holding its profile, on that runner's own task queue; the API lane stays on the publish workers.
   */
  browserLaneRouting: 'browser-lane-routing',
} as const;

/** Business-meaningful and tenant-embedding (C-05); ids only, never names or text. */
export function publishWorkflowId(clientId: string, jobId: string): string {
  return `publish-${clientId}-${jobId}`;
}
