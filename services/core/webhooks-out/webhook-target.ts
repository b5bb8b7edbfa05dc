import { checkFetchTarget, FetchBlockedError, type GuardedFetchOptions } from '../net/guarded-fetch';
import { InvalidWebhookInputError, WebhookTargetRefusedError } from './webhook.errors';

const MAX_URL_LENGTH = 2048;

/**
 * A webhook target is checked by the guarded fetcher when it is saved (scheme, credentials, every address it
 * resolves to: no private, loopback or metadata address, C-35) and again, pinned, at every delivery, so a name
 * that resolves elsewhere later (DNS rebinding) is refused then too. https only, unless the deployment's
 * RAIZE_FETCH_ALLOW_HTTP opens plain http (tests and development, with RAIZE_FETCH_ALLOW_PRIVATE=127.0.0.1/32
 * for a local receiver).
 */
export async function checkWebhookTarget(url: string, fetchOptions: GuardedFetchOptions): Promise<string> {
  const trimmed = url.trim();
  if (!trimmed || trimmed.length > MAX_URL_LENGTH)
    throw new InvalidWebhookInputError(`the webhook URL must be 1 to ${MAX_URL_LENGTH} characters`);
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new InvalidWebhookInputError('the webhook URL is not a valid URL');
  }
  if (parsed.hash) throw new InvalidWebhookInputError('the webhook URL may not carry a #fragment');
  try {
    await checkFetchTarget(parsed.href, { ...fetchOptions, timeoutMs: 5_000 });
  } catch (err) {
    if (err instanceof FetchBlockedError) throw new WebhookTargetRefusedError(err.reason);
    throw err;
  }
  return parsed.href;
}
