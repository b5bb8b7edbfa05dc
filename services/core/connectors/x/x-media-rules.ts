import type { MediaRules, PublishContent, PublishMedia } from '../connector.types';
import { X_MAX_WEIGHTED_LENGTH, xWeightedLength } from './x-text';

const MIB = 1024 * 1024;

/**
 * https://docs.x.com/x-api/media/introduction and https://docs.x.com/x-api/media/quickstart/best-practices: up to
 * 4 photos, or 1 animated GIF, or 1 video per post; images 5 MB, GIFs 15 MB, videos 512 MB and 0.5 to 140 s.
 */
export const X_LIMITS = {
  maxImages: 4,
  imageBytes: 5 * MIB,
  gifBytes: 15 * MIB,
  videoBytes: 512 * MIB,
  minVideoSeconds: 0.5,
  maxVideoSeconds: 140,
  imageTypes: ['image/png', 'image/jpeg', 'image/webp'],
  videoTypes: ['video/mp4'],
} as const;

/**
 * What schedule time checks. MediaRules has one image rule, so a GIF is held to the photo limit (5 MB, the
 * stricter figure) there; at publish time checkXContent allows X's own 15 MB for a GIF that is alone.
 */
export const X_MEDIA_RULES: MediaRules = {
  maxTextLength: X_MAX_WEIGHTED_LENGTH,
  textLength: xWeightedLength,
  requiresMedia: false,
  maxMediaCount: X_LIMITS.maxImages,
  mixedMedia: false,
  image: { contentTypes: [...X_LIMITS.imageTypes, 'image/gif'], maxBytes: X_LIMITS.imageBytes },
  video: {
    contentTypes: [...X_LIMITS.videoTypes],
    maxBytes: X_LIMITS.videoBytes,
    minDurationSeconds: X_LIMITS.minVideoSeconds,
    maxDurationSeconds: X_LIMITS.maxVideoSeconds,
  },
};

export type XMediaCategory = 'tweet_image' | 'tweet_gif' | 'tweet_video';

/** The media_category of the upload: it selects the limits X enforces and whether X processes the file. */
export function xMediaCategory(m: Pick<PublishMedia, 'kind' | 'contentType'>): XMediaCategory {
  if (m.kind === 'video') return 'tweet_video';
  return m.contentType === 'image/gif' ? 'tweet_gif' : 'tweet_image';
}

/**
 * Why X would refuse this post, in an operator's words (empty when it would not): checked before any upload, so
 * a post X cannot take costs no call and no money.
 */
export function checkXContent(content: PublishContent): string[] {
  const problems: string[] = [];
  const weighted = xWeightedLength(content.text);
  if (weighted > X_MAX_WEIGHTED_LENGTH)
    problems.push(
      `the text is ${weighted} characters as X counts them (links count 23); X takes ${X_MAX_WEIGHTED_LENGTH}`,
    );
  if (!content.text.trim() && content.media.length === 0) problems.push('X needs text or media');
  const single = content.media.filter((m) => xMediaCategory(m) !== 'tweet_image');
  if (single.length > 0 && content.media.length > 1)
    problems.push('X takes a video or a GIF only alone: one per post, without photos');
  if (content.media.length > X_LIMITS.maxImages) problems.push(`X takes at most ${X_LIMITS.maxImages} photos per post`);
  content.media.forEach((m, i) => problems.push(...mediaProblems(m, i + 1)));
  return problems;
}

function mediaProblems(m: PublishMedia, n: number): string[] {
  const mb = (bytes: number) => `${Math.round(bytes / MIB)} MB`;
  const category = xMediaCategory(m);
  if (category === 'tweet_gif')
    return m.size > X_LIMITS.gifBytes ? [`media ${n}: a GIF may be ${mb(X_LIMITS.gifBytes)} at most`] : [];
  if (category === 'tweet_image') {
    if (!(X_LIMITS.imageTypes as readonly string[]).includes(m.contentType))
      return [`media ${n}: X takes PNG, JPEG, WEBP or GIF images`];
    return m.size > X_LIMITS.imageBytes ? [`media ${n}: an image may be ${mb(X_LIMITS.imageBytes)} at most`] : [];
  }
  const out: string[] = [];
  if (!(X_LIMITS.videoTypes as readonly string[]).includes(m.contentType)) out.push(`media ${n}: X takes MP4 videos`);
  if (m.size > X_LIMITS.videoBytes) out.push(`media ${n}: a video may be ${mb(X_LIMITS.videoBytes)} at most`);
  const d = m.durationSeconds;
  if (d !== undefined && (d < X_LIMITS.minVideoSeconds || d > X_LIMITS.maxVideoSeconds))
    out.push(`media ${n}: a video must last ${X_LIMITS.minVideoSeconds} to ${X_LIMITS.maxVideoSeconds} seconds`);
  return out;
}
