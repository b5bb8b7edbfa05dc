import { z } from 'zod';
import { DEFAULT_RETRY_DELAYS_SECONDS } from './webhook-backoff';

export interface WebhookDispatcherOptions {
  /** how often the loop looks for new events and due deliveries when idle */
  pollMs: number;
  /** deliveries claimed per round */
  batch: number;
  /** per-attempt cap on the whole POST (lookup, connect, answer); Standard Webhooks suggests 15 s */
  attemptTimeoutMs: number;
  /** seconds between attempts; its length + 1 is the number of attempts before a delivery fails */
  retryDelaysSeconds: readonly number[];
  /** a subscription whose deliveries have failed without a success for this long is disabled, with an alert */
  disableAfterFailingMs: number;
}

export const DISPATCHER_DEFAULTS: WebhookDispatcherOptions = {
  pollMs: 1_000,
  batch: 50,
  attemptTimeoutMs: 15_000,
  retryDelaysSeconds: DEFAULT_RETRY_DELAYS_SECONDS,
  disableAfterFailingMs: 5 * 24 * 60 * 60 * 1000,
};

const envSchema = z.object({
  RAIZE_WEBHOOK_POLL_MS: z.coerce.number().int().min(50).max(60_000).optional(),
  RAIZE_WEBHOOK_ATTEMPT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).optional(),
  RAIZE_WEBHOOK_DISABLE_AFTER_DAYS: z.coerce.number().min(0.001).max(90).optional(),
});

/** The deployment's knobs (docs/webhooks.md); a bad value stops the worker at start-up rather than being ignored. */
export function dispatcherOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): WebhookDispatcherOptions {
  const e = envSchema.parse(env);
  return {
    ...DISPATCHER_DEFAULTS,
    pollMs: e.RAIZE_WEBHOOK_POLL_MS ?? DISPATCHER_DEFAULTS.pollMs,
    attemptTimeoutMs: e.RAIZE_WEBHOOK_ATTEMPT_TIMEOUT_MS ?? DISPATCHER_DEFAULTS.attemptTimeoutMs,
    disableAfterFailingMs: e.RAIZE_WEBHOOK_DISABLE_AFTER_DAYS
      ? e.RAIZE_WEBHOOK_DISABLE_AFTER_DAYS * 24 * 60 * 60 * 1000
      : DISPATCHER_DEFAULTS.disableAfterFailingMs,
  };
}
