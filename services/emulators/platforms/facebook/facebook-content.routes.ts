import { createHash } from 'node:crypto';
import type { EmulatorReply, EmulatorRoute } from '../../emulator-server';
import { fetchMedia } from '../kit/fetch-media';
import { graphError } from './facebook-graph-errors';
import { pageFollowerFields, postCountFields } from './facebook-insights.routes';
import type { GraphContext, GraphSettings, UploadedFile } from './facebook-graph-route';
import { graphRoute } from './facebook-graph-route';
import type { FbMedia, FbPost, FbVideo } from './facebook-world';
import { graphTimestamp } from './facebook-world';

/**
 * Publishing and reading a Page's content, per the Pages API and Graph reference:
 * - https://developers.facebook.com/documentation/pages-api/posts (POST /{page-id}/feed: message, link; the
 *   pages_manage_posts + pages_read_engagement permissions and the CREATE_CONTENT task)
 * - https://developers.facebook.com/docs/graph-api/photo-uploads and …/reference/page/photos (POST /{page-id}/photos
 *   with `source` or `url`, `caption`, `published`; multi-photo posts: unpublished photos + attached_media on /feed;
 *   JPEG, BMP, PNG, GIF, TIFF)
 * - https://developers.facebook.com/docs/graph-api/reference/page/videos, …/video-api/guides/publishing and
 *   …/video-api/reference/error-codes (POST /{page-id}/videos, processing status, 1 KB minimum, 1363023 too large)
 * - https://developers.facebook.com/docs/graph-api/reference/page/feed (GET /{page-id}/posts with since, limit,
 *   paging.next) and the error-handling guide (506 duplicate, 100/33 unknown object).
 */
export interface ContentOptions {
  /** GET /{video-id} polls a new video answers `processing` before it is `ready` */
  videoProcessingPolls: number;
  /** the next uploaded video ends in `error` */
  failNextVideo: boolean;
  maxVideoBytes: number;
  /** the largest `limit` a list honours (Graph: 100); tests lower it to walk pages */
  maxPageSize: number;
}

const MAX_MESSAGE = 63_206;
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const MIN_VIDEO_BYTES = 1024;
const PUBLISH_SCOPES = ['pages_manage_posts', 'pages_read_engagement'];

