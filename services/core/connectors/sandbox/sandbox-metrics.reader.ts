import { z } from 'zod';
import { ConnectorError } from '../connector.errors';
import type { AccountMetrics, MetricsReader, PostMetrics } from '../connector-metrics.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { countSchema, sumKnown } from '../metrics-figures';

// The sandbox's insights (services/sandbox/insights.routes.ts). `shares` is null: the sandbox has no sharing.
export const sandboxPostInsightsSchema = z.object({
  data: z.object({
    postId: z.string().min(1),
    views: countSchema,
    reach: countSchema,
    likes: countSchema,
    comments: countSchema,
    shares: countSchema.nullable(),
  }),
});
export const sandboxAccountInsightsSchema = z.object({
  data: z.object({
    day: z.string(),
    followers: countSchema,
    views: countSchema,
    reach: countSchema,
    engagements: countSchema,
  }),
});

export function toSandboxPostMetrics(a: z.infer<typeof sandboxPostInsightsSchema>): PostMetrics {
  const d = a.data;
  return {
    reach: d.reach,
    impressions: d.views,
    engagement: sumKnown(d.likes, d.comments, d.shares),
    likes: d.likes,
    comments: d.comments,
    shares: d.shares,
  };
}

export function toSandboxAccountMetrics(a: z.infer<typeof sandboxAccountInsightsSchema>): AccountMetrics {
  const d = a.data;
  return { followers: d.followers, reach: d.reach, impressions: d.views, engagement: d.engagements };
}

/** GET /me/insights?day= and GET /posts/:id/insights, with the account's own token. */
export function sandboxMetricsReader(http: ConnectorHttpConfig): MetricsReader {
  return {
    async account(cred, opts) {
      const call = { method: 'GET', path: `/me/insights?day=${opts.day}`, route: '/me/insights' } as const;
      const a = await connectorRequest(http, { ...call, token: cred.accessToken, signal: opts.signal });
      return toSandboxAccountMetrics(parseAnswer(sandboxAccountInsightsSchema, a, call));
    },
    async post(cred, postId, opts = {}) {
      const path = `/posts/${encodeURIComponent(postId)}/insights`;
      const call = { method: 'GET', path, route: '/posts/:id/insights' } as const;
      try {
        const a = await connectorRequest(http, { ...call, token: cred.accessToken, signal: opts.signal });
        return toSandboxPostMetrics(parseAnswer(sandboxPostInsightsSchema, a, call));
      } catch (err) {
        if (err instanceof ConnectorError && err.kind === 'not_found') return null;
        throw err;
      }
    },
  };
}
