import { PolicyEngine } from '../../policy';
import { DEFAULT_AI_STEP_CONTRACT } from '../ai-contract';
import { BudgetPolicyError, checkBudget, type BudgetCheckInput } from './budget-check';

// The real compiled bundle (policies/build.sh): the host's input shape and the Rego rule must agree.
describe('the budget check against the compiled policy', () => {
  let policy: PolicyEngine;
  beforeAll(async () => {
    policy = await PolicyEngine.load();
  });
  const base: BudgetCheckInput = {
    budgetMicros: 1_000_000,
    spentMicros: 100_000,
    estimateMicros: 1_000,
    estimateTokens: 500,
    contract: { ...DEFAULT_AI_STEP_CONTRACT },
    stepSpend: { tokens: 0, cost_micros: 0, tool_calls: 0, depth: 0, elapsed_ms: 0 },
    nextMonth: new Date('2025-06-01T00:00:00Z'),
  };

  it('lets a call within budget and contract go on', () => {
    expect(checkBudget(policy, base)).toBeNull();
  });

  it('waits for next month when the budget is spent', () => {
    expect(checkBudget(policy, { ...base, spentMicros: 999_500 })).toEqual({
      code: 'budget_exhausted',
      message: 'the monthly AI budget is spent: 999500 of 1000000 micro-USD used, this call may cost 1000',
      retryAt: '2025-06-01T00:00:00.000Z',
    });
  });

  it('reports a spent contract first: only a human unblocks it', () => {
    const w = checkBudget(policy, { ...base, spentMicros: 2_000_000, stepSpend: { ...base.stepSpend, depth: 4 } });
    expect(w).toEqual({ code: 'contract_exceeded', message: "depth 4 is over the step's limit of 3" });
  });

  it('throws rather than spend when the policy cannot decide', () => {
    expect(() => checkBudget(policy, { ...base, budgetMicros: Number.NaN })).toThrow(BudgetPolicyError);
    expect(() => checkBudget(policy, { ...base, budgetMicros: -1 })).toThrow(/input_invalid/);
    const broken = PolicyEngine.fromEvaluator(() => {
      throw new Error('boom');
    });
    expect(() => checkBudget(broken, base)).toThrow(/engine_error/);
  });
});
