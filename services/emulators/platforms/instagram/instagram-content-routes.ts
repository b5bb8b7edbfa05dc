/**
 * The Instagram emulator's Graph routes, built from:
 * - https://developers.facebook.com/docs/instagram-platform/content-publishing (container → status → media_publish)
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media (POST:
 *   image_url, video_url, media_type REELS / VIDEO / CAROUSEL, is_carousel_item, children, caption; GET: the
 *   account's media with cursor paging and since/until)
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-container (id,
 *   status_code, status)
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish
 *   (creation_id → {id})
 * - https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/
 *   content_publishing_limit ({data:[{quota_usage, config:{quota_total, quota_duration}}]})
 * - https://developers.facebook.com/docs/instagram-platform/reference/me and .../reference/instagram-media (fields
 *   id, caption, media_type, media_product_type, permalink, timestamp, username, owner)
 * - the IG user node and its mention reads: instagram-mention-routes.ts
 */
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { EmulatorClock } from '../kit/emulator-clock';
import { GRAPH, IG_ERRORS, graphError, traceId } from './instagram-graph-errors';
import { checkImage, checkVideo } from './instagram-media-check';
import { userNode } from './instagram-mention-routes';
import { followerFields } from './instagram-metrics-routes';
import type { IgContainerRecord, IgMediaRecord, InstagramWorld } from './instagram-world';

export const SCOPE_BASIC = 'instagram_business_basic';
export const SCOPE_PUBLISH = 'instagram_business_content_publish';
const MAX_CAPTION = 2200;
const CAROUSEL_MAX = 10;

/** Who the request's token acts for (set by the emulator's authentication). */
export interface IgAuth {
  accountId: string;
  scope: string[];
}

export interface ContentContext {
  world: InstagramWorld;
  clock: EmulatorClock;
  auth(req: EmulatorRequest): IgAuth;
  baseUrl(): string;
}

/** The path's optional version prefix: `/v25.0/me` and `/me` both reach the node. */
const V = '(?:/(?<version>v\\d+\\.\\d+))?';
const at = (rest: string) => new RegExp(`^${V}${rest}$`);

export function contentRoutes(ctx: ContentContext): EmulatorRoute[] {
  return [
    { method: 'GET', path: at('/me'), handle: (req) => me(ctx, req) },
    { method: 'GET', path: at('/(?<ig>\\d+)/media'), handle: (req) => listMedia(ctx, req) },
    { method: 'POST', path: at('/(?<ig>\\d+)/media'), handle: (req) => createContainer(ctx, req) },
    { method: 'POST', path: at('/(?<ig>\\d+)/media_publish'), handle: (req) => publish(ctx, req) },
    { method: 'GET', path: at('/(?<ig>\\d+)/content_publishing_limit'), handle: (req) => publishingLimit(ctx, req) },
    { method: 'GET', path: at('/(?<id>\\d+)'), handle: (req) => readNode(ctx, req) },
  ];
}

/** Graph takes parameters in the query string or a form (or JSON) body alike. */
export function paramsOf(req: EmulatorRequest): URLSearchParams {
  const p = new URLSearchParams(req.query);
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded'))
    for (const [k, v] of new URLSearchParams(req.rawBody)) p.set(k, v);
  else if (req.json && typeof req.json === 'object')
    for (const [k, v] of Object.entries(req.json as Record<string, unknown>))
      if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') p.set(k, String(v));
  return p;
}

