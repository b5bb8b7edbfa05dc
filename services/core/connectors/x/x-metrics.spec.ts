import { toXAccountMetrics, toXPostMetrics, xTweetMetricsSchema, xUserMetricsSchema } from './x-metrics.wire';

// Shapes from https://docs.x.com/x-api/fundamentals/metrics.
describe('X metrics on the wire', () => {
  it('maps a post: reposts and quotes as shares, replies as comments, no reach', () => {
    const body = xTweetMetricsSchema.parse({
      data: {
        id: '1600000000000000100',
        text: 'hello',
        public_metrics: {
          retweet_count: 3,
          reply_count: 2,
          like_count: 10,
          quote_count: 1,
          bookmark_count: 4,
          impression_count: 800,
        },
      },
    });
    expect(toXPostMetrics(body.data!.public_metrics)).toEqual({
      impressions: 800,
      reach: null,
      likes: 10,
      comments: 2,
      shares: 4,
      engagement: 20,
    });
  });

  it('maps the user: followers only, every other account figure not given', () => {
    const body = xUserMetricsSchema.parse({
      data: { id: '1', username: 'raize', public_metrics: { followers_count: 321, following_count: 5 } },
    });
    expect(toXAccountMetrics(body)).toEqual({ followers: 321, reach: null, impressions: null, engagement: null });
  });

  it('gives nothing for a post without metrics rather than zeros', () => {
    expect(toXPostMetrics(undefined)).toEqual({
      impressions: null,
      reach: null,
      likes: null,
      comments: null,
      shares: null,
      engagement: null,
    });
  });
});
