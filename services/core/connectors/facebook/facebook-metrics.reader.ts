import { ConnectorError } from '../connector.errors';
import type { MetricsReader } from '../connector-metrics.types';
import { parseAnswer } from '../http/connector-http';
import { optionalFigure, utcDay } from '../metrics-figures';
import type { GraphClient } from './facebook-graph';
import { graphRequest } from './facebook-graph';
import {
  graphInsightsSchema,
  graphPageFollowersSchema,
  graphPostCountsSchema,
  PAGE_DAY_METRICS,
  POST_COUNT_FIELDS,
  POST_METRICS,
  toFacebookAccountMetrics,
  toFacebookPostMetrics,
} from './facebook-metrics.wire';

const unixSeconds = (d: Date) => String(Math.floor(d.getTime() / 1000));

/**
 * A Page's analytics with its Page token. The counts of a post (comments, shares) need only pages_read_engagement,
 * which every connection has; insights need read_insights and the ANALYZE task too, and without them those figures
 * are null rather than the whole reading failing.
 */
export function facebookMetricsReader(graph: GraphClient): MetricsReader {
  return {
    async account(cred, opts) {
      const { start, end } = utcDay(opts.day);
      const meCall = { method: 'GET', route: '/me' } as const;
      const page = parseAnswer(
        graphPageFollowersSchema,
        await graphRequest(graph, {
          ...meCall,
          path: '/me',
          query: { fields: 'id,followers_count' },
          token: cred.accessToken,
          signal: opts.signal,
        }),
        meCall,
      );
      const call = { method: 'GET', route: '/{page-id}/insights' } as const;
      const day = await optionalFigure(async () =>
        parseAnswer(
          graphInsightsSchema,
          await graphRequest(graph, {
            ...call,
            path: `/${page.id}/insights`,
            query: {
              metric: PAGE_DAY_METRICS.join(','),
              period: 'day',
              since: unixSeconds(start),
              until: unixSeconds(end),
            },
            token: cred.accessToken,
            signal: opts.signal,
          }),
          call,
        ),
      );
      return toFacebookAccountMetrics(page, day);
    },

    async post(cred, postId, opts = {}) {
      const path = `/${encodeURIComponent(postId)}`;
      const call = { method: 'GET', route: '/{post-id}' } as const;
      let counts;
      try {
        counts = parseAnswer(
          graphPostCountsSchema,
          await graphRequest(graph, {
            ...call,
            path,
            query: { fields: POST_COUNT_FIELDS },
            token: cred.accessToken,
            signal: opts.signal,
          }),
          call,
        );
      } catch (err) {
        if (err instanceof ConnectorError && err.kind === 'not_found') return null;
        throw err;
      }
      const insightsCall = { method: 'GET', route: '/{post-id}/insights' } as const;
      const insights = await optionalFigure(async () =>
        parseAnswer(
          graphInsightsSchema,
          await graphRequest(graph, {
            ...insightsCall,
            path: `${path}/insights`,
            query: { metric: POST_METRICS.join(',') },
            token: cred.accessToken,
            signal: opts.signal,
          }),
          insightsCall,
        ),
      );
      return toFacebookPostMetrics(counts, insights);
    },
  };
}
