import type { MediaRules } from '../connector.types';

const MIB = 1024 * 1024;

/**
 * What Instagram takes, from the IG User Media reference (developers.facebook.com/docs/instagram-platform/
 * instagram-graph-api/reference/ig-user/media) and the content publishing page. Where pages disagree the stricter
 * figure wins: reels up to 300 MB (other pages say 1 GB), carousels of 10 (some say 20), JPEG only for images
 * (third-party pages list PNG too; the reference says JPEG).
 */
export const INSTAGRAM_MEDIA_RULES: MediaRules = {
  maxTextLength: 2200,
  requiresMedia: true,
  maxMediaCount: 10,
  // A carousel may mix images and videos.
  mixedMedia: true,
  // 2207004 names the limit: "less than 8 MiB". Feed images between 4:5 and 1.91:1.
  image: { contentTypes: ['image/jpeg'], maxBytes: 8 * MIB, minAspectRatio: 4 / 5, maxAspectRatio: 1.91 },
  video: {
    contentTypes: ['video/mp4', 'video/quicktime'],
    maxBytes: 300 * 1000 * 1000,
    minDurationSeconds: 3,
    maxDurationSeconds: 15 * 60,
  },
};
