import { z } from 'zod';
import type { AccountMetrics, PostMetrics } from '../connector-metrics.types';
import { countSchema, sumKnown } from '../metrics-figures';

/**
 * A LinkedIn Page's statistics, as the Community Management API answers them:
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics
 *   (GET /rest/organizationalEntityShareStatistics?q=organizationalEntity&organizationalEntity={org urn}; lifetime
 *   without `timeIntervals`, per day with `timeIntervals=(timeRange:(start:…,end:…),timeGranularityType:DAY)`;
 *   one post's with `shares=List(…)` or `ugcPosts=List(…)`; `totalShareStatistics` {impressionCount,
 *   uniqueImpressionsCount, clickCount, likeCount, commentCount, shareCount, engagement (a rate)}; organic activity
 *   only; rw_organization_admin and the ADMINISTRATOR role)
 * - https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/follower-statistics
 *   (GET /rest/networkSizes/{org urn}?edgeType=COMPANY_FOLLOWED_BY_MEMBER answers `firstDegreeSize`)
 * A member's own profile has no statistics Raize may read with the scopes it asks for: every figure is null there.
 */
const totals = z.object({
  impressionCount: countSchema.optional(),
  uniqueImpressionsCount: countSchema.optional(),
  clickCount: countSchema.optional(),
  likeCount: countSchema.optional(),
  commentCount: countSchema.optional(),
  shareCount: countSchema.optional(),
  // A rate ((clicks + likes + comments + shares) / impressions), not a count: never stored as engagement.
  engagement: z.number().optional(),
});

export const shareStatisticsSchema = z.object({
  elements: z.array(
    z.object({
      organizationalEntity: z.string().optional(),
      share: z.string().optional(),
      ugcPost: z.string().optional(),
      timeRange: z.object({ start: z.number(), end: z.number() }).optional(),
      totalShareStatistics: totals,
    }),
  ),
});
export type ShareStatistics = z.infer<typeof shareStatisticsSchema>;
type Totals = z.infer<typeof totals>;

export const networkSizeSchema = z.object({ firstDegreeSize: countSchema });

/** Interactions as a count: what the engagement rate is made of. */
const interactions = (t: Totals) => sumKnown(t.clickCount, t.likeCount, t.commentCount, t.shareCount);

/** The day's element (its timeRange starts at `dayStartMs`), or the sum of all when LinkedIn split it. */
export function toLinkedInAccountMetrics(
  followers: number | null,
  day: ShareStatistics | null,
  dayStartMs: number,
): AccountMetrics {
  const rows = day?.elements ?? [];
  const exact = rows.filter((r) => r.timeRange?.start === dayStartMs);
  const chosen = (exact.length ? exact : rows).map((r) => r.totalShareStatistics);
  const total = (pick: (t: Totals) => number | null | undefined) => sumKnown(...chosen.map(pick));
  return {
    followers,
    impressions: total((t) => t.impressionCount),
    reach: total((t) => t.uniqueImpressionsCount),
    engagement: total(interactions),
  };
}

/** The element of `urn`; null when LinkedIn answered none for it (not the Page's post). */
export function toLinkedInPostMetrics(stats: ShareStatistics, urn: string): PostMetrics | null {
  const row = stats.elements.find((e) => e.share === urn || e.ugcPost === urn);
  if (!row) return null;
  const t = row.totalShareStatistics;
  return {
    impressions: t.impressionCount ?? null,
    reach: t.uniqueImpressionsCount ?? null,
    likes: t.likeCount ?? null,
    comments: t.commentCount ?? null,
    shares: t.shareCount ?? null,
    engagement: interactions(t),
  };
}

export const NO_POST_METRICS: PostMetrics = {
  impressions: null,
  reach: null,
  likes: null,
  comments: null,
  shares: null,
  engagement: null,
};
