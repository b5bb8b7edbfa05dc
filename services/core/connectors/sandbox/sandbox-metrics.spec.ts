import {
  sandboxAccountInsightsSchema,
  sandboxPostInsightsSchema,
  toSandboxAccountMetrics,
  toSandboxPostMetrics,
} from './sandbox-metrics.reader';

describe('sandbox insights on the wire', () => {
  it('maps a post: views as impressions, no shares (null), engagement from what is given', () => {
    const body = {
      data: { postId: 'sbx_p_1', views: 30, reach: 18, likes: 2, comments: 3, shares: null, computedAt: 'x' },
    };
    expect(toSandboxPostMetrics(sandboxPostInsightsSchema.parse(body))).toEqual({
      impressions: 30,
      reach: 18,
      likes: 2,
      comments: 3,
      shares: null,
      engagement: 5,
    });
  });

  it('maps an account day and refuses a body without its figures', () => {
    const body = { data: { day: '2026-03-02', followers: 4, views: 90, reach: 54, engagements: 6, computedAt: 'x' } };
    expect(toSandboxAccountMetrics(sandboxAccountInsightsSchema.parse(body))).toEqual({
      followers: 4,
      impressions: 90,
      reach: 54,
      engagement: 6,
    });
    expect(sandboxAccountInsightsSchema.safeParse({ data: { day: '2026-03-02' } }).success).toBe(false);
  });
});
