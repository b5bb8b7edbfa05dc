import type { ConnectorHttpConfig } from '../http/connector-http';
import type { PlatformSettings } from '../connector.types';

export const SANDBOX_REQUEST_TIMEOUT_MS = 15_000;

/** The sandbox's side of the shared HTTP layer: where it is, how long a call may take, which headers it wants. */
export function sandboxHttp(settings: PlatformSettings): ConnectorHttpConfig {
  return {
    platform: 'sandbox',
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs ?? SANDBOX_REQUEST_TIMEOUT_MS,
    requestIdHeader: 'x-request-id',
    // The API version we are written against; the sandbox ignores it, real platforms pin behaviour by it.
    versionHeaders: { 'x-api-version': '2026-01' },
  };
}
