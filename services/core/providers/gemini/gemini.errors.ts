import type { ProviderFailureClass } from '../provider.types';
import { googleErrorBody } from './gemini.wire';

const RETRY_INFO = 'type.googleapis.com/google.rpc.RetryInfo';
const ERROR_INFO = 'type.googleapis.com/google.rpc.ErrorInfo';
// google.protobuf.Duration in JSON: decimal seconds with an `s` suffix ("30s", "1.5s").
const DURATION = /^(\d+(?:\.\d+)?)s$/;

/**
 * Google answers a wrong key with 400 INVALID_ARGUMENT and `ErrorInfo.reason: API_KEY_INVALID`, not with 401
 * (https://ai.google.dev/gemini-api/docs/troubleshooting): as a bad request it would read as our bug, when it is
 * the operator's key to replace.
 */
export function classifyGeminiError(status: number, body: unknown): ProviderFailureClass | undefined {
  const parsed = googleErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const reasons = (parsed.data.error.details ?? []).filter((d) => d['@type'] === ERROR_INFO).map((d) => d.reason);
  if (status === 400 && (reasons.includes('API_KEY_INVALID') || reasons.includes('API_KEY_EXPIRED'))) {
    return 'unauthorized';
  }
  return undefined;
}

/** A 429's `RetryInfo.retryDelay` (Google sends it in the body, seldom a Retry-After header), in milliseconds. */
export function geminiRetryDelayMs(body: unknown): number | undefined {
  const parsed = googleErrorBody.safeParse(body);
  if (!parsed.success) return undefined;
  const info = (parsed.data.error.details ?? []).find((d) => d['@type'] === RETRY_INFO);
  const delay = typeof info?.retryDelay === 'string' ? DURATION.exec(info.retryDelay) : null;
  return delay ? Math.ceil(Number(delay[1]) * 1000) : undefined;
}
