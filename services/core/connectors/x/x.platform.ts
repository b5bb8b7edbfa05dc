import type { PlatformDescriptor, PlatformSettings, PlatformTiming } from '../connector.types';
import { platformTiming } from '../platform-timing';
import { X_REQUEST_TIMEOUT_MS } from './x-http.config';
import { X_MEDIA_RULES } from './x-media-rules';
import { X_SCOPES, xOAuth } from './x-oauth';
import { createXReader } from './x.reader';

export { X_DEFAULT_BASE_URL } from './x-http.config';

/**
 * How long after a POST /2/tweets arrived X may still make the post appear: the write is synchronous (the answer
 * carries the post), and media are processed before it, so this only covers an answer lost in transit or a slow
 * X. X documents no figure; one minute is generous for a synchronous write.
 */
export const X_MAX_PROCESSING_SECONDS = 60;

function xTiming(settings: PlatformSettings): PlatformTiming {
  return platformTiming(settings, {
    requestTimeoutMs: X_REQUEST_TIMEOUT_MS,
    maxProcessingSeconds: X_MAX_PROCESSING_SECONDS,
    marginSeconds: 15,
    // identity, reconcile pages, an image's initialize/append/finalize, the post and its lookup, the read-back. A
    // long video's chunks and status polls go beyond: the resume memory carries them into the next attempt.
    maxCallsPerAttempt: 15,
    // Pay-per-use bills each post: spacing them costs nothing and keeps a burst from tripping the 24-hour limit.
    pacing: { minSpacingSeconds: 30, jitterSeconds: 15 },
  });
}

/** X (API v2): posts with up to 4 photos, or a GIF, or a video. */
export const xPlatform: PlatformDescriptor = {
  id: 'x',
  displayName: 'X',
  capabilities: {
    text: true,
    image: true,
    video: true,
    // Several photos in one post, not a swipeable carousel of mixed media.
    carousel: false,
    reply: false,
    dm: false,
    idempotencyKey: false,
    readBack: true,
    requestKeyEcho: false,
    mediaFromUrl: false,
  },
  // v2 has no dated versions and no announced retirement: the path's `2` is the version
  // (https://docs.x.com/x-api/introduction). A retired endpoint answers 410, which the connector reports as a sunset.
  apiVersion: { version: 'v2', sunsetsAt: null, source: 'https://docs.x.com/x-api/introduction' },
  mediaRules: X_MEDIA_RULES,
  // Access tokens live 2 hours; every refresh rotates the refresh token, so the pair is saved at once.
  tokens: { refreshable: true, refreshLeadSeconds: 15 * 60, rotatesRefreshToken: true, checkEverySeconds: 3600 },
  scopes: X_SCOPES,
  timing: xTiming,
  oauth: xOAuth,
  createReader: createXReader,
};
