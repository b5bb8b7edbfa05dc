import { addDays, localDateOf, startOfLocalDay } from '../../scheduling/zoned-time';
import type { PlatformUsage } from '../connector.types';

/**
 * What each call costs on the project's YouTube meter, in one place. Figures from
 * https://developers.google.com/youtube/v3/determine_quota_cost (videos.insert: 1,600 units on one version of the
 * page; another counts it in a bucket of 100 calls a day: the stricter figure is kept) and the methods' own pages
 * (thumbnails.set "approximately 50 units"; list calls 1 unit).
 */
export const YOUTUBE_QUOTA_COSTS = {
  'videos.insert': 1600,
  'thumbnails.set': 50,
  'videos.list': 1,
  'channels.list': 1,
  'playlistItems.list': 1,
} as const;
export type YouTubeOperation = keyof typeof YOUTUBE_QUOTA_COSTS;

/** The default daily quota of a Google Cloud project on the YouTube Data API (settings.dailyQuota overrides it). */
export const YOUTUBE_DEFAULT_DAILY_QUOTA = 10_000;

/** Quota days roll at midnight Pacific Time, whatever the caller's timezone (determine_quota_cost, "Quota usage"). */
export const YOUTUBE_QUOTA_TIMEZONE = 'America/Los_Angeles';

export function usage(operation: YouTubeOperation): PlatformUsage {
  return { unit: 'quota_units', amount: YOUTUBE_QUOTA_COSTS[operation], operation };
}

/** The instant the current quota day began. */
export function quotaDayStart(now: Date): Date {
  return startOfLocalDay(localDateOf(now, YOUTUBE_QUOTA_TIMEZONE), YOUTUBE_QUOTA_TIMEZONE);
}

/** The instant the quota rolls over: the next midnight in America/Los_Angeles. */
export function nextQuotaReset(now: Date): Date {
  return startOfLocalDay(addDays(localDateOf(now, YOUTUBE_QUOTA_TIMEZONE), 1), YOUTUBE_QUOTA_TIMEZONE);
}
