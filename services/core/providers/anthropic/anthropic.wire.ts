import { z } from 'zod';

/**
 * The parts of the Messages API answer Raize reads (https://docs.anthropic.com/en/api/messages). Unknown block
 * types (thinking) and fields pass through untouched: the API adds them over time.
 */
export const anthropicMessageSchema = z.object({
  type: z.literal('message'),
  model: z.string(),
  content: z.array(
    z
      .object({
        type: z.string(),
        text: z.string().optional(),
        /** tool_use blocks: the tool's name and the input the model wrote for it */
        name: z.string().optional(),
        input: z.unknown().optional(),
      })
      .passthrough(),
  ),
  stop_reason: z.string().nullable(),
  usage: z.object({ input_tokens: z.number().int().nonnegative(), output_tokens: z.number().int().nonnegative() }),
});
export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;

/** https://docs.anthropic.com/en/api/errors : `{type:'error', error:{type, message, details?}, request_id}` */
export const anthropicErrorSchema = z.object({
  type: z.literal('error'),
  error: z.object({
    type: z.string(),
    details: z.object({ error_code: z.string().optional() }).passthrough().nullish(),
  }),
});
