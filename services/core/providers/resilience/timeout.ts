import { ProviderError, type ProviderId } from '../provider.types';

/**
 * Runs `fn` with an AbortSignal that fires at the deadline or when the caller cancels; the gateway stops waiting at
 * the deadline even if an adapter ignores the signal. A timeout is an outage (`unavailable`): it counts toward the
 * breaker and is retried.
 */
export async function withDeadline<T>(
  provider: ProviderId,
  timeoutMs: number,
  parent: AbortSignal | undefined,
  fn: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(parent?.reason);
  parent?.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      ctrl.abort(new Error('deadline'));
      reject(new ProviderError(provider, 'unavailable', `no answer within ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([fn(ctrl.signal), deadline]);
  } finally {
    clearTimeout(timer);
    parent?.removeEventListener('abort', onAbort);
  }
}
