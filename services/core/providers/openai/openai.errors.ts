import type { ProviderFailureClass } from '../provider.types';
import { openAiErrorSchema } from './openai-chat.wire';

/** The error codes OpenAI uses for its safety system (https://platform.openai.com/docs/guides/error-codes). */
const REFUSAL_CODES = new Set([
  // gpt-image-*: "Your request was rejected by the safety system"
  'moderation_blocked',
  // dall-e-*
  'content_policy_violation',
  // reasoning models: "Invalid prompt: your prompt was flagged as potentially violating our usage policy"
  'invalid_prompt',
]);

/**
 * Refinements of the generic status mapping: safety rejections (400) → `refused`; a 429 `insufficient_quota` is
 * the account's exhausted billing quota, not a rate limit: retrying cannot succeed until someone pays, so it parks
 * like a dead key (`unauthorized`).
 */
export function classifyOpenAi(status: number, body: unknown): ProviderFailureClass | undefined {
  const parsed = openAiErrorSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { code, type } = parsed.data.error;
  if (code && REFUSAL_CODES.has(code)) return 'refused';
  if (status === 429 && (code === 'insufficient_quota' || type === 'insufficient_quota')) return 'unauthorized';
  return undefined;
}
