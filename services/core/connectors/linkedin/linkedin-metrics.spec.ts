import {
  networkSizeSchema,
  shareStatisticsSchema,
  toLinkedInAccountMetrics,
  toLinkedInPostMetrics,
} from './linkedin-metrics.wire';

// Shapes from https://learn.microsoft.com/en-us/linkedin/marketing/community-management/organizations/share-statistics.
const stats = (extra: Record<string, unknown>, t: Record<string, number>) => ({
  organizationalEntity: 'urn:li:organization:2414183',
  ...extra,
  totalShareStatistics: { engagement: 0.05, ...t },
});

describe('LinkedIn Page statistics on the wire', () => {
  it('maps the day element: impressions, unique impressions as reach, interactions as engagement (not the rate)', () => {
    const day = Date.parse('2026-03-02T00:00:00Z');
    const body = shareStatisticsSchema.parse({
      paging: { count: 10, start: 0, links: [] },
      elements: [
        stats(
          { timeRange: { start: day, end: day + 86_400_000 } },
          {
            impressionCount: 500,
            uniqueImpressionsCount: 320,
            clickCount: 10,
            likeCount: 12,
            commentCount: 2,
            shareCount: 1,
          },
        ),
      ],
    });
    expect(
      toLinkedInAccountMetrics(networkSizeSchema.parse({ firstDegreeSize: 870 }).firstDegreeSize, body, day),
    ).toEqual({ followers: 870, impressions: 500, reach: 320, engagement: 25 });
  });

  it('leaves the day figures null when the statistics were not readable', () => {
    expect(toLinkedInAccountMetrics(42, null, 0)).toEqual({
      followers: 42,
      impressions: null,
      reach: null,
      engagement: null,
    });
  });

  it("maps a post's element by its URN, and answers null for a post the Page's statistics do not list", () => {
    const body = shareStatisticsSchema.parse({
      elements: [
        stats(
          { ugcPost: 'urn:li:ugcPost:7' },
          {
            impressionCount: 90,
            uniqueImpressionsCount: 60,
            clickCount: 3,
            likeCount: 4,
            commentCount: 1,
            shareCount: 0,
          },
        ),
      ],
    });
    expect(toLinkedInPostMetrics(body, 'urn:li:ugcPost:7')).toEqual({
      impressions: 90,
      reach: 60,
      likes: 4,
      comments: 1,
      shares: 0,
      engagement: 8,
    });
    expect(toLinkedInPostMetrics(body, 'urn:li:share:8')).toBeNull();
  });
});