export function contentRoutes(s: GraphSettings, o: ContentOptions): EmulatorRoute[] {
  const { world } = s;

  /** Only the Page's own token, with both permissions and a person who may create content there. */
  const mayPublish = (ctx: GraphContext, pageId: string): EmulatorReply | undefined => {
    const c = ctx.caller;
    if (c.kind !== 'page' || c.pageId !== pageId)
      return graphError(403, 200, '(#200) Requires a Page access token of this Page');
    if (!PUBLISH_SCOPES.every((p) => c.scope.includes(p)))
      return graphError(403, 200, '(#200) Requires both pages_read_engagement and pages_manage_posts permission');
    const tasks = (c.userId && world.users.get(c.userId)?.roles.get(pageId)) || [];
    if (!tasks.includes('CREATE_CONTENT'))
      return graphError(403, 10, '(#10) The user must be able to perform the CREATE_CONTENT task on the Page');
    return undefined;
  };
  const mayRead = (ctx: GraphContext, pageId: string): EmulatorReply | undefined => {
    const c = ctx.caller;
    if (c.kind !== 'page' || c.pageId !== pageId || !c.scope.includes('pages_read_engagement')) return unknownObject();
    return undefined;
  };

  const newPost = (pageId: string, p: Omit<FbPost, 'id' | 'pageId' | 'createdAt'>): FbPost => {
    const post: FbPost = { id: `${pageId}_${world.nextId()}`, pageId, createdAt: world.clock.now(), ...p };
    world.posts.set(post.id, post);
    return post;
  };

  const page = (ctx: GraphContext, id: string): EmulatorReply => {
    const p = world.pages.get(id);
    if (!p) return unknownObject();
    return ok(pick({ id: p.id, name: p.displayName, username: p.username, ...pageFollowerFields(world, id) }, ctx));
  };

  return [
    graphRoute(s, 'GET', /^\/me$/, 'any', (ctx) => {
      const c = ctx.caller;
      if (c.kind === 'page') return page(ctx, c.pageId);
      if (c.kind === 'user') return ok(pick({ id: c.userId, name: world.users.get(c.userId)?.name }, ctx));
      return graphError(400, 2500, 'An active access token must be used to query information about the current user.');
    }),

    graphRoute(s, 'POST', /^\/(?<page>\d+)\/feed$/, 'page', (ctx) => {
      const pageId = ctx.req.params.page!;
      const refused = mayPublish(ctx, pageId);
      if (refused) return refused;
      const message = ctx.params.get('message') ?? '';
      const link = ctx.params.get('link') ?? undefined;
      if (message.length > MAX_MESSAGE) return graphError(400, 100, '(#100) The message is too long');
      if (link !== undefined && !/^https?:\/\/[^\s]+$/.test(link))
        return graphError(400, 100, '(#100) link URL is not properly formatted');
      const attached = [...ctx.params.entries()].filter(([k]) => /^attached_media\[\d+\]$/.test(k)).map(([, v]) => v);
      const photos = [];
      for (const raw of attached) {
        const id = mediaFbid(raw);
        const photo = id ? world.photos.get(id) : undefined;
        if (!photo || photo.pageId !== pageId || photo.published || photo.postId)
          return graphError(400, 100, '(#100) attached_media must name unpublished photos of this Page');
        photos.push(photo);
      }
      if (!message && !link && !photos.length) return graphError(400, 100, '(#100) Missing message or attachment');
      if (!photos.length && isDuplicate(pageId, message, link)) return graphError(400, 506, 'Duplicate status message');
      const post = newPost(pageId, {
        message,
        link,
        kind: photos.length ? 'photos' : 'status',
        media: photos.map((p) => p.media),
        visible: true,
      });
      for (const p of photos) p.postId = post.id;
      return ok({ id: post.id });
    }),

    graphRoute(s, 'POST', /^\/(?<page>\d+)\/photos$/, 'page', async (ctx) => {
      const pageId = ctx.req.params.page!;
      const refused = mayPublish(ctx, pageId);
      if (refused) return refused;
      const file = await uploaded(ctx, 'source', 'url', MAX_PHOTO_BYTES);
      if (!file || !isImage(file.bytes)) return graphError(400, 324, '(#324) Missing or invalid image file');
      if (file.bytes.length > MAX_PHOTO_BYTES) return graphError(400, 324, '(#324) The image file is too large');
      const published = ctx.params.get('published') !== 'false';
      const media = describe(file);
      const id = world.nextId();
      world.photos.set(id, { id, pageId, media, published });
      if (!published) return ok({ id });
      const post = newPost(pageId, {
        message: ctx.params.get('caption') ?? '',
        kind: 'photo',
        media: [media],
        visible: true,
      });
      world.photos.get(id)!.postId = post.id;
      return ok({ id, post_id: post.id });
    }),

    graphRoute(s, 'POST', /^\/(?<page>\d+)\/videos$/, 'page', async (ctx) => {
      const pageId = ctx.req.params.page!;
      const refused = mayPublish(ctx, pageId);
      if (refused) return refused;
      const file = await uploaded(ctx, 'source', 'file_url', o.maxVideoBytes);
      if (!file) return graphError(400, 6000, 'There was a problem uploading your video file.');
      if (file.bytes.length < MIN_VIDEO_BYTES)
        return graphError(400, 6000, 'The video you tried to upload is too small.', { subcode: 1363022 });
      if (file.bytes.length > o.maxVideoBytes)
        return graphError(400, 6000, 'The video you tried to upload is too large.', { subcode: 1363023 });
      if (!isVideo(file.bytes))
        return graphError(400, 352, "(#352) Sorry, the video file you selected is in a format that we don't support.");
      const description = ctx.params.get('description') ?? '';
      const media = describe(file);
      const post = newPost(pageId, { message: description, kind: 'video', media: [media], visible: false });
      const video: FbVideo = {
        id: world.nextId(),
        pageId,
        postId: post.id,
        description,
        createdAt: post.createdAt,
        media,
        pollsLeft: o.videoProcessingPolls,
        status: o.failNextVideo ? 'error' : 'processing',
      };
      o.failNextVideo = false;
      world.videos.set(video.id, video);
      return ok({ id: video.id });
    }),

    graphRoute(s, 'GET', /^\/(?<page>\d+)\/videos$/, 'page', (ctx) => {
      const pageId = ctx.req.params.page!;
      const refused = mayRead(ctx, pageId);
      if (refused) return refused;
      const data = [...world.videos.values()]
        .filter((v) => v.pageId === pageId)
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, limitOf(ctx, o.maxPageSize))
        .map((v) => pick({ id: v.id, description: v.description, created_time: graphTimestamp(v.createdAt) }, ctx));
      return ok({ data, paging: { cursors: {} } });
    }),

    graphRoute(s, 'GET', /^\/(?<page>\d+)\/posts$/, 'page', (ctx) => {
      const pageId = ctx.req.params.page!;
      const refused = mayRead(ctx, pageId);
      if (refused) return refused;
      const since = timeParam(ctx.params.get('since'));
      const until = timeParam(ctx.params.get('until'));
      const all = [...world.posts.values()]
        .filter((p) => p.pageId === pageId && p.visible)
        .filter((p) => (since === undefined || p.createdAt >= since) && (until === undefined || p.createdAt <= until))
        .sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
      const start = Number(Buffer.from(ctx.params.get('after') ?? '', 'base64url').toString() || '0');
      const slice = all.slice(start, start + limitOf(ctx, o.maxPageSize));
      const end = start + slice.length;
      let next: string | undefined;
      if (end < all.length) {
        const q = new URLSearchParams(ctx.params);
        for (const k of ['access_token', 'after']) q.delete(k);
        q.set('after', Buffer.from(String(end)).toString('base64url'));
        next = `http://${ctx.req.headers.host}${ctx.req.path}?${q}`;
      }
      return ok({
        data: slice.map((p) => pick(postFields(p), ctx)),
        paging: { cursors: { after: Buffer.from(String(end)).toString('base64url') }, ...(next ? { next } : {}) },
      });
    }),

    graphRoute(s, 'GET', /^\/(?<id>\d+(?:_\d+)?)$/, 'page', (ctx) => {
      const id = ctx.req.params.id!;
      if (world.pages.has(id)) return page(ctx, id);
      const video = world.videos.get(id);
      if (video) {
        const refused = mayRead(ctx, video.pageId);
        if (refused) return refused;
        advance(world.posts, video);
        return ok(
          pick(
            {
              id: video.id,
              description: video.description,
              created_time: graphTimestamp(video.createdAt),
              status: { video_status: video.status },
              ...(video.status === 'ready' ? { post_id: video.postId } : {}),
            },
            ctx,
          ),
        );
      }
      const post = world.posts.get(id);
      if (!post || !post.visible || mayRead(ctx, post.pageId)) return unknownObject();
      return ok({ ...pick(postFields(post), ctx), ...postCountFields(world, post, ctx) });
    }),
  ];

  function postFields(p: FbPost) {
    const pg = world.pages.get(p.pageId);
    return {
      id: p.id,
      message: p.message || undefined,
      created_time: graphTimestamp(p.createdAt),
      permalink_url: `https://www.facebook.com/${pg?.username ?? p.pageId}/posts/${p.id.split('_')[1]}`,
      from: { id: p.pageId, name: pg?.displayName },
    };
  }

  /** Facebook refuses posting the same status twice in a row. */
  function isDuplicate(pageId: string, message: string, link: string | undefined): boolean {
    const last = [...world.posts.values()]
      .filter((p) => p.pageId === pageId && p.kind === 'status')
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    return last !== undefined && last.message.trim() === message.trim() && last.link === link;
  }
}

