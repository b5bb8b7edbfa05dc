import type { ProviderFailureClass } from '../provider.types';
import { ProviderError } from '../provider.types';

/**
 * Kie.ai's documented answer codes (https://docs.kie.ai/veo3-api/generate-veo-3-video, "Response codes", and the
 * callback page): they arrive in the body's `code`, sometimes under HTTP 200, so the adapter reads the body, not
 * only the status.
 *   401 unauthorized · 402 insufficient credits · 404 not found · 422 validation error · 429 rate limited ·
 *   455 service unavailable (maintenance) · 500 server error · 501 generation failed · 505 feature disabled ·
 *   400 (callbacks, failed tasks) the prompt violates content policies or other input errors
 */
export function kieFailureOfCode(code: number, msg?: string | null): ProviderFailureClass {
  if (isPolicyMessage(msg)) return 'refused';
  if (code === 401 || code === 403) return 'unauthorized';
  // No credits is not a bug of ours and no retry helps: like a revoked key, an operator has to act on the account.
  if (code === 402) return 'unauthorized';
  if (code === 429) return 'rate_limited';
  if (code === 455 || code === 500 || code === 502 || code === 503 || code === 504) return 'unavailable';
  return 'bad_request';
}

/**
 * The content-policy messages Kie documents for code 400 and 422 ("Your prompt was flagged by Website as violating
 * content policies", "Public error: unsafe image upload", "Your request was rejected by Flow…"). Matched, never
 * copied into an error: messages may quote the request.
 */
const POLICY = /violat|content polic|flagged|unsafe|rejected by flow|prohibited|moderation|sensitive/i;
export function isPolicyMessage(msg: string | null | undefined): boolean {
  return typeof msg === 'string' && POLICY.test(msg);
}

/** An envelope whose `code` is not 200, as a ProviderError naming the route and the code (not the message). */
export function kieCodeError(
  route: string,
  code: number,
  msg: string | null | undefined,
  details: { status?: number; retryAfterMs?: number } = {},
): ProviderError {
  const failure = kieFailureOfCode(code, msg);
  const what = code === 402 ? 'the account has insufficient credits' : failure === 'refused' ? 'content policy' : '';
  return new ProviderError('kie', failure, `kie ${route} answered code ${code}${what ? ` (${what})` : ''}`, {
    ...details,
    vendorCode: String(code),
  });
}
