import type { MetricsReader } from '../connector-metrics.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import {
  toYouTubeAccountMetrics,
  toYouTubePostMetrics,
  youtubeChannelStatisticsSchema,
  youtubeVideoStatisticsSchema,
} from './youtube-metrics.wire';

/** channels.list?part=statistics&mine=true and videos.list?part=statistics&id=, one unit each. */
export function youtubeMetricsReader(http: ConnectorHttpConfig): MetricsReader {
  return {
    async account(cred, opts) {
      const query = new URLSearchParams({ part: 'statistics', mine: 'true' });
      const call = { method: 'GET', path: `/youtube/v3/channels?${query}`, route: '/youtube/v3/channels' } as const;
      const a = await connectorRequest(http, { ...call, token: cred.accessToken, signal: opts.signal });
      return toYouTubeAccountMetrics(parseAnswer(youtubeChannelStatisticsSchema, a, call));
    },
    async post(cred, videoId, opts = {}) {
      const query = new URLSearchParams({ part: 'statistics', id: videoId });
      const call = { method: 'GET', path: `/youtube/v3/videos?${query}`, route: '/youtube/v3/videos' } as const;
      const a = await connectorRequest(http, { ...call, token: cred.accessToken, signal: opts.signal });
      return toYouTubePostMetrics(parseAnswer(youtubeVideoStatisticsSchema, a, call), videoId);
    },
  };
}
