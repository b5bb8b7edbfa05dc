import type { ApiVersionPin, PlatformDescriptor, PlatformSettings, PlatformTiming } from '../connector.types';
import { platformTiming } from '../platform-timing';
import { FACEBOOK_REQUEST_TIMEOUT_MS, FACEBOOK_UPLOAD_TIMEOUT_MS } from './facebook-graph';
import { FACEBOOK_MAX_PHOTOS } from './facebook-media-plan';
import { facebookOAuth } from './facebook-oauth';
import { FACEBOOK_SCOPES } from './facebook-permissions';
import { createFacebookReader } from './facebook.reader';

export { FACEBOOK_DEFAULT_BASE_URL, FACEBOOK_DIALOG_BASE_URL } from './facebook-graph';

/**
 * The one Graph API version this connector speaks. Meta's versions table ("Available Graph API versions",
 * https://developers.facebook.com/docs/graph-api/changelog) gives v25.0 (released 2026-02-18) until 2028-07-29;
 * v26.0 is newer but has no published end date yet, so it cannot be planned around.
 */
export const FACEBOOK_API_VERSION: ApiVersionPin = {
  version: 'v25.0',
  sunsetsAt: '2028-07-29',
  source: 'https://developers.facebook.com/docs/graph-api/changelog',
};

/**
 * How long Facebook may take before a write shows up. Text and photo posts exist when the answer comes; a video's
 * post appears only once Facebook has processed it, which its pages bound nowhere: 20 minutes is what we plan
 * with (the writer also finds an unprocessed upload through /{page-id}/videos, which /posts does not list).
 */
export const FACEBOOK_MAX_PROCESSING_SECONDS = 20 * 60;

function facebookTiming(settings: PlatformSettings): PlatformTiming {
  return platformTiming(settings, {
    requestTimeoutMs: FACEBOOK_REQUEST_TIMEOUT_MS,
    // An upload that timed out may still be applied and processed after our deadline; a margin covers clock skew.
    maxProcessingSeconds: FACEBOOK_MAX_PROCESSING_SECONDS,
    marginSeconds: 60,
    longestCallMs: FACEBOOK_UPLOAD_TIMEOUT_MS,
    // identity, reconcile pages, up to 10 photo uploads, the write, video polls are heartbeats within one call
    maxCallsPerAttempt: 24,
    // Meta documents no posting pace for Pages; spacing posts keeps them clear of its spam heuristics (code 368).
    pacing: { minSpacingSeconds: 60, jitterSeconds: 30 },
  });
}

/** Facebook Pages: everything Raize knows about it. Its writer is registered in ../writer-registry.ts only. */
export const facebookPlatform: PlatformDescriptor = {
  id: 'facebook',
  displayName: 'Facebook',
  capabilities: {
    text: true,
    image: true,
    video: true,
    carousel: true,
    reply: false,
    dm: false,
    idempotencyKey: false,
    readBack: true,
    requestKeyEcho: false,
    // Bytes go up as multipart `source`: a Page never depends on our artifact URL being reachable.
    mediaFromUrl: false,
  },
  apiVersion: FACEBOOK_API_VERSION,
  // https://developers.facebook.com/docs/graph-api/photo-uploads (JPEG, BMP, PNG, GIF, TIFF; PNG over 1 MB may look
  // pixelated, a recommendation only), the Stories page's photo spec (10 MB), the Video API error codes (1 KB min,
  // 1363023 "too large" at 2 GB for a non-resumable upload). Text: 63,206 characters per post.
  mediaRules: {
    maxTextLength: 63_206,
    requiresMedia: false,
    maxMediaCount: FACEBOOK_MAX_PHOTOS,
    mixedMedia: false,
    image: {
      contentTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/tiff'],
      maxBytes: 10 * 1024 * 1024,
    },
    video: {
      contentTypes: ['video/mp4', 'video/quicktime'],
      // The non-resumable upload's ceiling is 2 GB; we hold bytes in memory for one request, so 1 GB.
      maxBytes: 1024 * 1024 * 1024,
      maxDurationSeconds: 240 * 60,
    },
  },
  tokens: {
    refreshable: true,
    // The Page token does not expire; the user token behind it (60 days) is renewed a week before its end.
    refreshLeadSeconds: 7 * 24 * 3600,
    minAgeSeconds: 24 * 3600,
    rotatesRefreshToken: false,
    // A Page token dies on a password change, a role removal or de-authorisation: look twice a day.
    checkEverySeconds: 12 * 3600,
  },
  scopes: [...FACEBOOK_SCOPES],
  timing: facebookTiming,
  oauth: (settings) => facebookOAuth(settings, FACEBOOK_API_VERSION.version),
  createReader: (settings) => createFacebookReader(settings, FACEBOOK_API_VERSION.version),
};
