import { ProviderError, type ProviderId } from '../provider.types';
import { backoffDelay, type RetryOptions } from './backoff';
import { CircuitBreakers } from './circuit-breaker';
import { withDeadline } from './timeout';

export interface ResilientCallInput<T> {
  provider: ProviderId;
  credentialRefId: string;
  timeoutMs: number;
  signal?: AbortSignal;
  /**
   * Whether a failure may be tried again. Reads (text, images, polls) may; starting a paid render may only when the
   * vendor said it did not take the job (429, or a 5xx answer): after a timeout it may have, and a second start
   * would render, and bill, twice (the incident class Postiz's orchestrator documents for publishing).
   */
  retryable?: (err: ProviderError) => boolean;
  call: (signal: AbortSignal) => Promise<T>;
}

export type ResilientOutcome<T> =
  | { ok: true; value: T; attempts: number }
  | { ok: false; error: ProviderError; attempts: number; breakerOpen?: { retryAt: number } };

/**
 * One provider call under a deadline, retried with exponential backoff and full jitter, honouring Retry-After, behind
 * the breaker of (provider, key). Never throws for a provider failure: the gateway turns the outcome into a result.
 */
export async function callWithResilience<T>(
  input: ResilientCallInput<T>,
  deps: { breakers: CircuitBreakers; retry: RetryOptions; now: () => number },
): Promise<ResilientOutcome<T>> {
  const key = CircuitBreakers.key(input.provider, input.credentialRefId);
  let last: ProviderError | undefined;
  for (let attempt = 1; attempt <= deps.retry.maxAttempts; attempt++) {
    const admission = deps.breakers.admit(key, deps.now());
    if (!admission.admitted) {
      return {
        ok: false,
        attempts: attempt - 1,
        breakerOpen: { retryAt: admission.retryAt },
        error:
          last ??
          new ProviderError(input.provider, 'circuit_open', 'the circuit breaker for this provider and key is open'),
      };
    }
    try {
      const value = await withDeadline(input.provider, input.timeoutMs, input.signal, input.call);
      deps.breakers.success(key);
      return { ok: true, value, attempts: attempt };
    } catch (err) {
      const error = asProviderError(input.provider, err);
      last = error;
      if (error.failure === 'unavailable') deps.breakers.failure(key, deps.now());
      // The vendor answered: the key is reachable, whatever it said.
      else if (error.failure !== 'circuit_open') deps.breakers.success(key);
      if (input.signal?.aborted) return { ok: false, error, attempts: attempt };
      const mayRetry = error.retryable && (input.retryable?.(error) ?? true);
      if (!mayRetry || attempt === deps.retry.maxAttempts) return { ok: false, error, attempts: attempt };
      const reopensAt = deps.breakers.reopensAt(key);
      if (reopensAt !== undefined) return { ok: false, error, attempts: attempt, breakerOpen: { retryAt: reopensAt } };
      await deps.retry.sleep(backoffDelay(attempt, deps.retry, error.details.retryAfterMs));
    }
  }
  // Unreachable: the loop returns on its last attempt.
  return { ok: false, error: last!, attempts: deps.retry.maxAttempts };
}

/** Anything an adapter throws becomes a ProviderError; an unexpected error is treated as an outage, without its text. */
export function asProviderError(provider: ProviderId, err: unknown): ProviderError {
  if (err instanceof ProviderError) return err;
  return new ProviderError(
    provider,
    'unavailable',
    `the ${provider} adapter failed unexpectedly (${(err as Error)?.name ?? 'Error'})`,
  );
}
