/**
 * Metrics in the X emulator (figures from kit/emulated-metrics.ts), per https://docs.x.com/x-api/fundamentals/metrics
 * and https://docs.x.com/x-api/fundamentals/data-dictionary: a post's `public_metrics` (retweet_count, reply_count,
 * like_count, quote_count, bookmark_count, impression_count) with `tweet.fields=public_metrics`, and a user's
 * `public_metrics` (followers_count, following_count, tweet_count, listed_count, like_count) with
 * `user.fields=public_metrics`.
 */
import type { EmulatorRequest } from '../../emulator-server';
import { emulatedFollowers, emulatedPostFigures } from '../kit/emulated-metrics';
import type { XEmulatorState, XStoredTweet } from './x-emulator-state';

export const X_METRIC_TWEET_FIELDS = ['public_metrics'];

export function tweetPublicMetrics(state: XEmulatorState, t: XStoredTweet): Record<string, number> {
  const f = emulatedPostFigures(t.id, t.createdAt, state.clock.now());
  const quotes = Math.floor(f.shares / 3);
  return {
    retweet_count: f.shares - quotes,
    reply_count: f.comments,
    like_count: f.likes,
    quote_count: quotes,
    bookmark_count: f.saves,
    impression_count: f.views,
  };
}

/** The `public_metrics` of a user, when `user.fields` asks for them. */
export function userMetricFields(
  state: XEmulatorState,
  accountId: string,
  req: EmulatorRequest,
): { public_metrics?: Record<string, number> } {
  const asked = (req.query.get('user.fields') ?? '').split(',');
  if (!asked.includes('public_metrics')) return {};
  const tweets = state.tweets.filter((t) => t.accountId === accountId).length;
  return {
    public_metrics: {
      followers_count: emulatedFollowers(accountId, state.clock.now()),
      following_count: 42,
      tweet_count: tweets,
      listed_count: 3,
      like_count: 0,
    },
  };
}
