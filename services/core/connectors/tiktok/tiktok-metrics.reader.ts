import type { CallOptions, ConnectorCredential } from '../connector.types';
import type { MetricsReader } from '../connector-metrics.types';
import { optionalFigure } from '../metrics-figures';
import type { TikTokApi } from './tiktok-api';
import {
  TIKTOK_METRIC_FIELDS,
  tiktokFollowersSchema,
  tiktokVideoCountsSchema,
  toTikTokAccountMetrics,
  toTikTokPostMetrics,
} from './tiktok-metrics.wire';
import { tiktokCall, tiktokRead } from './tiktok-request';

/**
 * The creator's counts. A post Raize holds only by its publish receipt (`publish_id:…`, private posts) is resolved
 * to its video id by `videoIdOf`, the reader's own read-back; one TikTok does not show yields null.
 */
export function tiktokMetricsReader(
  api: TikTokApi,
  videoIdOf: (cred: ConnectorCredential, postId: string, opts: CallOptions) => Promise<string | null>,
): MetricsReader {
  return {
    async account(cred, opts) {
      const path = `${api.routes.userInfo}?fields=follower_count`;
      const call = { method: 'GET', path, route: api.routes.userInfo } as const;
      const a = await optionalFigure(
        async () =>
          (await tiktokCall(api.http, { ...call, token: cred.accessToken, signal: opts.signal }, tiktokFollowersSchema))
            .data,
      );
      return toTikTokAccountMetrics(a);
    },
    async post(cred, postId, opts = {}) {
      const id = /^\d{1,25}$/.test(postId) ? postId : await videoIdOf(cred, postId, opts);
      if (!id) return null;
      const path = `${api.routes.videoQuery}?fields=${TIKTOK_METRIC_FIELDS.join(',')}`;
      const call = { method: 'POST', path, route: api.routes.videoQuery } as const;
      const json = { filters: { video_ids: [id] } };
      const a = await tiktokRead(
        api.http,
        { ...call, token: cred.accessToken, signal: opts.signal, json },
        tiktokVideoCountsSchema,
      );
      return toTikTokPostMetrics(a.data, id);
    },
  };
}
