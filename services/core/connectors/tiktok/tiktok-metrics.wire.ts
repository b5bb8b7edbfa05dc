import { z } from 'zod';
import type { AccountMetrics, PostMetrics } from '../connector-metrics.types';
import { countSchema, sumKnown } from '../metrics-figures';

/**
 * TikTok's Display API counts:
 * - https://developers.tiktok.com/doc/tiktok-api-v2-video-query (POST /v2/video/query/?fields=…, the user's own videos)
 *   and https://developers.tiktok.com/doc/tiktok-api-v2-video-object (view_count, like_count, comment_count,
 *   share_count; video.list scope)
 * - https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info (GET /v2/user/info/?fields=follower_count; the
 *   user.info.stats scope, which a connection without it lacks: followers are then null)
 * TikTok gives no reach and no account figures per day: null. Views are counted as impressions.
 */
export const TIKTOK_METRIC_FIELDS = ['id', 'view_count', 'like_count', 'comment_count', 'share_count'] as const;

export const tiktokVideoCountsSchema = z.object({
  videos: z.array(
    z.object({
      id: z.string(),
      view_count: countSchema.optional(),
      like_count: countSchema.optional(),
      comment_count: countSchema.optional(),
      share_count: countSchema.optional(),
    }),
  ),
});

export const tiktokFollowersSchema = z.object({ user: z.object({ follower_count: countSchema.optional() }) });

export function toTikTokAccountMetrics(a: z.infer<typeof tiktokFollowersSchema> | null): AccountMetrics {
  return { followers: a?.user.follower_count ?? null, reach: null, impressions: null, engagement: null };
}

/** null when the answer does not list the video (private, a draft, deleted, or another creator's). */
export function toTikTokPostMetrics(a: z.infer<typeof tiktokVideoCountsSchema>, id: string): PostMetrics | null {
  const v = a.videos.find((x) => x.id === id);
  if (!v) return null;
  const likes = v.like_count ?? null;
  const comments = v.comment_count ?? null;
  const shares = v.share_count ?? null;
  return {
    reach: null,
    impressions: v.view_count ?? null,
    likes,
    comments,
    shares,
    engagement: sumKnown(likes, comments, shares),
  };
}