/** Each status poll moves processing along; at zero the video is ready and its post appears. */
function advance(posts: Map<string, FbPost>, v: FbVideo): void {
  if (v.status !== 'processing') return;
  if (v.pollsLeft > 0) v.pollsLeft -= 1;
  if (v.pollsLeft > 0) return;
  v.status = 'ready';
  const post = posts.get(v.postId);
  if (post) post.visible = true;
}

async function uploaded(
  ctx: GraphContext,
  fileField: string,
  urlField: string,
  maxBytes: number,
): Promise<UploadedFile | undefined> {
  const file = ctx.files.get(fileField);
  if (file) return file;
  const url = ctx.params.get(urlField);
  if (!url) return undefined;
  const got = await fetchMedia(url, { maxBytes, timeoutMs: 10_000 });
  return got.ok ? { bytes: got.bytes, contentType: got.contentType } : undefined;
}

function describe(f: UploadedFile): FbMedia {
  return {
    contentType: f.contentType,
    sha256: createHash('sha256').update(f.bytes).digest('hex'),
    size: f.bytes.length,
  };
}

/** JPEG, PNG, GIF, BMP, TIFF by their magic numbers: the declared type alone proves nothing. */
function isImage(b: Buffer): boolean {
  const hex = b.subarray(0, 4).toString('hex');
  return (
    hex.startsWith('ffd8ff') ||
    hex === '89504e47' ||
    hex.startsWith('474946') ||
    hex.startsWith('424d') ||
    hex === '49492a00' ||
    hex === '4d4d002a'
  );
}

/** MP4 / QuickTime: an `ftyp` or `moov` box at offset 4. */
function isVideo(b: Buffer): boolean {
  const box = b.subarray(4, 8).toString('latin1');
  return box === 'ftyp' || box === 'moov' || box === 'wide' || box === 'mdat';
}

function mediaFbid(raw: string): string | undefined {
  try {
    const v = JSON.parse(raw) as { media_fbid?: unknown };
    return typeof v.media_fbid === 'string' ? v.media_fbid : undefined;
  } catch {
    return undefined;
  }
}

/** `since`/`until`: a Unix timestamp or a date string, as Graph's time-based pagination accepts. */
function timeParam(v: string | null): number | undefined {
  if (!v) return undefined;
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

function limitOf(ctx: GraphContext, max: number): number {
  const n = Number(ctx.params.get('limit') ?? '25');
  return Math.min(Number.isInteger(n) && n > 0 ? n : 25, max);
}

/** Only the fields asked for (and the id), as Graph answers a `fields` parameter. */
function pick(obj: Record<string, unknown>, ctx: GraphContext): Record<string, unknown> {
  const fields = ctx.params.get('fields');
  const wanted = fields
    ? new Set(['id', ...fields.split(',').map((f) => f.trim())])
    : new Set(['id', 'name', 'message', 'created_time']);
  return Object.fromEntries(Object.entries(obj).filter(([k, v]) => wanted.has(k) && v !== undefined));
}

function ok(json: unknown): EmulatorReply {
  return { status: 200, json };
}

function unknownObject(): EmulatorReply {
  return graphError(
    400,
    100,
    'Unsupported get request. Object does not exist, cannot be loaded due to missing permissions, or does not support this operation.',
    {
      subcode: 33,
      type: 'GraphMethodException',
    },
  );
}
