import type { PostDecisionKind } from './vocabulary/post-decisions';
import type { PublishStatus } from './vocabulary/publish-status';
import type { Reason } from './vocabulary/reason-codes';

/**
 * What a guarded publish attempt came to; errors that should be retried are thrown instead. On `published` the
 * guard has already recorded the post's status (`verified`, or `published` while it is not read back yet) in the
 * same transaction as its proof.
 */
export type GuardedPublishOutcome =
  | { kind: 'published'; postId: string; url: string; verified: boolean; reconciled: boolean }
  | { kind: 'denied'; reasons: Reason[] }
  | { kind: 'fingerprint_mismatch'; reasons: Reason[] }
  | { kind: 'refused'; reasons: Reason[] };

export interface PublishContextInput {
  jobId: string;
  clientId: string;
  workflowId: string;
}

export interface PreparePublishResult {
  needsApproval: boolean;
  /** the reasons a human approval resolves (from the kernel's policy preview) */
  reasons: Reason[];
}

export interface RecordApprovalInput extends PublishContextInput {
  approverId: string;
  assetChecksum: string;
  note?: string;
}
/** Why an approval was refused: about who approves (role, four eyes), or about the post (content, job). */
/** stage: a client reviewer's decision about a post that does not wait for the client (issue #14) */
export type ApprovalRefusal = 'role' | 'four_eyes' | 'content_changed' | 'not_found' | 'stage';
export type RecordApprovalResult =
  | { accepted: true; approvalId: string; approverId?: string; assetChecksum?: string }
  | { accepted: false; refusal: ApprovalRefusal; reason: string };

/** A decision reference to verify: the activity loads the row by id AND this job AND this client (C-21). */
export interface DecisionRefInput extends PublishContextInput {
  decisionId: string;
  kind: PostDecisionKind;
}
/** What the workflow may act on: the verified row's facts, never the message's. */
export type VerifiedDecision =
  | { valid: true; actorId: string; note?: string; scheduledAt?: string }
  | { valid: false; refusal: ApprovalRefusal; reason: string };

export interface GuardedPublishInput extends PublishContextInput {
  agencyId: string;
  platformAccountId: string;
  assetId: string;
  assetChecksum: string;
  idempotencyKey: string;
  scheduledAt: string;
  approvalIds: string[];
  /**
   * Record the `publishing` status in the guard's first transaction instead of a separate status activity
   * (workflows patched with `guard-records-publishing`; older histories still call recordPublishStatus).
   */
  recordPublishing?: boolean;
}

/**
 * Where one guarded attempt runs: the publish workers (API lane), the browser runner that holds the account's
 * profile (its worker-specific task queue), or nowhere yet (no runner alive: the episode waits, paused).
 */
export type PublishRoute =
  { kind: 'worker' } | { kind: 'runner'; taskQueue: string } | { kind: 'unavailable'; reasons: Reason[] };

/** The workflow's whole claim, re-checked against the stored job before anything else (C-05). */
export type PreparePublishInput = Omit<GuardedPublishInput, 'approvalIds' | 'recordPublishing'>;

export interface RecordStatusInput extends PublishContextInput {
  status: PublishStatus;
  reasons: Reason[];
  actorId?: string;
  scheduledAt?: string;
}

export interface VerifyInput extends PublishContextInput {
  postId: string;
}

/** A later read-back; it only reads and returns its result: the workflow records the status. */
export interface VerifyResult {
  verified: boolean;
}
