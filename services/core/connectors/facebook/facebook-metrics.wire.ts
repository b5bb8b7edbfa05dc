import { z } from 'zod';
import type { AccountMetrics, PostMetrics } from '../connector-metrics.types';
import { countSchema, sumKnown } from '../metrics-figures';

/**
 * Page and Page-post insights as the Graph API answers them:
 * - https://developers.facebook.com/documentation/pages-api/platforminsights/page (GET /{page-id}/insights?metric=…
 *   &period=day&since=&until=; `data[]` of `{name, period, values: [{value, end_time}]}`; needs read_insights and
 *   pages_read_engagement with a Page token of a person who can perform the ANALYZE task)
 * - https://developers.facebook.com/docs/graph-api/reference/post/insights/ (GET /{post-id}/insights; lifetime values)
 * - https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics: impressions
 *   metrics were retired on 2025-11-15 for every version; views (`*_media_view`) and `*_total_media_view_unique`
 *   replace them, so those are what Raize asks for
 * - https://developers.facebook.com/docs/graph-api/reference/page/ (`followers_count`) and
 *   https://developers.facebook.com/docs/graph-api/reference/post/ (`shares`, `comments.summary(true)`)
 */
export const PAGE_DAY_METRICS = ['page_media_view', 'page_total_media_view_unique', 'page_post_engagements'] as const;
export const POST_METRICS = [
  'post_media_view',
  'post_total_media_view_unique',
  'post_reactions_by_type_total',
] as const;
/** `limit(0)`: the summary's count without the comments themselves. */
export const POST_COUNT_FIELDS = 'shares,comments.summary(true).limit(0)';

const insightValue = z.object({
  // A reaction breakdown is an object of counts; the rest are plain counts.
  value: z.union([countSchema, z.record(z.string(), countSchema)]).optional(),
  end_time: z.string().optional(),
});
export const graphInsightsSchema = z.object({
  data: z.array(z.object({ name: z.string(), period: z.string().optional(), values: z.array(insightValue) })),
});
export type GraphInsights = z.infer<typeof graphInsightsSchema>;

export const graphPageFollowersSchema = z.object({
  id: z.string().regex(/^\d+$/),
  followers_count: countSchema.optional(),
});

export const graphPostCountsSchema = z.object({
  id: z.string(),
  // Graph leaves `shares` out of a post nobody shared.
  shares: z.object({ count: countSchema }).optional(),
  comments: z.object({ summary: z.object({ total_count: countSchema }) }).optional(),
});

/** The newest value of a metric, summed when it is a breakdown; null when the answer does not carry the metric. */
export function insightFigure(insights: GraphInsights | null, name: string): number | null {
  const values = insights?.data.find((d) => d.name === name)?.values ?? [];
  const v = values[values.length - 1]?.value;
  if (v === undefined) return null;
  return typeof v === 'number' ? v : Object.values(v).reduce((a, b) => a + b, 0);
}

export function toFacebookAccountMetrics(
  page: z.infer<typeof graphPageFollowersSchema> | null,
  day: GraphInsights | null,
): AccountMetrics {
  return {
    followers: page?.followers_count ?? null,
    impressions: insightFigure(day, 'page_media_view'),
    reach: insightFigure(day, 'page_total_media_view_unique'),
    engagement: insightFigure(day, 'page_post_engagements'),
  };
}

export function toFacebookPostMetrics(
  counts: z.infer<typeof graphPostCountsSchema>,
  insights: GraphInsights | null,
): PostMetrics {
  const likes = insightFigure(insights, 'post_reactions_by_type_total');
  // Asked for and absent means nobody shared it; the comment count comes with every post we may read.
  const shares = counts.shares?.count ?? 0;
  const comments = counts.comments?.summary.total_count ?? null;
  return {
    impressions: insightFigure(insights, 'post_media_view'),
    reach: insightFigure(insights, 'post_total_media_view_unique'),
    likes,
    comments,
    shares,
    engagement: sumKnown(likes, comments, shares),
  };
}
