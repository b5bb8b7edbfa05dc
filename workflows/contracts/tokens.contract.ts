import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { HealthSignal } from './vocabulary/health-signals';

/**
 * The token lifecycle of one platform account (issue #12): one long-lived workflow per account on the publish lane
 * refreshes its tokens before they expire, checks tokens that do not expire, and marks the account
 * `needs_reconnect` when the platform refuses them. Ids and times only: tokens never enter its history (C-13).
 */
export const ACCOUNT_TOKENS_WORKFLOW_TYPE = 'accountTokensWorkflow';

/** One per account; the account id is not PII and names the subject (C-05). */
export function accountTokensWorkflowId(platformAccountId: string): string {
  return `account-tokens:${platformAccountId}`;
}

export interface AccountTokensInput {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  options?: AccountTokensOptions;
}

export interface AccountTokensOptions {
  /** loop iterations before continue-as-new (default 50), so the history of a years-long account stays small */
  maxIterations?: number;
  /** how long to wait after a step failed every retry before trying again (default 300 s) */
  failureBackoffSeconds?: number;
}

/** The operator reconnected the account (new tokens, status connected): read the schedule again. */
export const reconnectedSignal = defineSignal('reconnected');
/** The account was disconnected: the workflow ends. */
export const stopTokensSignal = defineSignal('stop');

export interface AccountTokensView {
  step: TokenScheduleStep | null;
  /** ISO time the step is due */
  dueAt: string | null;
  lastOutcome: TokenStepOutcome | null;
  iterations: number;
}
export const accountTokensQuery = defineQuery<AccountTokensView>('accountTokens');

/** `patched()` ids of the token workflow; never rename or reuse one. */
export const ACCOUNT_TOKENS_PATCHES = {} as const;

// ---- activities' inputs and outputs (ids, times and signals only) ----

export interface AccountTokensContext {
  agencyId: string;
  clientId: string;
  platformAccountId: string;
  workflowId: string;
}

/**
 * What to do next: refresh / check / notice / expire at `at` (services/core/connectors/token-schedule.ts), wait for a
 * reconnect (the account needs one, or is quarantined), or stop (the account is gone or disconnected).
 */
export type TokenScheduleStep = 'refresh' | 'check' | 'notice' | 'expire' | 'wait_reconnect' | 'stop';

export interface TokenSchedule {
  step: TokenScheduleStep;
  /** ISO time; absent for wait_reconnect and stop */
  at?: string;
  signal?: HealthSignal;
}

export interface TokenStepInput extends AccountTokensContext {
  step: Exclude<TokenScheduleStep, 'wait_reconnect' | 'stop'>;
  signal?: HealthSignal;
}

/**
 * - done: refreshed, checked or noticed;
 * - skipped: nothing to do after all (another worker refreshed the pair meanwhile, the account changed);
 * - needs_reconnect: the platform refused the token; the account is marked and an operator alerted (once).
 */
export type TokenStepOutcome = 'done' | 'skipped' | 'needs_reconnect';

/** How a token workflow run ends (continue-as-new aside). */
export interface AccountTokensResult {
  ended: 'stopped' | 'account_gone';
  iterations: number;
}