const ok = (json: unknown): EmulatorReply => ({ status: 200, headers: { 'x-fb-trace-id': traceId() }, json });
const fieldsOf = (p: URLSearchParams) =>
  (p.get('fields') ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
const pick = (all: Record<string, unknown>, fields: string[]) =>
  Object.fromEntries(['id', ...fields].filter((f) => all[f] !== undefined).map((f) => [f, all[f]]));
/** Graph's timestamp format: `2017-08-31T18:10:00+0000`. */
const graphTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+0000');

/** The token's own account, with the permission a route needs; anything else is Graph's "no such object". */
function guard(ctx: ContentContext, req: EmulatorRequest, scope: string, ig?: string): EmulatorReply | IgAuth {
  const auth = ctx.auth(req);
  if (ig !== undefined && ig !== auth.accountId) return graphError(GRAPH.noSuchObject);
  if (!auth.scope.includes(scope)) return graphError(GRAPH.noPermission);
  return auth;
}
const refused = (g: EmulatorReply | IgAuth): g is EmulatorReply => 'status' in g;

function me(ctx: ContentContext, req: EmulatorRequest): EmulatorReply {
  const g = guard(ctx, req, SCOPE_BASIC);
  if (refused(g)) return g;
  const a = ctx.world.account(g.accountId)!;
  // `id` is app-scoped; `user_id` is the professional account's id every edge is addressed by.
  const all = {
    id: `9${a.id.slice(1)}`,
    user_id: a.id,
    username: a.handle,
    name: a.displayName,
    ...followerFields(ctx, a.id),
  };
  return ok(pick(all, fieldsOf(paramsOf(req))));
}

function mediaNode(ctx: ContentContext, m: IgMediaRecord, viewer: string): Record<string, unknown> {
  const account = ctx.world.account(m.accountId)!;
  return {
    id: m.id,
    caption: m.caption || undefined,
    media_type: m.mediaType,
    media_product_type: m.productType,
    permalink: `${ctx.baseUrl()}/p/${m.shortcode}/`,
    shortcode: m.shortcode,
    timestamp: graphTime(m.timestamp),
    username: account.handle,
    // Only returned to the app user who created the media.
    owner: viewer === m.accountId ? { id: m.accountId } : undefined,
  };
}

function listMedia(ctx: ContentContext, req: EmulatorRequest): EmulatorReply {
  const g = guard(ctx, req, SCOPE_BASIC, req.params.ig);
  if (refused(g)) return g;
  const p = paramsOf(req);
  const since = p.get('since') ? Number(p.get('since')) * 1000 : -Infinity;
  const until = p.get('until') ? Number(p.get('until')) * 1000 : Infinity;
  const limit = Math.min(100, Math.max(1, Number(p.get('limit') ?? '25') || 25));
  const offset = p.get('after') ? Number(Buffer.from(p.get('after')!, 'base64url').toString('utf8')) || 0 : 0;
  const all = ctx.world.mediaOf(g.accountId).filter((m) => m.timestamp >= since && m.timestamp <= until);
  const page = all.slice(offset, offset + limit);
  const fields = fieldsOf(p);
  const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
  const next = new URLSearchParams(p);
  next.delete('access_token');
  next.set('after', cursor(offset + page.length));
  return ok({
    data: page.map((m) => pick(mediaNode(ctx, m, g.accountId), fields)),
    paging: {
      cursors: { before: cursor(offset), after: cursor(offset + page.length) },
      ...(offset + page.length < all.length ? { next: `${ctx.baseUrl()}${req.path}?${next}` } : {}),
    },
  });
}

async function readNode(ctx: ContentContext, req: EmulatorRequest): Promise<EmulatorReply> {
  const g = guard(ctx, req, SCOPE_BASIC);
  if (refused(g)) return g;
  // The token's own IG user node: its fields are expressions (mention reads), not a flat list.
  if (req.params.id === g.accountId) return userNode(ctx.world, g, paramsOf(req).get('fields') ?? '');
  const fields = fieldsOf(paramsOf(req));
  const c = ctx.world.containers.get(req.params.id ?? '');
  if (c && c.accountId === g.accountId) {
    const status = await ctx.world.statusOf(c, true);
    // With ERROR, `status` carries the error subcode.
    const detail =
      status === 'ERROR'
        ? String(c.error?.subcode ?? '')
        : status === 'FINISHED'
          ? 'Finished: Media has been uploaded and it is ready to be published.'
          : undefined;
    return ok(pick({ id: c.id, status_code: status, status: detail }, fields));
  }
  const m = ctx.world.media.get(req.params.id ?? '');
  if (m && m.accountId === g.accountId) return ok(pick(mediaNode(ctx, m, g.accountId), fields));
  return graphError(GRAPH.noSuchObject);
}

async function createContainer(ctx: ContentContext, req: EmulatorRequest): Promise<EmulatorReply> {
  const g = guard(ctx, req, SCOPE_PUBLISH, req.params.ig);
  if (refused(g)) return g;
  const { world, clock } = ctx;
  const p = paramsOf(req);
  const caption = p.get('caption') ?? '';
  if ([...caption].length > MAX_CAPTION) return graphError(GRAPH.invalidParameter);
  const carouselItem = p.get('is_carousel_item') === 'true';
  const type = (p.get('media_type') ?? (p.get('image_url') ? 'IMAGE' : '')).toUpperCase();
  const base: IgContainerRecord = {
    id: world.nextId(),
    accountId: g.accountId,
    kind: 'IMAGE',
    carouselItem,
    caption: carouselItem ? '' : caption,
    children: [],
    createdAt: clock.now(),
    pollsLeft: 0,
    status: 'FINISHED',
    media: [],
  };
  const store = (c: IgContainerRecord) => {
    world.containers.set(c.id, c);
    return ok({ id: c.id });
  };
  switch (type) {
    case 'IMAGE': {
      const url = p.get('image_url');
      if (!url) return graphError(GRAPH.invalidParameter);
      // Images are fetched while the request waits: a download problem is the answer to this call.
      const verdict = await checkImage(url, world.downloadTimeoutMs);
      if (!verdict.ok) return graphError(verdict.error);
      return store({ ...base, kind: 'IMAGE', media: [verdict.media] });
    }
    case 'REELS':
    case 'VIDEO': {
      const url = p.get('video_url');
      // Single feed videos are reels since July 2023; VIDEO remains only for carousel items.
      if (!url || (type === 'VIDEO') !== carouselItem) return graphError(GRAPH.invalidParameter);
      // Videos are fetched and processed in the background: the container reports IN_PROGRESS meanwhile.
      const pending = checkVideo(url, world.downloadTimeoutMs);
      return store({ ...base, kind: type, status: 'IN_PROGRESS', pollsLeft: world.videoProcessingPolls, pending });
    }
    case 'CAROUSEL': {
      const ids = (p.get('children') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (carouselItem || ids.length < 2 || ids.length > CAROUSEL_MAX) return graphError(GRAPH.invalidParameter);
      const children: IgContainerRecord[] = [];
      for (const id of ids) {
        const child = world.containers.get(id);
        if (!child || child.accountId !== g.accountId || !child.carouselItem) return graphError(GRAPH.invalidParameter);
        const status = await world.statusOf(child, false);
        if (status === 'IN_PROGRESS') return graphError(IG_ERRORS.notReady);
        if (status !== 'FINISHED') return graphError(child.error ?? IG_ERRORS.containerExpired);
        children.push(child);
      }
      return store({ ...base, kind: 'CAROUSEL', children: ids, media: children.flatMap((c) => c.media) });
    }
    default:
      return graphError(GRAPH.invalidParameter);
  }
}

async function publish(ctx: ContentContext, req: EmulatorRequest): Promise<EmulatorReply> {
  const g = guard(ctx, req, SCOPE_PUBLISH, req.params.ig);
  if (refused(g)) return g;
  const { world } = ctx;
  const c = world.containers.get(paramsOf(req).get('creation_id') ?? '');
  if (!c || c.accountId !== g.accountId || c.carouselItem) return graphError(GRAPH.invalidParameter);
  if (world.blocked.has(g.accountId)) return graphError(IG_ERRORS.actionBlocked);
  const status = await world.statusOf(c, false);
  if (status === 'EXPIRED') return graphError(IG_ERRORS.containerExpired);
  if (status === 'IN_PROGRESS') return graphError(IG_ERRORS.notReady);
  if (status === 'ERROR') return graphError(c.error ?? IG_ERRORS.createFailed);
  if (status === 'PUBLISHED') return graphError(GRAPH.invalidParameter);
  if (world.usage(g.accountId) >= world.quotaTotal) return graphError(IG_ERRORS.dailyLimit);
  const m = world.publish(c);
  if (world.hangAfterPublish > 0) {
    world.hangAfterPublish -= 1;
    // Applied, and the answer never leaves: the client's deadline fires (cut when the emulator closes).
    return new Promise<EmulatorReply>(() => undefined);
  }
  return ok({ id: m.id });
}

function publishingLimit(ctx: ContentContext, req: EmulatorRequest): EmulatorReply {
  const g = guard(ctx, req, SCOPE_PUBLISH, req.params.ig);
  if (refused(g)) return g;
  const fields = fieldsOf(paramsOf(req));
  const row: Record<string, unknown> = { quota_usage: ctx.world.usage(g.accountId) };
  if (fields.includes('config'))
    row.config = { quota_total: ctx.world.quotaTotal, quota_duration: ctx.world.quotaDurationSeconds };
  return ok({ data: [row] });
}
