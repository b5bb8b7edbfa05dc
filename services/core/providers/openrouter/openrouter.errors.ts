import { failureOfStatus } from '../http/provider-http-errors';
import type { ProviderFailureClass } from '../provider.types';

/**
 * OpenRouter's error codes (https://openrouter.ai/docs/api-reference/errors), refined where the generic mapping
 * would mislead:
 * - 402 "insufficient credits": the account or key's credit limit is spent. A retry cannot succeed until someone
 *   tops it up, and the gateway must not hammer it or count it toward the breaker: it is treated like a revoked
 *   key (`unauthorized`), which parks the item and tells operators to act on the key.
 * - 403 "your chosen model requires moderation and your input was flagged": the moderation refusal → `refused`.
 * - 408 (its own upstream timeout), 502 (model down), 503 (no provider) → `unavailable` (the generic 5xx/408 rule).
 */
export function classifyOpenRouter(status: number, _body?: unknown): ProviderFailureClass | undefined {
  if (status === 402) return 'unauthorized';
  if (status === 403) return 'refused';
  return undefined;
}

/** A failure reported inside a 200 (mid-generation): its `code` is the HTTP-like status it would have had. */
export function classifyOpenRouterCode(code: number | string | undefined): ProviderFailureClass {
  const status = typeof code === 'number' ? code : Number(code);
  if (!Number.isInteger(status) || status < 400) return 'unavailable';
  return classifyOpenRouter(status) ?? failureOfStatus(status);
}
