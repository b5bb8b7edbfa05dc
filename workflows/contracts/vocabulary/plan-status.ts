/**
 * The planning vocabulary, defined once (style: one word, one place): a plan's status, a plan item's status, and
 * the types of the events of the plan graph's external memory (`plan_events`). The planning episode appends the
 * plan.* and item.planned events; the creation episode appends the later item.* events through
 * PlanEventsRepository (services/core/plans/plan-events.repository.ts).
 */
import type { CreationStatus } from './creation-status';
import { CREATION_STATUSES } from './creation-status';

export const PLAN_STATUSES = [
  /** requested; the planner is drafting the items */
  'drafting',
  /** the planner waits for a budget or a provider (retryAt, or a `resume` signal) */
  'waiting',
  /** stopped for a human (contract exceeded, refused, unauthorized key): a `resume` signal retries */
  'parked',
  'awaiting_approval',
  'approved',
  'rejected',
  /** one creation episode per item has been started; the items carry on from here */
  'creating',
  'failed',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export function isPlanStatus(s: string): s is PlanStatus {
  return (PLAN_STATUSES as readonly string[]).includes(s);
}

/** Nothing more happens to the plan itself (its items may still be created, reviewed and scheduled). */
export function isFinalPlanStatus(s: PlanStatus): boolean {
  return s === 'rejected' || s === 'creating' || s === 'failed';
}

/**
 * A plan item's status: `planned` until its creation episode starts, then the creation episode's own status
 * (workflows/contracts/vocabulary/creation-status.ts), which it records through `item.status_changed` and the
 * other item.* events; `failed` when its episode could not run at all.
 */
export const PLAN_ITEM_STATUSES = ['planned', 'creating', ...CREATION_STATUSES, 'failed'] as const;
export type PlanItemStatus = 'planned' | 'creating' | CreationStatus | 'failed';

export function isPlanItemStatus(s: string): s is PlanItemStatus {
  return (PLAN_ITEM_STATUSES as readonly string[]).includes(s);
}

export const PLAN_EVENT_TYPES = [
  /** the plan's request (goals, range, targets, pillars, formats), by an operator or a recurring Schedule */
  'plan.requested',
  /** the planner could not go on (budget, provider, contract): waiting or parked, with the reason */
  'plan.waiting',
  'plan.parked',
  /** the planner goes on after a wait or a park */
  'plan.resumed',
  /** one drafted item: slot, target, format, pillar, brief */
  'item.planned',
  /** every item is drafted */
  'plan.drafted',
  /** an operator's approve/reject decision, recorded by the API; the workflow only receives this event's id */
  'plan.decision_recorded',
  /** a recorded decision the planning episode's activity verified (role, four eyes) */
  'plan.approved',
  'plan.rejected',
  'plan.failed',
  /** the item's creation episode was started */
  'item.creation_started',
  /** the creation episode's status of the item changed (waiting, policy_blocked, in_review, parked, ...) */
  'item.status_changed',
  'item.asset_generated',
  'item.reviewed',
  'item.scheduled',
] as const;
export type PlanEventType = (typeof PLAN_EVENT_TYPES)[number];

export function isPlanEventType(s: string): s is PlanEventType {
  return (PLAN_EVENT_TYPES as readonly string[]).includes(s);
}

/** Formats a plan item can take on a platform; an `avatar` item is a presenter clip, published as a video. */
export const PLAN_FORMATS = ['text', 'image', 'video', 'avatar'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** The decisions an operator takes on a plan. */
export const PLAN_DECISION_KINDS = ['approve', 'reject'] as const;
export type PlanDecisionKind = (typeof PLAN_DECISION_KINDS)[number];

/** A review decision on an item, as the `item.reviewed` event records it. */
export const ITEM_REVIEW_OUTCOMES = ['approved', 'changes_requested', 'rejected'] as const;
export type ItemReviewOutcome = (typeof ITEM_REVIEW_OUTCOMES)[number];
