/** What an operator may decide about a scheduled post; each decision is a row the workflow verifies (C-21). */
export const POST_DECISION_KINDS = ['approve', 'reject', 'cancel', 'reschedule'] as const;
export type PostDecisionKind = (typeof POST_DECISION_KINDS)[number];
