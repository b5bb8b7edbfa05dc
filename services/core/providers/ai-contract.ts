import { z } from 'zod';
import type { AiStepContract } from './provider-gateway.port';
import { PROVIDER_IDS, PROVIDER_KINDS, PROVIDER_KINDS_OF, type ProviderId, type ProviderKind } from './provider.types';

/** The limits every AI step runs under unless the client set its own (issue #11). */
export const DEFAULT_AI_STEP_CONTRACT: Readonly<AiStepContract> = Object.freeze({
  maxDepth: 3,
  maxToolCalls: 8,
  maxTokens: 60_000,
  maxCostMicros: 2_000_000,
  maxWallMs: 120_000,
  maxRevisions: 3,
});

/**
 * No monthly budget until an operator sets one: a paid provider spends nothing of a client's money by default. The
 * local provider costs nothing, so it runs regardless.
 */
export const DEFAULT_MONTHLY_BUDGET_MICROS = 0;

export const DEFAULT_PREFERRED: Readonly<Record<ProviderKind, ProviderId>> = Object.freeze({
  text: 'local',
  image: 'local',
  video: 'local',
  avatar: 'local',
});

const int = (max: number) => z.number().int().min(0).max(max);

/** Validates a contract from input or the database (a trust boundary either way). */
export const aiStepContractSchema = z
  .object({
    maxDepth: int(20),
    maxToolCalls: int(1_000),
    maxTokens: int(10_000_000),
    maxCostMicros: int(1_000_000_000_000),
    maxWallMs: int(24 * 3600 * 1000),
    maxRevisions: int(50),
  })
  .strict();

export const monthlyBudgetSchema = z.number().int().min(0).max(1_000_000_000_000_000);

/** A preferred provider per kind; each must offer that kind. */
export const preferredProvidersSchema = z.record(z.enum(PROVIDER_KINDS), z.enum(PROVIDER_IDS)).superRefine((v, ctx) => {
  for (const [kind, provider] of Object.entries(v)) {
    if (!PROVIDER_KINDS_OF[provider as ProviderId].includes(kind as ProviderKind))
      ctx.addIssue({ code: 'custom', message: `${provider} does not make ${kind}`, path: [kind] });
  }
});

/** What a step has used so far, as the budget policy reads it (snake_case: the policy's input). */
export interface StepSpend {
  tokens: number;
  cost_micros: number;
  tool_calls: number;
  depth: number;
  elapsed_ms: number;
}
