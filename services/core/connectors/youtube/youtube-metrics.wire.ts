import { z } from 'zod';
import type { AccountMetrics, PostMetrics } from '../connector-metrics.types';
import { countSchema, sumKnown } from '../metrics-figures';

/**
 * YouTube Data API statistics (each read costs 1 quota unit):
 * - https://developers.google.com/youtube/v3/docs/videos#statistics (videos.list?part=statistics: viewCount,
 *   likeCount, commentCount as decimal strings; favoriteCount is deprecated and always 0; likeCount is left out when
 *   the owner hid it)
 * - https://developers.google.com/youtube/v3/docs/channels#statistics (channels.list?part=statistics&mine=true:
 *   subscriberCount, left out or meaningless while hiddenSubscriberCount is true)
 * The Data API has no reach, no shares and no per-day channel figures (those are in the YouTube Analytics API, which
 * needs a scope Raize does not ask for): null. Views are counted as impressions.
 */
export const youtubeChannelStatisticsSchema = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        statistics: z
          .object({
            viewCount: countSchema.optional(),
            subscriberCount: countSchema.optional(),
            hiddenSubscriberCount: z.boolean().optional(),
            videoCount: countSchema.optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});

export const youtubeVideoStatisticsSchema = z.object({
  items: z
    .array(
      z.object({
        id: z.string(),
        statistics: z
          .object({
            viewCount: countSchema.optional(),
            likeCount: countSchema.optional(),
            commentCount: countSchema.optional(),
          })
          .optional(),
      }),
    )
    .optional(),
});

export function toYouTubeAccountMetrics(a: z.infer<typeof youtubeChannelStatisticsSchema>): AccountMetrics {
  const s = a.items?.[0]?.statistics;
  const followers = s && !s.hiddenSubscriberCount ? (s.subscriberCount ?? null) : null;
  return { followers, reach: null, impressions: null, engagement: null };
}

/** null when the video is not in the answer (deleted, or private to another channel). */
export function toYouTubePostMetrics(a: z.infer<typeof youtubeVideoStatisticsSchema>, id: string): PostMetrics | null {
  const video = (a.items ?? []).find((v) => v.id === id);
  if (!video) return null;
  const s = video.statistics;
  const likes = s?.likeCount ?? null;
  const comments = s?.commentCount ?? null;
  return {
    reach: null,
    impressions: s?.viewCount ?? null,
    likes,
    comments,
    shares: null,
    engagement: sumKnown(likes, comments),
  };
}
