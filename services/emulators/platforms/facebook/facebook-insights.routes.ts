import type { EmulatorReply, EmulatorRoute } from '../../emulator-server';
import { emulatedDayFigures, emulatedFollowers, emulatedPostFigures } from '../kit/emulated-metrics';
import { graphError } from './facebook-graph-errors';
import type { GraphContext, GraphSettings } from './facebook-graph-route';
import { graphRoute } from './facebook-graph-route';
import type { FacebookWorld, FbPost } from './facebook-world';
import { graphTimestamp } from './facebook-world';

/**
 * Page and post insights of the Facebook emulator, per Meta's pages (figures from kit/emulated-metrics.ts):
 * - https://developers.facebook.com/documentation/pages-api/platforminsights/page (GET /{page-id}/insights with
 *   metric, period=day, since, until; each daily value's end_time is the day after, 08:00 GMT; read_insights and
 *   pages_read_engagement with the Page token of a person who can perform ANALYZE)
 * - https://developers.facebook.com/docs/graph-api/reference/post/insights/ (GET /{post-id}/insights, lifetime)
 * - https://developers.facebook.com/docs/graph-api/reference/v3.0/insights (no metric: code 100, subcode 1504028)
 * - https://developers.facebook.com/documentation/pages-api/platforminsights/page/deprecated-metrics (a retired
 *   metric such as page_impressions answers an invalid metric error)
 * - https://developers.facebook.com/docs/graph-api/reference/page/ (followers_count) and …/reference/post/ (`shares`
 *   left out when nobody shared; `comments.summary(true)` with total_count)
 */
const INSIGHTS_SCOPES = ['pages_read_engagement', 'read_insights'];
const DAY_MS = 86_400_000;

type Figure = (post: FbPost, now: number) => number | Record<string, number>;
const POST_METRICS: Record<string, Figure> = {
  post_media_view: (p, now) => emulatedPostFigures(p.id, p.createdAt, now).views,
  post_total_media_view_unique: (p, now) => emulatedPostFigures(p.id, p.createdAt, now).reach,
  post_reactions_by_type_total: (p, now) => reactions(emulatedPostFigures(p.id, p.createdAt, now).likes),
  post_clicks: (p, now) => emulatedPostFigures(p.id, p.createdAt, now).clicks,
};
const PAGE_METRICS = new Set(['page_media_view', 'page_total_media_view_unique', 'page_post_engagements']);

/** A quarter of the reactions are loves, the rest likes: a breakdown the connector must sum. */
function reactions(total: number): Record<string, number> {
  const love = Math.floor(total / 4);
  return { like: total - love, love };
}

export function insightsRoutes(s: GraphSettings): EmulatorRoute[] {
  const { world } = s;
  return [
    graphRoute(s, 'GET', /^\/(?<page>\d+)\/insights$/, 'page', (ctx) => {
      const pageId = ctx.req.params.page!;
      const refused = mayAnalyze(world, ctx, pageId);
      if (refused) return refused;
      const metrics = metricList(ctx);
      if ('status' in metrics) return metrics;
      const bad = metrics.find((m) => !PAGE_METRICS.has(m));
      if (bad) return invalidMetric(bad);
      const period = ctx.params.get('period') ?? 'day';
      if (period !== 'day') return graphError(400, 100, '(#100) The period must be one of the following values: day');
      const now = world.clock.now();
      const until = seconds(ctx, 'until') ?? Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
      const since = seconds(ctx, 'since') ?? until - DAY_MS;
      if (until - since > 90 * DAY_MS)
        return graphError(400, 100, '(#100) There cannot be more than 90 days between since and until');
      const posts = [...world.posts.values()]
        .filter((p) => p.pageId === pageId && p.visible)
        .map((p) => ({ id: p.id, createdAtMs: p.createdAt }));
      const days: number[] = [];
      for (let d = Math.floor(since / DAY_MS) * DAY_MS; d < until && d <= now; d += DAY_MS) days.push(d);
      const value = (name: string, day: number) => {
        const f = emulatedDayFigures(posts, day, now);
        return name === 'page_media_view' ? f.views : name === 'page_post_engagements' ? f.engagements : f.reach;
      };
      return ok({
        data: metrics.map((name) => ({
          name,
          period,
          values: days.map((d) => ({ value: value(name, d), end_time: graphTimestamp(d + DAY_MS + 8 * 3600_000) })),
          title: name,
          description: `Daily: ${name}`,
          id: `${pageId}/insights/${name}/${period}`,
        })),
        paging: {},
      });
    }),

    graphRoute(s, 'GET', /^\/(?<post>\d+_\d+)\/insights$/, 'page', (ctx) => {
      const post = world.posts.get(ctx.req.params.post!);
      if (!post || !post.visible) return unknownObject();
      const refused = mayAnalyze(world, ctx, post.pageId);
      if (refused) return refused;
      const metrics = metricList(ctx);
      if ('status' in metrics) return metrics;
      const bad = metrics.find((m) => !(m in POST_METRICS));
      if (bad) return invalidMetric(bad);
      const now = world.clock.now();
      return ok({
        data: metrics.map((name) => ({
          name,
          period: 'lifetime',
          values: [{ value: POST_METRICS[name]!(post, now) }],
          title: name,
          description: `Lifetime: ${name}`,
          id: `${post.id}/insights/${name}/lifetime`,
        })),
        paging: {},
      });
    }),
  ];
}

