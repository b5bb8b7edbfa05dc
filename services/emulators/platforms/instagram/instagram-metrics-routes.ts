/**
 * Insights of the Instagram emulator (figures from kit/emulated-metrics.ts), per:
 * - https://developers.facebook.com/documentation/instagram-platform/api-reference/instagram-user/insights/
 *   (GET /{ig-user-id}/insights?metric=…&period=day&metric_type=total_value&since=&until=: `total_value.value` per
 *   metric; `impressions` retired for every version on 2025-04-21)
 * - https://developers.facebook.com/documentation/instagram-platform/reference/instagram-media/insights
 *   (GET /{ig-media-id}/insights?metric=…: lifetime `values[0].value`; reach, views, likes, comments, shares, saved,
 *   total_interactions)
 * - https://developers.facebook.com/documentation/instagram-platform/insights (instagram_business_manage_insights; a
 *   token without it gets (#10))
 * - `followers_count` on the IG user (instagram_business_basic)
 */
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { EmulatorClock } from '../kit/emulator-clock';
import { emulatedDayFigures, emulatedFollowers, emulatedPostFigures } from '../kit/emulated-metrics';
import type { IgAuth } from './instagram-content-routes';
import { GRAPH, graphError, traceId } from './instagram-graph-errors';
import type { InstagramWorld } from './instagram-world';

export const SCOPE_INSIGHTS = 'instagram_business_manage_insights';
const DAY_MS = 86_400_000;
const ACCOUNT_METRICS = new Set(['reach', 'views', 'total_interactions', 'accounts_engaged', 'likes', 'comments']);
const MEDIA_METRICS = new Set(['reach', 'views', 'likes', 'comments', 'shares', 'saved', 'total_interactions']);

export interface MetricsContext {
  world: InstagramWorld;
  clock: EmulatorClock;
  auth(req: EmulatorRequest): IgAuth;
}

const ok = (json: unknown): EmulatorReply => ({ status: 200, headers: { 'x-fb-trace-id': traceId() }, json });
const invalidMetric = (name: string): EmulatorReply =>
  graphError({ code: 100, message: `(#100) metric[0] must be one of the following values: ${name} is not` });

export function metricsRoutes(ctx: MetricsContext): EmulatorRoute[] {
  return [
    {
      method: 'GET',
      path: /^(?:\/v\d+\.\d+)?\/(?<id>\d+)\/insights$/,
      handle: (req) => insights(ctx, req),
    },
  ];
}

/** The IG user's `followers_count`, for the fields of its own node. */
export function followerFields(ctx: { clock: EmulatorClock }, accountId: string): { followers_count: number } {
  return { followers_count: emulatedFollowers(accountId, ctx.clock.now()) };
}

function insights(ctx: MetricsContext, req: EmulatorRequest): EmulatorReply {
  const auth = ctx.auth(req);
  const id = req.params.id!;
  const media = ctx.world.media.get(id);
  if (id !== auth.accountId && (!media || media.accountId !== auth.accountId)) return graphError(GRAPH.noSuchObject);
  if (!auth.scope.includes(SCOPE_INSIGHTS)) return graphError(GRAPH.noPermission);
  // A GET: its parameters are in the query string.
  const p = req.query;
  const metrics = (p.get('metric') ?? '').split(',').filter(Boolean);
  if (!metrics.length) return graphError({ code: 100, message: '(#100) The parameter metric is required' });
  const now = ctx.clock.now();
  if (media) {
    const bad = metrics.find((m) => !MEDIA_METRICS.has(m));
    if (bad) return invalidMetric(bad);
    const f = emulatedPostFigures(media.id, media.timestamp, now);
    const values: Record<string, number> = {
      reach: f.reach,
      views: f.views,
      likes: f.likes,
      comments: f.comments,
      shares: f.shares,
      saved: f.saves,
      total_interactions: f.likes + f.comments + f.shares + f.saves,
    };
    return ok({
      data: metrics.map((name) => ({
        name,
        period: 'lifetime',
        values: [{ value: values[name] }],
        title: name,
        description: name,
        id: `${media.id}/insights/${name}/lifetime`,
      })),
    });
  }
  const bad = metrics.find((m) => !ACCOUNT_METRICS.has(m));
  if (bad) return invalidMetric(bad);
  if (p.get('period') !== 'day') return graphError({ code: 100, message: '(#100) period must be day' });
  if (p.get('metric_type') !== 'total_value')
    return graphError({ code: 100, message: '(#100) views and total_interactions need metric_type=total_value' });
  const since = Number(p.get('since') ?? NaN) * 1000;
  const until = Number(p.get('until') ?? NaN) * 1000;
  const from = Number.isFinite(since) ? since : Math.floor(now / DAY_MS) * DAY_MS;
  const to = Math.min(Number.isFinite(until) ? until : from + DAY_MS, now);
  const posts = ctx.world.mediaOf(auth.accountId).map((m) => ({ id: m.id, createdAtMs: m.timestamp }));
  let views = 0;
  let engagements = 0;
  for (let d = Math.floor(from / DAY_MS) * DAY_MS; d < to; d += DAY_MS) {
    const f = emulatedDayFigures(posts, d, Math.min(to, d + DAY_MS));
    views += f.views;
    engagements += f.engagements;
  }
  const values: Record<string, number> = {
    reach: Math.floor((views * 7) / 10),
    views,
    total_interactions: engagements,
    accounts_engaged: Math.floor(engagements / 2),
    likes: Math.floor((engagements * 8) / 10),
    comments: Math.floor(engagements / 10),
  };
  return ok({
    data: metrics.map((name) => ({
      name,
      period: 'day',
      title: name,
      description: name,
      total_value: { value: values[name] },
      id: `${auth.accountId}/insights/${name}/day`,
    })),
  });
}
