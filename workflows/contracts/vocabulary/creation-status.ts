/**
 * Where a plan item's creation episode stands (C-21, C-51). The workflow shows it in its status query; the review
 * queue lists the items a human must look at (`in_review`, `policy_blocked`, `parked`).
 */
export const CREATION_STATUSES = [
  /** the creator step is making the asset (text, image, clip) */
  'generating',
  /** the content policy is reading the asset */
  'checking',
  /** the content policy refused the asset: a human edits it, asks for changes or rejects it */
  'policy_blocked',
  /** waiting for a reviewer: approve, request changes, edit or reject */
  'in_review',
  /** a provider outage or an exhausted monthly budget: the episode sleeps until retryAt or a resume (C-51) */
  'waiting',
  /** only a human moves it on: contract exceeded, provider refusal, no key, or too many revision rounds */
  'parked',
  /** approved: one publish job per target account is being scheduled */
  'scheduling',
  'scheduled',
  'rejected',
] as const;
export type CreationStatus = (typeof CREATION_STATUSES)[number];

export const FINAL_CREATION_STATUSES: readonly CreationStatus[] = ['scheduled', 'rejected'];

/** The statuses in which an item waits for a human decision (what the review queue lists). */
export const REVIEWABLE_CREATION_STATUSES: readonly CreationStatus[] = ['in_review', 'policy_blocked', 'parked'];

export function isCreationStatus(s: string): s is CreationStatus {
  return (CREATION_STATUSES as readonly string[]).includes(s);
}

/**
 * What a reviewer (or an editor) may decide about an item; each is a `creation_decisions` row the API checked and
 * recorded, the workflow only receives its id (C-21). `edit` records a hand edit that already changed the asset.
 */
export const CREATION_DECISION_KINDS = ['approve', 'request_changes', 'reject', 'edit'] as const;
export type CreationDecisionKind = (typeof CREATION_DECISION_KINDS)[number];

/** The reason codes the content policy (policies/raize/content) gives; a spec keeps the Rego and this list equal. */
export const CONTENT_REASON_CODES = [
  'banned_term',
  'banned_claim',
  'dont_word',
  'text_too_long',
  'too_many_hashtags',
  'links_not_allowed',
  'empty_text',
  'invalid_input',
] as const;
export type ContentReasonCode = (typeof CONTENT_REASON_CODES)[number];

/** The reason codes the creation episode itself gives when it waits or parks. */
export const CREATION_WAIT_CODES = [
  'budget_exhausted',
  'circuit_open',
  /** waited on an outage longer than the maximum (activities/creation/outage-park.ts): parked; resume tries again */
  'provider_unavailable',
  'contract_exceeded',
  'refused',
  'unauthorized',
  'no_provider',
  'max_revisions',
] as const;
export type CreationWaitCode = (typeof CREATION_WAIT_CODES)[number];

/** Waits the episode sleeps through on its own (C-51); every other wait parks the item for a human. */
export function waitsByItself(code: string): boolean {
  return code === 'budget_exhausted' || code === 'circuit_open';
}