/** `followers_count` of a Page, for the Page object's fields. */
export function pageFollowerFields(world: FacebookWorld, pageId: string): { followers_count: number } {
  return { followers_count: emulatedFollowers(pageId, world.clock.now()) };
}

/** The `shares` and `comments.summary(true)` fields of a post, when asked for. */
export function postCountFields(world: FacebookWorld, post: FbPost, ctx: GraphContext): Record<string, unknown> {
  const fields = (ctx.params.get('fields') ?? '').split(',').map((f) => f.trim());
  const f = emulatedPostFigures(post.id, post.createdAt, world.clock.now());
  return {
    ...(fields.includes('shares') && f.shares > 0 ? { shares: { count: f.shares } } : {}),
    ...(fields.some((x) => x.startsWith('comments.summary(true)'))
      ? { comments: { data: [], summary: { order: 'ranked', total_count: f.comments, can_comment: true } } }
      : {}),
  };
}

function mayAnalyze(world: FacebookWorld, ctx: GraphContext, pageId: string): EmulatorReply | undefined {
  const c = ctx.caller;
  if (c.kind !== 'page' || c.pageId !== pageId) return unknownObject();
  if (!INSIGHTS_SCOPES.every((p) => c.scope.includes(p)))
    return graphError(403, 10, '(#10) This endpoint requires the read_insights and pages_read_engagement permissions');
  const tasks = (c.userId && world.users.get(c.userId)?.roles.get(pageId)) || [];
  if (!tasks.includes('ANALYZE'))
    return graphError(403, 10, '(#10) The user must be able to perform the ANALYZE task on the Page');
  return undefined;
}

function metricList(ctx: GraphContext): string[] | EmulatorReply {
  const metrics = (ctx.params.get('metric') ?? '')
    .split(',')
    .map((m) => m.trim())
    .filter(Boolean);
  if (!metrics.length)
    return graphError(
      400,
      3001,
      'No metric was specified to be fetched. Please specify one or more metrics to be fetched and try again.',
      { subcode: 1504028 },
    );
  return metrics;
}

function invalidMetric(name: string): EmulatorReply {
  return graphError(400, 100, `(#100) The value must be a valid insights metric: ${name}`);
}

function seconds(ctx: GraphContext, name: string): number | undefined {
  const v = ctx.params.get(name);
  return v && /^\d+$/.test(v) ? Number(v) * 1000 : undefined;
}

function ok(json: unknown): EmulatorReply {
  return { status: 200, json };
}

function unknownObject(): EmulatorReply {
  return graphError(
    400,
    100,
    'Unsupported get request. Object does not exist, cannot be loaded due to missing permissions, or does not support this operation.',
    { subcode: 33 },
  );
}
