import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { DecisionRef } from './publish.contract';
import type { CreationDecisionKind, CreationStatus } from './vocabulary/creation-status';
import type { Reason } from './vocabulary/reason-codes';

/**
 * The creation episode's identity (ids only, C-05): one child workflow per plan item, on the creation lane. The
 * planning episode starts it; its messages and status view are defined beside it by the creation episode.
 */
export const CREATION_ITEM_WORKFLOW_TYPE = 'creationItemWorkflow';

export interface CreationItemInput {
  agencyId: string;
  clientId: string;
  planId: string;
  itemId: string;
  options?: CreationOptions;
}

export interface CreationOptions {
  /**
   * How long a wait without a `retryAt` (or one in the past) sleeps before the episode tries again; a `resume`
   * signal ends it sooner. Default 300 s.
   */
  waitRecheckSeconds?: number;
  /** the most a wait sleeps, whatever `retryAt` says (a month rollover is far away): default 6 h */
  maxWaitSeconds?: number;
}

/** Business-meaningful and stable: starting the same item twice is refused by Temporal (one creation per item). */
export function creationItemWorkflowId(clientId: string, itemId: string): string {
  return `create-${clientId}-${itemId}`;
}

/** The ids every creation activity needs; it runs in the scope of `clientId` (C-01, C-05). */
export interface CreationContext {
  agencyId: string;
  clientId: string;
  planId: string;
  itemId: string;
  workflowId: string;
}

/** What the episode learns before it starts: the client's revision budget (AiStepContract.maxRevisions). */
export interface PreparedItem {
  maxRevisions: number;
}

export interface GenerateItemInput extends CreationContext {
  /** 0 for the first asset, +1 for each "request changes" */
  round: number;
  /** the request_changes decision whose feedback the creator reads from the database; never the text itself */
  feedbackRef?: string;
}

/** Why the creator cannot go on now: the gateway's wait, as ids and a short message only. */
export interface CreationWait {
  code: string;
  message: string;
  retryAt?: string;
}

export type GenerateItemResult =
  { kind: 'generated'; assetId: string; checksum: string } | { kind: 'wait'; wait: CreationWait };

export interface CheckItemInput extends CreationContext {
  assetId: string;
}

/** The content policy's answer about the asset as it is now, with the checksum it read. */
export interface ContentCheckResult {
  allow: boolean;
  reasons: Reason[];
  checksum: string;
}

export interface VerifyCreationDecisionInput extends CreationContext {
  decisionId: string;
  /** the asset the episode is showing for review (the decision must be about it) */
  assetId: string | null;
}

/** The verified decision's facts (never the message's); the feedback stays in the row. */
export type VerifiedCreationDecision =
  | { valid: true; kind: CreationDecisionKind; actorId: string; assetChecksum?: string }
  | { valid: false; refusal: 'role' | 'four_eyes' | 'content_changed' | 'not_found'; reason: string };

export interface ScheduleApprovedInput extends CreationContext {
  /** the verified approve decision: its reviewer becomes the approval of every publish job (C-21) */
  decisionId: string;
  assetId: string;
  assetChecksum: string;
}

export interface ScheduledItem {
  jobIds: string[];
  /** publish workflows that refused the approval (already publishing, or the checks changed); they decide alone */
  approvalRefused: { jobId: string; reason: string }[];
  /** accounts the item could not be scheduled on (disconnected, removed, refused by the platform's rules) */
  accountRefused: { platformAccountId: string; code: string; reason: string }[];
}

export interface RecordItemStatusInput extends CreationContext {
  status: CreationStatus;
  reasons: Reason[];
  assetId?: string | null;
  round?: number;
  actorId?: string;
  /** the decision this status follows from: recorded as item.reviewed (or, for an edit, the new revision) */
  decision?: { decisionId: string; kind: CreationDecisionKind };
}

export interface CreationStatusView {
  status: CreationStatus;
  reasons: Reason[];
  round: number;
  maxRevisions: number;
  assetId: string | null;
  assetChecksum: string | null;
  /** the wait's end when it sleeps (`waiting`) */
  retryAt?: string;
  /** the approve decision that scheduled it */
  approvedBy?: string;
  jobIds: string[];
  /** decision references that did not verify or did not fit the item's state: they changed nothing */
  refusedDecisions: { decisionId: string; reason: string }[];
}

/** The reviewItem update's answer: taken, or refused with a reason safe to show the operator. */
export type ReviewItemResult =
  | { accepted: true; kind: CreationDecisionKind }
  | { accepted: false; refusal: 'role' | 'four_eyes' | 'content_changed' | 'not_found' | 'state'; reason: string };

export interface CreationItemResult {
  status: CreationStatus;
  reasons: Reason[];
  assetId: string | null;
  jobIds: string[];
}

/**
 * A reviewer's or editor's decision about the item, by reference only (C-21): approve, request_changes, reject or
 * edit. Its validator refuses at once what the item cannot take (not waiting for a human, another decision under
 * way, not a reference); the handler's activity verifies the row (item, client, kind, role, four eyes, checksum).
 */
export const reviewItemUpdate = defineUpdate<ReviewItemResult, [DecisionRef]>('reviewItem');
/** Ends a wait (provider outage, budget) or a provider park early: the episode tries the creator again (C-51). */
export const resumeSignal = defineSignal('resume');
export const creationStatusQuery = defineQuery<CreationStatusView>('creationStatus');

/** `patched()` ids of the creation workflow; never rename or reuse one. None yet. */
export const CREATION_PATCHES = {} as const;
