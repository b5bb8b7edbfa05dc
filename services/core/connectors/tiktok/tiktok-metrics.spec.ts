import {
  tiktokFollowersSchema,
  tiktokVideoCountsSchema,
  toTikTokAccountMetrics,
  toTikTokPostMetrics,
} from './tiktok-metrics.wire';

// Shapes from https://developers.tiktok.com/doc/tiktok-api-v2-video-query and …/tiktok-api-v2-get-user-info.
describe('TikTok counts on the wire', () => {
  it('maps a video: views as impressions, likes, comments and shares, no reach', () => {
    const body = tiktokVideoCountsSchema.parse({
      videos: [{ id: '7080213458555737986', view_count: 900, like_count: 90, comment_count: 12, share_count: 6 }],
      cursor: 0,
      has_more: false,
    });
    expect(toTikTokPostMetrics(body, '7080213458555737986')).toEqual({
      impressions: 900,
      reach: null,
      likes: 90,
      comments: 12,
      shares: 6,
      engagement: 108,
    });
    expect(toTikTokPostMetrics(body, '1')).toBeNull();
  });

  it('maps followers, and leaves them null without the user.info.stats scope', () => {
    expect(toTikTokAccountMetrics(tiktokFollowersSchema.parse({ user: { follower_count: 55 } })).followers).toBe(55);
    expect(toTikTokAccountMetrics(null)).toEqual({ followers: null, reach: null, impressions: null, engagement: null });
  });
});
