/**
 * Display API routes of the TikTok emulator, from:
 * - https://developers.tiktok.com/doc/tiktok-api-v2-get-user-info (GET /v2/user/info/?fields=..., fields by scope:
 *   user.info.basic open_id/union_id/avatar/display_name, user.info.profile username/bio/..., user.info.stats counts)
 * - https://developers.tiktok.com/doc/tiktok-api-v2-video-list (POST /v2/video/list/?fields=..., cursor, max_count
 *   up to 20, has_more; the user's public videos, newest first; video.list)
 * - https://developers.tiktok.com/doc/tiktok-api-v2-video-query (POST /v2/video/query/?fields=..., filters.video_ids
 *   up to 20; only the user's own videos)
 * - https://developers.tiktok.com/doc/tiktok-api-v2-video-object (id as a string, create_time in Unix seconds,
 *   title, video_description, share_url)
 */
import { z } from 'zod';
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { EmulatedPost } from '../kit/platform-emulator';
import type { TokenBook } from '../kit/token-book';
import { authorize, fail, isReply, jsonBody, ok, rateLimited } from './tiktok-emulator.wire';
import type { Creator, TikTokWorld } from './tiktok-emulator.world';
import { creatorCounts, videoCounts } from './tiktok-metrics';

const USER_FIELDS: Record<string, string> = {
  open_id: 'user.info.basic',
  union_id: 'user.info.basic',
  avatar_url: 'user.info.basic',
  avatar_url_100: 'user.info.basic',
  avatar_large_url: 'user.info.basic',
  display_name: 'user.info.basic',
  bio_description: 'user.info.profile',
  profile_deep_link: 'user.info.profile',
  is_verified: 'user.info.profile',
  username: 'user.info.profile',
  follower_count: 'user.info.stats',
  following_count: 'user.info.stats',
  likes_count: 'user.info.stats',
  video_count: 'user.info.stats',
};
const VIDEO_FIELDS = new Set([
  'id',
  'create_time',
  'cover_image_url',
  'share_url',
  'video_description',
  'duration',
  'height',
  'width',
  'title',
  'embed_html',
  'embed_link',
  'like_count',
  'comment_count',
  'share_count',
  'view_count',
]);
/** The emulator keeps `title` short (the full caption is video_description), so reading title for the caption shows. */
const TITLE_CHARS = 150;

const listSchema = z.object({
  cursor: z.number().int().nonnegative().optional(),
  max_count: z.number().int().optional(),
});
const querySchema = z.object({ filters: z.object({ video_ids: z.array(z.string()).min(1).max(20) }) });

export function displayRoutes(p: { world: TikTokWorld; tokens: TokenBook }): EmulatorRoute[] {
  const { world, tokens } = p;
  return [
    {
      method: 'GET',
      path: '/v2/user/info/',
      handle(req) {
        const caller = authorize(req, tokens, world, []);
        if (isReply(caller)) return caller;
        if (!world.hit(`user_info:${caller.tokenKey}`, 600)) return rateLimited();
        const fields = (req.query.get('fields') ?? '').split(',').filter(Boolean);
        if (!fields.length || fields.some((f) => !(f in USER_FIELDS)))
          return fail(400, 'invalid_params', 'fields is required and must name user fields.');
        if (fields.some((f) => !caller.scope.includes(USER_FIELDS[f]!)))
          return fail(
            401,
            'scope_not_authorized',
            'The user did not authorize the scope required for completing this request.',
          );
        const all = userObject(caller.creator, world);
        return ok({ user: Object.fromEntries(fields.map((f) => [f, all[f]])) });
      },
    },
    {
      method: 'POST',
      path: '/v2/video/list/',
      handle(req) {
        const checked = videoCall(req);
        if ('status' in checked) return checked;
        const body = listSchema.safeParse(jsonBody(req));
        if (!body.success) return fail(400, 'invalid_params', 'cursor and max_count must be integers.');
        const max = body.data.max_count ?? 10;
        if (max < 1 || max > 20) return fail(400, 'invalid_params', 'max_count must be between 1 and 20.');
        world.settle();
        const all = world.publicPosts(checked.creator.openId).slice().reverse();
        const from = body.data.cursor ?? 0;
        const page = all.slice(from, from + max);
        return ok({
          videos: page.map((v) => video(v, checked.fields, checked.creator, world.now())),
          cursor: from + page.length,
          has_more: from + page.length < all.length,
        });
      },
    },
    {
      method: 'POST',
      path: '/v2/video/query/',
      handle(req) {
        const checked = videoCall(req);
        if ('status' in checked) return checked;
        const body = querySchema.safeParse(jsonBody(req));
        if (!body.success) return fail(400, 'invalid_params', 'filters.video_ids must list 1 to 20 ids.');
        world.settle();
        const ids = new Set(body.data.filters.video_ids);
        const found = world.publicPosts(checked.creator.openId).filter((v) => ids.has(v.id));
        return ok({
          videos: found.map((v) => video(v, checked.fields, checked.creator, world.now())),
          cursor: 0,
          has_more: false,
        });
      },
    },
  ];

  function videoCall(req: EmulatorRequest): EmulatorReply | { creator: Creator; fields: string[] } {
    const caller = authorize(req, tokens, world, ['video.list']);
    if (isReply(caller)) return caller;
    if (!world.hit(`video:${caller.tokenKey}`, 600)) return rateLimited();
    const fields = (req.query.get('fields') ?? '').split(',').filter(Boolean);
    if (!fields.length || fields.some((f) => !VIDEO_FIELDS.has(f)))
      return fail(400, 'invalid_params', 'fields is required and must name video fields.');
    return { creator: caller.creator, fields };
  }
}

function userObject(c: Creator, world: TikTokWorld): Record<string, unknown> {
  return {
    open_id: c.openId,
    union_id: c.unionId,
    avatar_url: `https://p16-sign.tiktokcdn.com/${c.username}.jpeg`,
    avatar_url_100: `https://p16-sign.tiktokcdn.com/${c.username}-100.jpeg`,
    avatar_large_url: `https://p16-sign.tiktokcdn.com/${c.username}-large.jpeg`,
    display_name: c.nickname,
    bio_description: '',
    profile_deep_link: `https://vm.tiktok.com/${c.username}`,
    is_verified: false,
    username: c.username,
    ...creatorCounts(c, world),
    video_count: world.publicPosts(c.openId).length,
  };
}

function video(v: EmulatedPost, fields: string[], c: Creator, now: number): Record<string, unknown> {
  const all: Record<string, unknown> = {
    id: v.id,
    create_time: Math.floor(Date.parse(v.createdAt) / 1000),
    title: v.text.slice(0, TITLE_CHARS),
    video_description: v.text,
    share_url: `https://www.tiktok.com/@${c.username}/video/${v.id}`,
    cover_image_url: `https://p16-sign.tiktokcdn.com/cover/${v.id}.jpeg`,
    duration: 0,
    height: 1920,
    width: 1080,
    ...videoCounts(v, now),
  };
  return Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]]));
}
