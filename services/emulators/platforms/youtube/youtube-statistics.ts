/**
 * The `statistics` part of the YouTube emulator (figures from kit/emulated-metrics.ts), per
 * https://developers.google.com/youtube/v3/docs/videos#statistics (viewCount, likeCount, favoriteCount (always "0"),
 * commentCount, all unsigned longs sent as strings) and https://developers.google.com/youtube/v3/docs/channels#statistics
 * (viewCount, subscriberCount, hiddenSubscriberCount, videoCount).
 */
import { emulatedFollowers, emulatedPostFigures } from '../kit/emulated-metrics';
import type { EmuChannel, EmuVideo, YouTubeWorld } from './youtube-world';

export function videoStatistics(world: YouTubeWorld, v: EmuVideo): Record<string, string> {
  const f = emulatedPostFigures(v.id, Date.parse(v.publishedAt), world.clock.now());
  return {
    viewCount: String(f.views),
    likeCount: String(f.likes),
    favoriteCount: '0',
    commentCount: String(f.comments),
  };
}

export function channelStatistics(world: YouTubeWorld, c: EmuChannel): Record<string, string | boolean> {
  const now = world.clock.now();
  const videos = (world.uploads.get(c.id) ?? []).flatMap((id) => world.videos.get(id) ?? []);
  const views = videos.reduce((n, v) => n + emulatedPostFigures(v.id, Date.parse(v.publishedAt), now).views, 0);
  return {
    viewCount: String(views),
    subscriberCount: String(emulatedFollowers(c.id, now)),
    hiddenSubscriberCount: false,
    videoCount: String(videos.length),
  };
}
