/**
 * What may be decided about a scheduled post; each decision is a row the workflow verifies (C-21). Operators
 * approve, reject, cancel and reschedule; a client reviewer approves, rejects, requests changes or holds
 * (CLIENT_DECISION_KINDS). A change request or a hold is not a message to the workflow: the guard reads the
 * client's latest decision before the post goes out.
 */
export const POST_DECISION_KINDS = ['approve', 'reject', 'cancel', 'reschedule', 'request_changes', 'hold'] as const;
export type PostDecisionKind = (typeof POST_DECISION_KINDS)[number];
