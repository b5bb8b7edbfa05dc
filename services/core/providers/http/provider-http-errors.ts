import type { ProviderFailureClass, ProviderId } from '../provider.types';
import { ProviderError } from '../provider.types';
import { retryAfterMsFrom } from './rate-limit-headers';

/** A vendor's refinement of the generic mapping (refusals, quota codes); undefined keeps the generic class. */
export type ProviderClassifier = (status: number, body: unknown) => ProviderFailureClass | undefined;

/** The generic mapping of an HTTP status to a failure class (h4-common.md); vendors refine it with a classifier. */
export function failureOfStatus(status: number): ProviderFailureClass {
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'unauthorized';
  // 408 Request Timeout and 5xx (Anthropic's 529 overloaded included) pass on a later attempt.
  if (status === 408 || status >= 500) return 'unavailable';
  return 'bad_request';
}

/**
 * The vendor's machine-readable error code, when it is a short identifier: Anthropic `error.type`, OpenAI
 * `error.code`/`error.type`, OpenRouter's numeric `error.code`, Gemini `error.status`. Never the message: vendors
 * quote the request (and so the prompt) in it.
 */
export function vendorCodeOf(body: unknown): string | undefined {
  const error = isRecord(body) && isRecord(body.error) ? body.error : undefined;
  if (!error) return undefined;
  for (const candidate of [error.code, error.type, error.status]) {
    const s = typeof candidate === 'number' ? String(candidate) : candidate;
    if (typeof s === 'string' && /^[A-Za-z0-9_.-]{1,64}$/.test(s)) return s;
  }
  return undefined;
}

/** A non-2xx answer as a ProviderError; the message names the provider, the route shape, the status and the code. */
export function statusError(
  provider: ProviderId,
  route: string,
  status: number,
  headers: Headers,
  body: unknown,
  classify?: ProviderClassifier,
): ProviderError {
  const failure = classify?.(status, body) ?? failureOfStatus(status);
  const vendorCode = vendorCodeOf(body);
  const retryAfterMs = failure === 'rate_limited' || failure === 'unavailable' ? retryAfterMsFrom(headers) : undefined;
  const msg = `${provider} ${route} answered ${status}${vendorCode ? ` (${vendorCode})` : ''}`;
  return new ProviderError(provider, failure, msg, {
    status,
    ...(retryAfterMs !== undefined && { retryAfterMs }),
    ...(vendorCode && { vendorCode }),
  });
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
