/**
 * The client's side of approvals (issue #14): which approvals a client's posts need, and what a client reviewer
 * may decide through a review link.
 *
 * - none: no approval stage of its own (the client's autonomy still applies)
 * - internal: an approval by the agency (an approver role)
 * - internal_then_client: the agency's approval, then the client's; the client stage opens once the agency approved
 *   the content as it is now, and an edit after either approval goes back to the first stage (approvals are of a
 *   checksum).
 */
export const APPROVAL_STAGES = ['none', 'internal', 'internal_then_client'] as const;
export type ApprovalStage = (typeof APPROVAL_STAGES)[number];

/** The role a client reviewer's approvals carry into the policy; never an operator role. */
export const CLIENT_REVIEWER_ROLE = 'ClientReviewer';

/** What a client reviewer may decide about a post waiting for them; nothing else (no cancel, no reschedule). */
export const CLIENT_DECISION_KINDS = ['approve', 'reject', 'request_changes', 'hold'] as const;
export type ClientDecisionKind = (typeof CLIENT_DECISION_KINDS)[number];

/** Where a post stands with its client, as the portal and the operator's post page show it. */
export const CLIENT_REVIEW_STATES = [
  'not_required',
  'waiting_internal',
  'waiting_client',
  'approved',
  'changes_requested',
  'on_hold',
  'rejected',
] as const;
export type ClientReviewState = (typeof CLIENT_REVIEW_STATES)[number];
