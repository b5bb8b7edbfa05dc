import { z } from 'zod';
import { aiCallScope, stepFields } from './ai-call-scope';
import { aiOutput } from './ai-result';
import { clientIdField } from './tool-client';
import { defineTool } from './tool-definition';

const words = z.array(z.string().max(100)).max(100);

/** A zod mirror of TextRequest (services/core/providers/provider.types.ts), bounded. */
const input = z.strictObject({
  clientId: clientIdField,
  ...stepFields,
  system: z.string().max(20_000).optional().describe('the instruction (summaries and references, not documents)'),
  prompt: z.string().min(1).max(50_000),
  model: z
    .string()
    .regex(/^[A-Za-z0-9._:/-]{1,100}$/)
    .optional()
    .describe("the model; the client's provider default when absent"),
  maxOutputTokens: z.number().int().min(1).max(32_000),
  temperature: z.number().min(0).max(2).optional(),
  hints: z
    .strictObject({
      format: z.string().max(50).optional(),
      pillar: z.string().max(200).optional(),
      platform: z.string().max(50).optional(),
      topic: z.string().max(500).optional(),
      brand: z
        .strictObject({
          name: z.string().max(200),
          voice: z.string().max(2000).optional(),
          hashtags: words.optional(),
          doWords: words.optional(),
          dontWords: words.optional(),
        })
        .optional(),
      revision: z
        .strictObject({ round: z.number().int().min(1).max(1000), note: z.string().min(1).max(1000) })
        .optional(),
    })
    .optional()
    .describe('structured hints for template renderers (the local provider); vendors ignore them'),
  responseSchema: z
    .strictObject({ name: z.string().min(1).max(100), schema: z.record(z.string(), z.unknown()) })
    .optional()
    .describe('the answer must be one JSON value matching this JSON Schema'),
});

/**
 * Text through the client's providers: the provider gateway resolves the key, checks the budget and the step's
 * contract, records usage and cost, and never logs prompts or outputs (C-11, C-13, C-51).
 */
export const textGenerateTool = defineTool(
  {
    name: 'text_generate',
    title: 'Generate text',
    description:
      "Generates text with the client's configured AI provider, under the client's budget and the step's limits. " +
      'Returns the text (long text as an artifact reference with a preview), the provider, model and usage; or, ' +
      'when the call cannot run now, a wait with its code (budget_exhausted, circuit_open, contract_exceeded, …).',
    class: 'generate',
    takesClient: true,
  },
  input,
  async (ctx, { clientId: _client, stepId, depth, ...req }) =>
    aiOutput('text', await ctx.deps.providers.text(aiCallScope(ctx, { stepId, depth }), req)),
);
