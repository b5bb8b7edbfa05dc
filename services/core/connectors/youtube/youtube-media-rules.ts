import type { MediaRules, PublishMedia } from '../connector.types';
import { YOUTUBE_DESCRIPTION_MAX_BYTES } from './youtube-text';

/** thumbnails.set (https://developers.google.com/youtube/v3/docs/thumbnails/set): JPEG or PNG, at most 2 MB. */
export const THUMBNAIL_TYPES = ['image/jpeg', 'image/png'];
export const THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;

/** Why YouTube would refuse this image as a thumbnail, before spending 50 units to hear it; null when it fits. */
export function thumbnailProblem(image: PublishMedia): string | null {
  if (!THUMBNAIL_TYPES.includes(image.contentType))
    return `YouTube thumbnails are JPEG or PNG, not ${image.contentType}`;
  if (image.bytes.length > THUMBNAIL_MAX_BYTES) return 'YouTube thumbnails are at most 2 MB';
  return null;
}

/** What YouTube takes, checked at schedule time: one video, and optionally one image as its thumbnail. */
export const YOUTUBE_MEDIA_RULES: MediaRules = {
  // 5,000 bytes in truth; the writer refuses a multi-byte text that fits in characters but not in bytes.
  maxTextLength: YOUTUBE_DESCRIPTION_MAX_BYTES,
  requiresMedia: true,
  // the video, and optionally its thumbnail
  maxMediaCount: 2,
  mixedMedia: true,
  image: { contentTypes: THUMBNAIL_TYPES, maxBytes: THUMBNAIL_MAX_BYTES },
  video: {
    // https://developers.google.com/youtube/v3/docs/videos/insert accepts video/*; these are the formats
    // https://support.google.com/youtube/troubleshooter/2888402 lists.
    contentTypes: [
      'video/mp4',
      'video/quicktime',
      'video/webm',
      'video/x-msvideo',
      'video/mpeg',
      'video/3gpp',
      'video/x-flv',
      'video/x-ms-wmv',
    ],
    // 256 GB or 12 hours, whichever is less (videos/insert, "Maximum file size").
    maxBytes: 256 * 1024 ** 3,
    maxDurationSeconds: 12 * 3600,
  },
};
