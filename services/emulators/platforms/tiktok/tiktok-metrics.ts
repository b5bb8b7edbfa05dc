/**
 * The counts the TikTok emulator's Display API answers (figures from kit/emulated-metrics.ts), per
 * https://developers.tiktok.com/doc/tiktok-api-v2-video-object (view_count, like_count, comment_count, share_count)
 * and https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info (follower_count, likes_count; user.info.stats).
 */
import { emulatedFollowers, emulatedPostFigures } from '../kit/emulated-metrics';
import type { EmulatedPost } from '../kit/platform-emulator';
import type { Creator, TikTokWorld } from './tiktok-emulator.world';

export function videoCounts(v: EmulatedPost, now: number): Record<string, number> {
  const f = emulatedPostFigures(v.id, Date.parse(v.createdAt), now);
  return { view_count: f.views, like_count: f.likes, comment_count: f.comments, share_count: f.shares };
}

export function creatorCounts(c: Creator, world: TikTokWorld): Record<string, number> {
  const now = world.now();
  const likes = world.publicPosts(c.openId).reduce((n, v) => n + videoCounts(v, now).like_count!, 0);
  return { follower_count: emulatedFollowers(c.openId, now), following_count: 12, likes_count: likes };
}
