import type { MetricsReader } from '../connector-metrics.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { optionalFigure, utcDay } from '../metrics-figures';
import { organizationUrn, readCredential } from './linkedin-author';
import {
  networkSizeSchema,
  NO_POST_METRICS,
  shareStatisticsSchema,
  toLinkedInAccountMetrics,
  toLinkedInPostMetrics,
} from './linkedin-metrics.wire';

const STATS_ROUTE = '/rest/organizationalEntityShareStatistics';
const POST_URN = /^urn:li:(share|ugcPost):\d+$/;

/**
 * Rest.li 2.0 query values: URNs are percent-encoded, but the structure of a record or a List (parentheses, colons,
 * commas) must stay as it is, so the query is built by hand rather than by URLSearchParams.
 */
function statsPath(org: string, more: string): string {
  return `${STATS_ROUTE}?q=organizationalEntity&organizationalEntity=${encodeURIComponent(org)}${more}`;
}

/**
 * A LinkedIn Page's figures (a Page connection only: the Page id is bound to the stored token, linkedin-author.ts).
 * Share statistics need rw_organization_admin; a connection without it gets null figures, not a failed reading.
 */
export function linkedinMetricsReader(http: ConnectorHttpConfig): MetricsReader {
  return {
    async account(cred, opts) {
      const { token, organizationId } = readCredential(cred);
      if (!organizationId) return { followers: null, reach: null, impressions: null, engagement: null };
      const org = organizationUrn(organizationId);
      const sizeCall = {
        method: 'GET',
        path: `/rest/networkSizes/${encodeURIComponent(org)}?edgeType=COMPANY_FOLLOWED_BY_MEMBER`,
        route: '/rest/networkSizes/{urn}',
      } as const;
      const followers = await optionalFigure(async () =>
        parseAnswer(
          networkSizeSchema,
          await connectorRequest(http, { ...sizeCall, token, signal: opts.signal }),
          sizeCall,
        ),
      );
      const { start, end } = utcDay(opts.day);
      const interval = `(timeRange:(start:${start.getTime()},end:${end.getTime()}),timeGranularityType:DAY)`;
      const dayCall = {
        method: 'GET',
        path: statsPath(org, `&timeIntervals=${interval}`),
        route: STATS_ROUTE,
      } as const;
      const day = await optionalFigure(async () =>
        parseAnswer(
          shareStatisticsSchema,
          await connectorRequest(http, { ...dayCall, token, signal: opts.signal }),
          dayCall,
        ),
      );
      return toLinkedInAccountMetrics(followers?.firstDegreeSize ?? null, day, start.getTime());
    },

    async post(cred, postUrn, opts = {}) {
      const { token, organizationId } = readCredential(cred);
      if (!organizationId) return NO_POST_METRICS;
      const kind = POST_URN.exec(postUrn)?.[1];
      if (!kind) return null;
      const param = kind === 'share' ? 'shares' : 'ugcPosts';
      const org = organizationUrn(organizationId);
      const call = {
        method: 'GET',
        path: statsPath(org, `&${param}=List(${encodeURIComponent(postUrn)})`),
        route: STATS_ROUTE,
      } as const;
      const stats = await optionalFigure(async () =>
        parseAnswer(shareStatisticsSchema, await connectorRequest(http, { ...call, token, signal: opts.signal }), call),
      );
      return stats ? toLinkedInPostMetrics(stats, postUrn) : NO_POST_METRICS;
    },
  };
}
