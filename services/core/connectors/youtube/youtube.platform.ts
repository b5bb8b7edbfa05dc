import type { PlatformDescriptor, PlatformSettings, PlatformTiming } from '../connector.types';
import { platformTiming } from '../platform-timing';
import { YOUTUBE_REQUEST_TIMEOUT_MS } from './youtube-http.config';
import { YOUTUBE_SCOPES, youtubeOAuth } from './youtube-oauth';
import { YOUTUBE_MEDIA_RULES } from './youtube-media-rules';
import { createYouTubeReader } from './youtube.reader';

export { YOUTUBE_DEFAULT_BASE_URL } from './youtube-http.config';

/**
 * The longest we allow YouTube between receiving the last byte of an upload and the video being listed in the
 * channel's uploads playlist (what reconciliation reads). YouTube documents no figure; the upload answer itself
 * carries the video, so this only covers a lost answer to a large final chunk.
 */
export const YOUTUBE_MAX_PROCESSING_SECONDS = 300;

function youtubeTiming(settings: PlatformSettings): PlatformTiming {
  return platformTiming(settings, {
    requestTimeoutMs: YOUTUBE_REQUEST_TIMEOUT_MS,
    maxProcessingSeconds: YOUTUBE_MAX_PROCESSING_SECONDS,
    marginSeconds: 15,
    // identity, the channel, reconcile pages (playlistItems + videos each), the session, a few chunks, the thumbnail
    maxCallsPerAttempt: 20,
    // Videos are few and large: a minute between two uploads of one channel is plenty.
    pacing: { minSpacingSeconds: 60, jitterSeconds: 30 },
  });
}

/** YouTube (Data API v3): a post is one video, its text the description, an optional image its thumbnail. */
export const youtubePlatform: PlatformDescriptor = {
  id: 'youtube',
  displayName: 'YouTube',
  capabilities: {
    text: true,
    // An image only as the video's thumbnail: YouTube has no image posts in the Data API.
    image: false,
    video: true,
    carousel: false,
    reply: false,
    dm: false,
    idempotencyKey: false,
    readBack: true,
    requestKeyEcho: false,
    mediaFromUrl: false,
  },
  // v3 carries no dated version and no announced retirement; features are deprecated one by one in the history.
  apiVersion: { version: 'v3', sunsetsAt: null, source: 'https://developers.google.com/youtube/v3/revision_history' },
  mediaRules: YOUTUBE_MEDIA_RULES,
  // Access tokens live an hour; refresh tokens do not rotate (and die after 7 days in a testing project).
  tokens: { refreshable: true, refreshLeadSeconds: 600, rotatesRefreshToken: false, checkEverySeconds: 6 * 3600 },
  scopes: YOUTUBE_SCOPES,
  timing: youtubeTiming,
  oauth: youtubeOAuth,
  createReader: (settings) => createYouTubeReader(settings),
};
