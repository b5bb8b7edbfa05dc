import {
  toYouTubeAccountMetrics,
  toYouTubePostMetrics,
  youtubeChannelStatisticsSchema,
  youtubeVideoStatisticsSchema,
} from './youtube-metrics.wire';

// Shapes from https://developers.google.com/youtube/v3/docs/videos#statistics and …/channels#statistics.
describe('YouTube statistics on the wire', () => {
  it('maps a video: string counts, views as impressions, no reach and no shares', () => {
    const body = youtubeVideoStatisticsSchema.parse({
      kind: 'youtube#videoListResponse',
      items: [
        {
          kind: 'youtube#video',
          id: 'dQw4w9WgXcQ',
          statistics: { viewCount: '1500', likeCount: '70', favoriteCount: '0', commentCount: '9' },
        },
      ],
    });
    expect(toYouTubePostMetrics(body, 'dQw4w9WgXcQ')).toEqual({
      impressions: 1500,
      reach: null,
      likes: 70,
      comments: 9,
      shares: null,
      engagement: 79,
    });
    expect(toYouTubePostMetrics(body, 'other')).toBeNull();
  });

  it('keeps a hidden like count unknown, not 0', () => {
    const body = youtubeVideoStatisticsSchema.parse({ items: [{ id: 'v', statistics: { viewCount: '5' } }] });
    expect(toYouTubePostMetrics(body, 'v')).toMatchObject({ impressions: 5, likes: null, engagement: null });
  });

  it('maps the channel: subscribers, unless the channel hides them', () => {
    const shown = { items: [{ id: 'UC1', statistics: { subscriberCount: '420', hiddenSubscriberCount: false } }] };
    expect(toYouTubeAccountMetrics(youtubeChannelStatisticsSchema.parse(shown)).followers).toBe(420);
    const hidden = { items: [{ id: 'UC1', statistics: { subscriberCount: '0', hiddenSubscriberCount: true } }] };
    expect(toYouTubeAccountMetrics(youtubeChannelStatisticsSchema.parse(hidden)).followers).toBeNull();
  });
});
