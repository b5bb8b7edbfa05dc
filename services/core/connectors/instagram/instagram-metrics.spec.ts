import {
  igFollowersSchema,
  igInsightsSchema,
  toInstagramAccountMetrics,
  toInstagramPostMetrics,
} from './instagram-metrics.wire';

// Shapes from https://developers.facebook.com/documentation/instagram-platform/api-reference/instagram-user/insights/
// and https://developers.facebook.com/documentation/instagram-platform/reference/instagram-media/insights.
describe('Instagram insights on the wire', () => {
  it("maps the account's day from total_value, views as impressions, followers from the IG user", () => {
    const day = igInsightsSchema.parse({
      data: [
        {
          name: 'reach',
          period: 'day',
          title: 'Accounts reached',
          total_value: { value: 410 },
          id: '1/insights/reach/day',
        },
        { name: 'views', period: 'day', total_value: { value: 900 } },
        { name: 'total_interactions', period: 'day', total_value: { value: 37 } },
      ],
    });
    const me = igFollowersSchema.parse({ user_id: '17841405309211844', followers_count: 2300 });
    expect(toInstagramAccountMetrics(me, day)).toEqual({
      followers: 2300,
      reach: 410,
      impressions: 900,
      engagement: 37,
    });
    expect(toInstagramAccountMetrics(me, null)).toEqual({
      followers: 2300,
      reach: null,
      impressions: null,
      engagement: null,
    });
  });

  it('maps a media; a metric the answer leaves out (Instagram returns no 0 then) stays null', () => {
    const body = igInsightsSchema.parse({
      data: [
        { name: 'reach', period: 'lifetime', values: [{ value: 120 }] },
        { name: 'views', period: 'lifetime', values: [{ value: 200 }] },
        { name: 'likes', period: 'lifetime', values: [{ value: 14 }] },
        { name: 'comments', period: 'lifetime', values: [{ value: 3 }] },
      ],
    });
    expect(toInstagramPostMetrics(body)).toEqual({
      reach: 120,
      impressions: 200,
      likes: 14,
      comments: 3,
      shares: null,
      engagement: 17,
    });
    expect(toInstagramPostMetrics(null).engagement).toBeNull();
  });
});
