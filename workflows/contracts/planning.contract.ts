import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { PlanStatus } from './vocabulary/plan-status';

/**
 * The planning episode's identity (ids only, C-05), on the planning lane: its input, messages, status view and
 * the activities' inputs and outputs. A plan's content (request, slots, briefs) lives in the external memory
 * (`plan_events`), never in this workflow's state or history: activities return ids and counts only.
 */
export const PLANNING_WORKFLOW_TYPE = 'planningWorkflow';

export interface PlanningInput {
  agencyId: string;
  clientId: string;
  /** the plan row the API created; absent when a recurring planning Schedule fires (the first activity creates it) */
  planId?: string;
  options?: PlanningWorkflowOptions;
}

export interface PlanningWorkflowOptions {
  /** the creation lane's task queue the items' child workflows run on (else the worker's configured one) */
  creationTaskQueue?: string;
  /** how long a wait without a `retryAt` sleeps before trying again (a `resume` signal ends it sooner) */
  waitRecheckSeconds?: number;
}

export function planningWorkflowId(clientId: string, planId: string): string {
  return `plan-${clientId}-${planId}`;
}

/** One recurring planning Schedule per client. */
export function planningScheduleId(clientId: string): string {
  return `planning-${clientId}`;
}

/** The workflow id a recurring Schedule's action names; Temporal appends each run's time to it. */
export function recurringPlanningWorkflowId(clientId: string): string {
  return `plan-${clientId}-recurring`;
}

/** A reference to a plan decision the API checked and recorded; the workflow acts only on what an activity verified. */
export interface PlanDecisionRef {
  decisionId: string;
}

export type PlanDecisionResult =
  | { accepted: true; kind: 'approve' | 'reject'; actorId: string }
  | { accepted: false; refusal: 'not_found' | 'role' | 'four_eyes' | 'not_awaiting'; reason: string };

export interface PlanStatusReason {
  code: string;
  message: string;
  retryAt?: string;
}

export interface PlanStatusView {
  planId: string | null;
  status: PlanStatus;
  reasons: PlanStatusReason[];
  requiresApproval: boolean;
  itemCount: number;
  /** creation episodes started so far */
  childrenStarted: number;
  decision?: { kind: 'approve' | 'reject'; actorId: string };
  /** decision references an activity did not verify: they changed nothing */
  refusedDecisions: { decisionId: string; reason: string }[];
}

/**
 * Approves or rejects the plan: `{ accepted: false, refusal, reason }` when the recorded decision does not stand
 * (role, four eyes: whoever asked for the plan cannot approve it). The validator refuses at once, before anything
 * reaches the history, when the plan is not waiting for a decision.
 */
export const decidePlanUpdate = defineUpdate<PlanDecisionResult, [PlanDecisionRef]>('decidePlan');
/** Ends a wait early, or retries a parked plan. */
export const resumePlanningSignal = defineSignal('resume');
export const planStatusQuery = defineQuery<PlanStatusView>('planStatus');

/** `patched()` ids of the planning workflow; never rename or reuse one. */
export const PLANNING_PATCHES = {} as const;

// ---- activities' inputs and outputs (ids, counts and reasons only) ----

export interface PlanContextInput {
  agencyId: string;
  clientId: string;
  planId: string;
  workflowId: string;
}

export interface OpenPlanInput {
  agencyId: string;
  clientId: string;
  planId?: string;
  workflowId: string;
}
export interface OpenPlanResult {
  planId: string;
  requiresApproval: boolean;
  status: PlanStatus;
  /** the worker's creation lane queue, when the input names none */
  creationTaskQueue: string;
}

/** Why the planner cannot go on (the ProviderGateway's AiWait, as the episode sees it). */
export interface PlannerWait {
  code: 'budget_exhausted' | 'circuit_open' | 'contract_exceeded' | 'refused' | 'unauthorized' | 'no_provider';
  message: string;
  retryAt?: string;
}

export type DraftPlanResult = { ok: true; itemIds: string[] } | { ok: false; wait: PlannerWait };

export interface RecordPlanStatusInput extends PlanContextInput {
  status: 'waiting' | 'parked' | 'resumed' | 'failed';
  reason?: PlanStatusReason;
}

export interface VerifyPlanDecisionInput extends PlanContextInput {
  decisionId: string;
}

/**
 * Records item.creation_started for every planned item once all their creation episodes were started (the ids come
 * from the plan's own rows, so nothing per item travels through the history).
 */
export type RecordCreationStartedInput = PlanContextInput;
