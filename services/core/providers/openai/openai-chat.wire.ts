import { z } from 'zod';

/**
 * The Chat Completions answer as OpenAI documents it (https://platform.openai.com/docs/api-reference/chat/object) and
 * OpenRouter mirrors it (https://openrouter.ai/docs/api-reference/overview): the fields Raize reads, the rest passes.
 * OpenRouter adds `error` on a choice that failed mid-generation and `usage.cost` in credits (US dollars).
 */
export const chatCompletionSchema = z.object({
  model: z.string(),
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullable(),
        message: z
          .object({ content: z.string().nullable().optional(), refusal: z.string().nullable().optional() })
          .passthrough()
          .optional(),
        error: z
          .object({ code: z.union([z.number(), z.string()]).optional() })
          .passthrough()
          .optional(),
      }),
    )
    .min(1),
  // Both vendors document usage on every non-streaming answer; without it a budget could not be charged.
  usage: z.object({
    prompt_tokens: z.number().int().nonnegative(),
    completion_tokens: z.number().int().nonnegative(),
    cost: z.number().nonnegative().optional(),
  }),
});
export type ChatCompletion = z.infer<typeof chatCompletionSchema>;

/** `{ error: { message, type, param, code } }` (https://platform.openai.com/docs/guides/error-codes) */
export const openAiErrorSchema = z.object({
  error: z.object({ code: z.string().nullish(), type: z.string().nullish() }).passthrough(),
});
