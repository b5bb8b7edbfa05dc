import type { ApiVersionPin, PlatformSettings } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { sameOrigin } from '../http/connector-http';
import { mapLinkedInError, mapLinkedInOAuthError } from './linkedin-errors';

/** The REST and OpenID host; configuration points elsewhere only for the emulator. */
export const LINKEDIN_DEFAULT_BASE_URL = 'https://api.linkedin.com';
/** https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow: dialog and token host. */
export const LINKEDIN_OAUTH_BASE_URL = 'https://www.linkedin.com';
/**
 * Where LinkedIn's initializeUpload hands out upload URLs (`https://www.linkedin.com/dms-uploads/...`, Images and Videos
 * API pages). Media bytes and the bearer token go only to these origins, the API's own and settings.uploadBaseUrl.
 */
export const LINKEDIN_UPLOAD_ORIGIN = 'https://www.linkedin.com';

/** A video part is 4 MiB; over a slow link one PUT may take this long before we call it unknown. */
export const LINKEDIN_REQUEST_TIMEOUT_MS = 30_000;

/** LinkedIn answers its request id in this header (every REST answer carries it). */
const REQUEST_ID_HEADER = 'x-li-uuid';

/**
 * The REST API: `Linkedin-Version` (no default: a call without it is refused) and `X-Restli-Protocol-Version: 2.0.0`
 * on every call (https://learn.microsoft.com/en-us/linkedin/marketing/versioning;
 * https://learn.microsoft.com/en-us/linkedin/shared/api-guide/concepts/protocol-version).
 */
export function linkedinApiHttp(settings: PlatformSettings, version: ApiVersionPin): ConnectorHttpConfig {
  return {
    platform: 'linkedin',
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs ?? LINKEDIN_REQUEST_TIMEOUT_MS,
    requestIdHeader: REQUEST_ID_HEADER,
    versionHeaders: { 'linkedin-version': version.version, 'x-restli-protocol-version': '2.0.0' },
    mapError: (f) => mapLinkedInError(f),
  };
}

/** Whether a URL LinkedIn handed out may receive our bytes and bearer token. */
export function isLinkedInUploadUrl(url: string, settings: PlatformSettings): boolean {
  if (!url.startsWith('https://') && !url.startsWith('http://')) return false;
  const real = sameOrigin(settings.baseUrl, LINKEDIN_DEFAULT_BASE_URL);
  // Plain http only toward the emulator, which is not LinkedIn's host.
  if (real && !url.startsWith('https://')) return false;
  return sameOrigin(url, settings.baseUrl, settings.uploadBaseUrl, real ? LINKEDIN_UPLOAD_ORIGIN : undefined);
}

/**
 * Where OAuth lives. Against the real API, www.linkedin.com; against anything else (the emulator) the same paths on
 * the configured host, with `publicUrl` as the host a browser is sent to.
 */
export function linkedinOAuthEndpoints(settings: PlatformSettings): {
  authorizeUrl: string;
  http: ConnectorHttpConfig;
} {
  const real = sameOrigin(settings.baseUrl, LINKEDIN_DEFAULT_BASE_URL);
  const dialogHost = real ? LINKEDIN_OAUTH_BASE_URL : (settings.publicUrl ?? settings.baseUrl);
  return {
    authorizeUrl: new URL('/oauth/v2/authorization', dialogHost).toString(),
    http: {
      platform: 'linkedin',
      baseUrl: real ? LINKEDIN_OAUTH_BASE_URL : settings.baseUrl,
      timeoutMs: settings.timeoutMs ?? 15_000,
      mapError: mapLinkedInOAuthError,
    },
  };
}
