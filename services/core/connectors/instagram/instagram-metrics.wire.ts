import { z } from 'zod';
import type { AccountMetrics, PostMetrics } from '../connector-metrics.types';
import { countSchema, sumKnown } from '../metrics-figures';

/**
 * Instagram insights (Instagram API with Instagram Login, graph.instagram.com):
 * - https://developers.facebook.com/documentation/instagram-platform/insights (instagram_business_basic and
 *   instagram_business_manage_insights)
 * - https://developers.facebook.com/documentation/instagram-platform/api-reference/instagram-user/insights/
 *   (GET /{ig-user-id}/insights?metric=reach,views,total_interactions&period=day&metric_type=total_value&since=&until=;
 *   each metric answers `total_value.value`; `impressions` was retired on 2025-04-21, `views` replaces it)
 * - https://developers.facebook.com/documentation/instagram-platform/reference/instagram-media/insights
 *   (GET /{ig-media-id}/insights?metric=reach,views,likes,comments,shares,saved,total_interactions; lifetime
 *   `values[0].value`; "if insights data … does not exist or is currently unavailable, the API returns an empty data set
 *   instead of 0": a metric missing from the answer is null here)
 * - `followers_count` of the IG user (https://developers.facebook.com/docs/instagram-platform/reference/instagram-user)
 */
export const IG_ACCOUNT_METRICS = ['reach', 'views', 'total_interactions'] as const;
export const IG_MEDIA_METRICS = [
  'reach',
  'views',
  'likes',
  'comments',
  'shares',
  'saved',
  'total_interactions',
] as const;

export const igFollowersSchema = z.object({ user_id: z.string().min(1), followers_count: countSchema.optional() });

export const igInsightsSchema = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      period: z.string().optional(),
      values: z.array(z.object({ value: countSchema.optional() })).optional(),
      total_value: z.object({ value: countSchema.optional() }).optional(),
    }),
  ),
});
export type IgInsights = z.infer<typeof igInsightsSchema>;

/** A metric's value (total_value for the account's day, the last of `values` for media); null when not answered. */
export function igFigure(insights: IgInsights | null, name: string): number | null {
  const row = insights?.data.find((d) => d.name === name);
  if (!row) return null;
  return row.total_value?.value ?? row.values?.[row.values.length - 1]?.value ?? null;
}

export function toInstagramAccountMetrics(
  me: z.infer<typeof igFollowersSchema>,
  day: IgInsights | null,
): AccountMetrics {
  return {
    followers: me.followers_count ?? null,
    reach: igFigure(day, 'reach'),
    impressions: igFigure(day, 'views'),
    engagement: igFigure(day, 'total_interactions'),
  };
}

export function toInstagramPostMetrics(insights: IgInsights | null): PostMetrics {
  const likes = igFigure(insights, 'likes');
  const comments = igFigure(insights, 'comments');
  const shares = igFigure(insights, 'shares');
  return {
    reach: igFigure(insights, 'reach'),
    impressions: igFigure(insights, 'views'),
    likes,
    comments,
    shares,
    engagement: igFigure(insights, 'total_interactions') ?? sumKnown(likes, comments, shares),
  };
}
