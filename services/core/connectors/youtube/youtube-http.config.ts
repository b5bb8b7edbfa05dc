import type { PlatformSettings } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { mapGoogleTokenError, mapYouTubeError } from './youtube-errors';

/** The YouTube Data API's host; uploads go to the same host under /upload (settings.uploadBaseUrl overrides it). */
export const YOUTUBE_DEFAULT_BASE_URL = 'https://www.googleapis.com';
/** https://developers.google.com/identity/protocols/oauth2/web-server: the consent page and the token endpoint. */
export const GOOGLE_AUTHORIZE_URL = 'https://accounts.google.com/o/oauth2/v2/auth';
export const GOOGLE_OAUTH_BASE_URL = 'https://oauth2.googleapis.com';

/** Chunks of a large upload take longest: a call may take this long before we call it unknown. */
export const YOUTUBE_REQUEST_TIMEOUT_MS = 60_000;

export function youtubeApiHttp(settings: PlatformSettings): ConnectorHttpConfig {
  return {
    platform: 'youtube',
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs ?? YOUTUBE_REQUEST_TIMEOUT_MS,
    mapError: (f) => mapYouTubeError(f),
  };
}

export function youtubeUploadBase(settings: PlatformSettings): string {
  return settings.uploadBaseUrl ?? settings.baseUrl;
}

export function youtubeUploadHttp(settings: PlatformSettings): ConnectorHttpConfig {
  return { ...youtubeApiHttp(settings), baseUrl: youtubeUploadBase(settings) };
}

/**
 * Where Google's OAuth lives. Against the real API these are Google's own hosts; against anything else (the emulator,
 * a test proxy) the same paths on the configured host, with `publicUrl` as the host a browser is sent to.
 */
export function googleOAuthEndpoints(settings: PlatformSettings): { authorizeUrl: string; http: ConnectorHttpConfig } {
  const real = sameHost(settings.baseUrl, YOUTUBE_DEFAULT_BASE_URL);
  const authorizeUrl = real
    ? GOOGLE_AUTHORIZE_URL
    : new URL('/o/oauth2/v2/auth', settings.publicUrl ?? settings.baseUrl).toString();
  return {
    authorizeUrl,
    http: {
      platform: 'youtube',
      baseUrl: real ? GOOGLE_OAUTH_BASE_URL : settings.baseUrl,
      timeoutMs: settings.timeoutMs ?? 15_000,
      mapError: mapGoogleTokenError,
    },
  };
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
