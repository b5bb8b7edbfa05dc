import { z } from 'zod';

/**
 * The parts of Gemini's generateContent wire format Raize reads, from the public reference
 * (https://ai.google.dev/api/generate-content). Unknown fields pass: Google adds fields often, and a new one must
 * not break a call that only needs text, an image and the token counts.
 */
const part = z.object({
  text: z.string().optional(),
  /** thinking models mark their reasoning parts; they are not the answer */
  thought: z.boolean().optional(),
  inlineData: z.object({ mimeType: z.string(), data: z.string() }).optional(),
});

const candidate = z.object({
  content: z.object({ parts: z.array(part).optional(), role: z.string().optional() }).optional(),
  finishReason: z.string().optional(),
  index: z.number().optional(),
});

export const generateContentAnswer = z.object({
  candidates: z.array(candidate).optional(),
  promptFeedback: z.object({ blockReason: z.string().optional() }).optional(),
  usageMetadata: z
    .object({
      promptTokenCount: z.number().int().nonnegative().optional(),
      candidatesTokenCount: z.number().int().nonnegative().optional(),
      thoughtsTokenCount: z.number().int().nonnegative().optional(),
      totalTokenCount: z.number().int().nonnegative().optional(),
    })
    .optional(),
  modelVersion: z.string().optional(),
});
export type GenerateContentAnswer = z.infer<typeof generateContentAnswer>;
export type GeminiCandidate = z.infer<typeof candidate>;

/** google.rpc.Status as the API wraps it: `{ error: { code, message, status, details[] } }`. */
export const googleErrorBody = z.object({
  error: z.object({
    code: z.number().optional(),
    message: z.string().optional(),
    status: z.string().optional(),
    details: z.array(z.record(z.string(), z.unknown())).optional(),
  }),
});
export type GoogleErrorBody = z.infer<typeof googleErrorBody>;

/**
 * Reasons Google documents for content it will not produce (FinishReason and BlockReason enums): these are refusals,
 * never retried. MAX_TOKENS is a length stop; OTHER and the rest are bad answers.
 */
export const GEMINI_REFUSAL_REASONS: ReadonlySet<string> = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);
