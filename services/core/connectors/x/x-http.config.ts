import type { PlatformSettings } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { sameOrigin } from '../http/connector-http';
import { mapXError } from './x-errors';

/** The X API v2 host (https://docs.x.com/x-api/introduction); the token endpoint lives there too. */
export const X_DEFAULT_BASE_URL = 'https://api.x.com';
/** Where a browser consents (https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token). */
export const X_AUTHORIZE_URL = 'https://x.com/i/oauth2/authorize';
/** Where a post is shown to people; the API hands out no link, and this form needs no username. */
export const X_WEB_BASE_URL = 'https://x.com';

/**
 * One call's deadline. The largest body we send is one media chunk (X_CHUNK_BYTES); 15 s keeps the guard's
 * worst case (maxCallsPerAttempt × this) inside the publish activity's default start-to-close.
 */
export const X_REQUEST_TIMEOUT_MS = 15_000;

export function xHttp(settings: PlatformSettings): ConnectorHttpConfig {
  return {
    platform: 'x',
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs ?? X_REQUEST_TIMEOUT_MS,
    // X names each answer by this header; support asks for it.
    requestIdHeader: 'x-transaction-id',
    mapError: (f) => mapXError(f),
  };
}

/**
 * The consent page: X's own against the real API, the same path on the configured host otherwise (the emulator),
 * with `publicUrl` as the host a browser is sent to.
 */
export function xAuthorizeUrl(settings: PlatformSettings): string {
  if (sameOrigin(settings.baseUrl, X_DEFAULT_BASE_URL)) return X_AUTHORIZE_URL;
  return new URL('/i/oauth2/authorize', settings.publicUrl ?? settings.baseUrl).toString();
}
