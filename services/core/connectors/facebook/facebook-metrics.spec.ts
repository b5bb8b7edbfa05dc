import {
  graphInsightsSchema,
  graphPageFollowersSchema,
  graphPostCountsSchema,
  toFacebookAccountMetrics,
  toFacebookPostMetrics,
} from './facebook-metrics.wire';

// Shapes from https://developers.facebook.com/documentation/pages-api/platforminsights/page and
// https://developers.facebook.com/docs/graph-api/reference/post/insights/.
describe('Facebook Page insights on the wire', () => {
  it('maps a Page day: views, unique viewers and post engagements of the day, followers from the Page', () => {
    const day = graphInsightsSchema.parse({
      data: [
        {
          name: 'page_media_view',
          period: 'day',
          values: [{ value: 120, end_time: '2026-03-03T08:00:00+0000' }],
          title: 'Daily Media Views',
          id: '104/insights/page_media_view/day',
        },
        { name: 'page_total_media_view_unique', period: 'day', values: [{ value: 80, end_time: 'x' }] },
        { name: 'page_post_engagements', period: 'day', values: [{ value: 9, end_time: 'x' }] },
      ],
      paging: {},
    });
    const page = graphPageFollowersSchema.parse({ id: '104', followers_count: 1500 });
    expect(toFacebookAccountMetrics(page, day)).toEqual({
      followers: 1500,
      impressions: 120,
      reach: 80,
      engagement: 9,
    });
  });

  it('leaves the insights figures null when the connection may not read insights', () => {
    expect(toFacebookAccountMetrics(graphPageFollowersSchema.parse({ id: '104', followers_count: 7 }), null)).toEqual({
      followers: 7,
      impressions: null,
      reach: null,
      engagement: null,
    });
  });

  it('maps a post: reactions summed over their types, a missing `shares` as nobody shared', () => {
    const counts = graphPostCountsSchema.parse({
      id: '104_9',
      comments: { data: [], summary: { order: 'ranked', total_count: 4, can_comment: true } },
    });
    const insights = graphInsightsSchema.parse({
      data: [
        { name: 'post_media_view', period: 'lifetime', values: [{ value: 300 }] },
        { name: 'post_total_media_view_unique', period: 'lifetime', values: [{ value: 210 }] },
        { name: 'post_reactions_by_type_total', period: 'lifetime', values: [{ value: { like: 20, love: 5 } }] },
      ],
    });
    expect(toFacebookPostMetrics(counts, insights)).toEqual({
      impressions: 300,
      reach: 210,
      likes: 25,
      comments: 4,
      shares: 0,
      engagement: 29,
    });
    expect(toFacebookPostMetrics(graphPostCountsSchema.parse({ id: '104_9', shares: { count: 2 } }), null)).toEqual({
      impressions: null,
      reach: null,
      likes: null,
      comments: null,
      shares: 2,
      engagement: 2,
    });
  });
});
