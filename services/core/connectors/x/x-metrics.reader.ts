import { ConnectorError } from '../connector.errors';
import type { MetricsReader } from '../connector-metrics.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { toXAccountMetrics, toXPostMetrics, xTweetMetricsSchema, xUserMetricsSchema } from './x-metrics.wire';

/** The token's own user and posts: GET /2/users/me and GET /2/tweets/:id with their public metrics. */
export function xMetricsReader(http: ConnectorHttpConfig): MetricsReader {
  return {
    async account(cred, opts) {
      const call = { method: 'GET', path: '/2/users/me?user.fields=public_metrics', route: '/2/users/me' } as const;
      const a = await connectorRequest(http, { ...call, token: cred.accessToken, signal: opts.signal });
      return toXAccountMetrics(parseAnswer(xUserMetricsSchema, a, call));
    },
    async post(cred, id, opts = {}) {
      const path = `/2/tweets/${encodeURIComponent(id)}?tweet.fields=public_metrics`;
      const call = { method: 'GET', path, route: '/2/tweets/:id' } as const;
      let answer;
      try {
        answer = parseAnswer(
          xTweetMetricsSchema,
          await connectorRequest(http, { ...call, token: cred.accessToken, signal: opts.signal }),
          call,
        );
      } catch (err) {
        if (err instanceof ConnectorError && err.kind === 'not_found') return null;
        throw err;
      }
      if (answer.data) return toXPostMetrics(answer.data.public_metrics);
      // X answers a deleted or unknown post with 200 and an error entry.
      if (answer.errors?.some((e) => e.type?.endsWith('/resource-not-found') || e.resource_type === 'tweet'))
        return null;
      throw new ConnectorError('permanent', 'GET /2/tweets/:id answered neither the post nor why');
    },
  };
}
