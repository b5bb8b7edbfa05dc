import type { ApiVersionPin, PlatformSettings } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { mapTikTokError } from './tiktok-errors';

export const TIKTOK_REQUEST_TIMEOUT_MS = 15_000;

/** TikTok's side of the shared HTTP layer. The version lives in the paths (`/v2/...`), not in a header. */
export function tiktokHttp(settings: PlatformSettings, pin: ApiVersionPin): ConnectorHttpConfig {
  return {
    platform: 'tiktok',
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs ?? TIKTOK_REQUEST_TIMEOUT_MS,
    // TikTok's request id ("log ID", which its support asks for) comes in this header and in error bodies.
    requestIdHeader: 'x-tt-logid',
    mapError: (failure) => mapTikTokError(failure, pin),
  };
}
