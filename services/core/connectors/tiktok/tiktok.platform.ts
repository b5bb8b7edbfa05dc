import { platformTiming } from '../platform-timing';
import type {
  ApiVersionPin,
  MediaRules,
  PlatformDescriptor,
  PlatformSettings,
  PlatformTiming,
} from '../connector.types';
import { TIKTOK_REQUEST_TIMEOUT_MS } from './tiktok-http.config';
import { tiktokOAuth } from './tiktok-oauth';
import { TIKTOK_SCOPES } from './tiktok-settings';
import { createTikTokReader } from './tiktok.reader';

/** The real API host; configuration points elsewhere only for the emulator. */
export const TIKTOK_DEFAULT_BASE_URL = 'https://open.tiktokapis.com';

/**
 * The one place the API version is pinned: TikTok versions its API in the path (`/v2/...`) and publishes no sunset
 * date for v2 (https://developers.tiktok.com/doc/tiktok-api-v2-introduction/). A retired version answers 410,
 * which the connector reports as `api_version_sunset`.
 */
export const TIKTOK_API_VERSION: ApiVersionPin = {
  version: 'v2',
  sunsetsAt: null,
  source: 'https://developers.tiktok.com/doc/tiktok-api-v2-introduction/',
};

/**
 * From the Content Posting API's pages (content-posting-api-reference-direct-post, media-transfer-guide): MP4, WebM
 * or MOV up to 4 GB and 10 minutes (each creator's own maximum, from creator_info, is checked at publish time);
 * a caption of up to 2,200 UTF-16 code units; one video per post. Photo posts (PULL_FROM_URL) are not wired yet.
 */
export const TIKTOK_MEDIA_RULES: MediaRules = {
  maxTextLength: 2200,
  requiresMedia: true,
  maxMediaCount: 1,
  mixedMedia: false,
  video: {
    contentTypes: ['video/mp4', 'video/quicktime', 'video/webm'],
    maxBytes: 4 * 1024 * 1024 * 1024,
    maxDurationSeconds: 600,
  },
};

/**
 * TikTok's status page: processing takes under half a minute for 512 MB and over two minutes for 4 GB, and moderation
 * of a public post usually a minute (hours at worst). A retry after an unknown outcome asks status/fetch with the
 * saved publish_id before anything else, so the settle time only guards the case where that id was never saved.
 */
export const TIKTOK_MAX_PROCESSING_SECONDS = 300;

function tiktokTiming(settings: PlatformSettings): PlatformTiming {
  return platformTiming(settings, {
    requestTimeoutMs: TIKTOK_REQUEST_TIMEOUT_MS,
    maxProcessingSeconds: TIKTOK_MAX_PROCESSING_SECONDS,
    marginSeconds: 30,
    // user/info, creator_info, init, a few chunks, a few status polls, video/query; the guard's identity and read-back
    maxCallsPerAttempt: 15,
    // Init allows 6 calls a minute per user token; a post every 15 s stays well under it with retries.
    pacing: { minSpacingSeconds: 15, jitterSeconds: 5 },
  });
}

export const tiktokPlatform: PlatformDescriptor = {
  id: 'tiktok',
  displayName: 'TikTok',
  capabilities: {
    text: false,
    image: false,
    video: true,
    carousel: false,
    reply: false,
    dm: false,
    idempotencyKey: false,
    // Public posts only: TikTok gives private posts and drafts no post id (the publish receipt stands for them).
    readBack: true,
    requestKeyEcho: false,
    mediaFromUrl: false,
  },
  apiVersion: TIKTOK_API_VERSION,
  mediaRules: TIKTOK_MEDIA_RULES,
  // Access tokens live 2 h (older pages: 24 h), refresh tokens 180 days (older: 365) and rotate: the answer's
  // expires_in / refresh_expires_in are what counts (https://developers.tiktok.com/doc/oauth-user-access-token-management).
  tokens: { refreshable: true, refreshLeadSeconds: 900, rotatesRefreshToken: true, checkEverySeconds: 3600 },
  // Why each scope: tiktok-settings.ts.
  scopes: TIKTOK_SCOPES,
  timing: tiktokTiming,
  oauth: (settings) => tiktokOAuth(settings, TIKTOK_API_VERSION),
  createReader: (settings) => createTikTokReader(settings, TIKTOK_API_VERSION),
};
