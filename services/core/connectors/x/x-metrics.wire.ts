import { z } from 'zod';
import type { AccountMetrics, PostMetrics } from '../connector-metrics.types';
import { countSchema, sumKnown } from '../metrics-figures';

/**
 * X's metrics (https://docs.x.com/x-api/fundamentals/metrics and https://docs.x.com/x-api/fundamentals/data-dictionary):
 * a post's `public_metrics` {retweet_count, reply_count, like_count, quote_count, bookmark_count, impression_count}
 * through `tweet.fields=public_metrics`, a user's `public_metrics.followers_count` through
 * `user.fields=public_metrics`. X gives no reach and no account figures per day: those are null. The non-public
 * metrics (link and profile clicks) exist for 30 days only and are not read.
 */
export const xUserMetricsSchema = z.object({
  data: z.object({
    id: z.string(),
    public_metrics: z.object({ followers_count: countSchema.optional() }).optional(),
  }),
});

const tweetPublicMetrics = z.object({
  retweet_count: countSchema.optional(),
  reply_count: countSchema.optional(),
  like_count: countSchema.optional(),
  quote_count: countSchema.optional(),
  bookmark_count: countSchema.optional(),
  impression_count: countSchema.optional(),
});

export const xTweetMetricsSchema = z.object({
  data: z.object({ id: z.string(), public_metrics: tweetPublicMetrics.optional() }).optional(),
  errors: z.array(z.object({ type: z.string().optional(), resource_type: z.string().optional() })).optional(),
});

export function toXAccountMetrics(a: z.infer<typeof xUserMetricsSchema>): AccountMetrics {
  return {
    followers: a.data.public_metrics?.followers_count ?? null,
    reach: null,
    impressions: null,
    engagement: null,
  };
}

export function toXPostMetrics(m: z.infer<typeof tweetPublicMetrics> | undefined): PostMetrics {
  const shares = sumKnown(m?.retweet_count, m?.quote_count);
  return {
    reach: null,
    impressions: m?.impression_count ?? null,
    likes: m?.like_count ?? null,
    comments: m?.reply_count ?? null,
    shares,
    engagement: sumKnown(m?.like_count, m?.reply_count, shares, m?.bookmark_count),
  };
}
