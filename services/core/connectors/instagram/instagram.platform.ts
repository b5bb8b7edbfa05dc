import type { ApiVersionPin, PlatformDescriptor, PlatformSettings, PlatformTiming } from '../connector.types';
import { platformTiming } from '../platform-timing';
import { INSTAGRAM_REQUEST_TIMEOUT_MS } from './instagram-graph';
import { INSTAGRAM_MEDIA_RULES } from './instagram-media-rules';
import { INSTAGRAM_SCOPES, instagramOAuth } from './instagram-oauth';
import { createInstagramReader } from './instagram.reader';

export { INSTAGRAM_DEFAULT_BASE_URL } from './instagram-graph';

/**
 * The one place the Graph API version is pinned. Meta retires a version about two years after the next one ships;
 * v25.0 (February 2026) is available until 2028-07-29. The health centre warns well before.
 */
export const INSTAGRAM_API_VERSION: ApiVersionPin = {
  version: 'v25.0',
  sunsetsAt: '2028-07-29',
  source: 'https://developers.facebook.com/docs/graph-api/changelog/versions/',
};

/**
 * The longest we allow between a lost answer to `media_publish` and the post being listed on the account.
 * Publishing a FINISHED container is quick (the processing happened before, while we polled); Meta gives no
 * figure, so two minutes with room to spare.
 */
export const INSTAGRAM_MAX_PROCESSING_SECONDS = 120;

function instagramTiming(settings: PlatformSettings): PlatformTiming {
  return platformTiming(settings, {
    requestTimeoutMs: INSTAGRAM_REQUEST_TIMEOUT_MS,
    maxProcessingSeconds: INSTAGRAM_MAX_PROCESSING_SECONDS,
    marginSeconds: 30,
    // identity, the quota, up to ten children and the carousel, their status polls, the publish, the read-back
    maxCallsPerAttempt: 40,
    // A rolling quota of posts per day: spread them rather than spend it in a burst.
    pacing: { minSpacingSeconds: 60, jitterSeconds: 30 },
  });
}

/** Instagram (Graph API with Instagram Login): image, reel or carousel posts of a professional account. */
export const instagramPlatform: PlatformDescriptor = {
  id: 'instagram',
  displayName: 'Instagram',
  capabilities: {
    // Every post needs media: a caption alone is not a post.
    text: false,
    image: true,
    video: true,
    carousel: true,
    reply: false,
    dm: false,
    // No idempotency key; the writer's resume memory (the container id) plays that part.
    idempotencyKey: false,
    readBack: true,
    requestKeyEcho: false,
    mediaFromUrl: true,
  },
  apiVersion: INSTAGRAM_API_VERSION,
  mediaRules: INSTAGRAM_MEDIA_RULES,
  // Long-lived tokens live 60 days and refresh themselves (no refresh token) once at least 24 hours old.
  tokens: {
    refreshable: true,
    refreshLeadSeconds: 7 * 24 * 3600,
    minAgeSeconds: 24 * 3600,
    rotatesRefreshToken: false,
    checkEverySeconds: 6 * 3600,
  },
  scopes: INSTAGRAM_SCOPES,
  timing: instagramTiming,
  oauth: instagramOAuth,
  createReader: (settings) => createInstagramReader(settings, INSTAGRAM_API_VERSION.version),
};
