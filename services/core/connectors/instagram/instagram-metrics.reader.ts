import { ConnectorError } from '../connector.errors';
import type { MetricsReader } from '../connector-metrics.types';
import { optionalFigure, utcDay } from '../metrics-figures';
import type { InstagramGraph } from './instagram-graph';
import {
  IG_ACCOUNT_METRICS,
  IG_MEDIA_METRICS,
  igFollowersSchema,
  igInsightsSchema,
  toInstagramAccountMetrics,
  toInstagramPostMetrics,
} from './instagram-metrics.wire';

const unixSeconds = (d: Date) => String(Math.floor(d.getTime() / 1000));

/**
 * The professional account's insights. Followers need only instagram_business_basic; insights need
 * instagram_business_manage_insights, and a connection without it gets null figures rather than a failed reading.
 */
export function instagramMetrics(graph: InstagramGraph): MetricsReader {
  return {
    async account(cred, opts) {
      const { start, end } = utcDay(opts.day);
      const me = await graph.get(
        igFollowersSchema,
        cred,
        { path: '/me', route: '/me', query: { fields: 'user_id,followers_count' } },
        opts,
      );
      const call = {
        path: `/${encodeURIComponent(me.user_id)}/insights`,
        route: '/{ig-user-id}/insights',
        query: {
          metric: IG_ACCOUNT_METRICS.join(','),
          period: 'day',
          metric_type: 'total_value',
          since: unixSeconds(start),
          until: unixSeconds(end),
        },
      };
      const day = await optionalFigure(() => graph.get(igInsightsSchema, cred, call, opts));
      return toInstagramAccountMetrics(me, day);
    },
    async post(cred, mediaId, opts = {}) {
      const call = {
        path: `/${encodeURIComponent(mediaId)}/insights`,
        route: '/{ig-media-id}/insights',
        query: { metric: IG_MEDIA_METRICS.join(',') },
      };
      try {
        return toInstagramPostMetrics(await optionalFigure(() => graph.get(igInsightsSchema, cred, call, opts)));
      } catch (err) {
        if (err instanceof ConnectorError && err.kind === 'not_found') return null;
        throw err;
      }
    },
  };
}
