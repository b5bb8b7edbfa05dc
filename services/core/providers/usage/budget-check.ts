import type { PolicyEngine } from '../../policy/policy-engine';
import type { StepSpend } from '../ai-contract';
import type { AiStepContract, AiWait } from '../provider-gateway.port';

export const BUDGET_ENTRYPOINT = 'raize/creation/budget';

export interface BudgetCheckInput {
  budgetMicros: number;
  spentMicros: number;
  estimateMicros: number;
  estimateTokens: number;
  contract: AiStepContract;
  stepSpend: StepSpend;
  /** when an exhausted budget renews: the first instant of next month in the client's timezone */
  nextMonth: Date;
}

/** The policy could not decide (a bad input or a broken bundle): an error of ours, never a reason to spend. */
export class BudgetPolicyError extends Error {
  constructor(codes: string[]) {
    super(`the AI budget policy could not decide (${codes.join(', ')})`);
    this.name = 'BudgetPolicyError';
  }
}

/**
 * Asks OPA `raize/creation/budget` and answers null (go on) or the wait: a spent step contract first (only a human
 * unblocks it), then an exhausted month (renews on the 1st; without any budget set, only a human unblocks it).
 */
export function checkBudget(policy: PolicyEngine, b: BudgetCheckInput): AiWait | null {
  // NaN and Infinity do not survive the trip into the wasm as numbers: refuse them here, failing closed.
  const numbers = [
    b.budgetMicros,
    b.spentMicros,
    b.estimateMicros,
    b.estimateTokens,
    ...Object.values(b.contract as unknown as Record<string, number>),
    ...Object.values(b.stepSpend as unknown as Record<string, number>),
  ];
  if (!numbers.every((n) => Number.isFinite(n))) throw new BudgetPolicyError(['input_invalid']);
  const decision = policy.decideAt(BUDGET_ENTRYPOINT, {
    budget_micros: b.budgetMicros,
    spent_micros: b.spentMicros,
    estimate_micros: b.estimateMicros,
    estimate_tokens: b.estimateTokens,
    contract: {
      max_depth: b.contract.maxDepth,
      max_tool_calls: b.contract.maxToolCalls,
      max_tokens: b.contract.maxTokens,
      max_cost_micros: b.contract.maxCostMicros,
      max_wall_ms: b.contract.maxWallMs,
      max_revisions: b.contract.maxRevisions,
    },
    step_spend: b.stepSpend,
  });
  if (decision.allow) return null;
  // Anything but the two answers the policy exists for means it could not judge this call: an error, not a wait.
  const unknown = decision.reasons.filter((r) => r.code !== 'contract_exceeded' && r.code !== 'budget_exhausted');
  if (unknown.length) throw new BudgetPolicyError(unknown.map((r) => r.code));
  const of = (code: string) => decision.reasons.filter((r) => r.code === code).map((r) => r.message);
  const contract = of('contract_exceeded');
  if (contract.length) return { code: 'contract_exceeded', message: contract.join('; ') };
  const budget = of('budget_exhausted');
  if (budget.length) {
    if (b.budgetMicros === 0)
      return {
        code: 'budget_exhausted',
        message: 'no monthly AI budget is set for this client; an operator must set one',
      };
    return { code: 'budget_exhausted', message: budget.join('; '), retryAt: b.nextMonth.toISOString() };
  }
  throw new BudgetPolicyError(['no_reason']);
}
