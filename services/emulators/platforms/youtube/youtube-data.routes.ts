import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { YouTubeContext } from './youtube-context';
import { caller, etag, partsOf, READ_SCOPES, videoResource } from './youtube-context';
import { documented, googleErrorBody } from './youtube-google-errors';
import { channelStatistics } from './youtube-statistics';

/**
 * The read side of the Data API:
 * - https://developers.google.com/youtube/v3/docs/channels/list (part; mine=true or id)
 * - https://developers.google.com/youtube/v3/docs/videos/list (part; id, comma-separated, at most 50)
 * - https://developers.google.com/youtube/v3/docs/playlistItems/list (part; playlistId; maxResults 0–50, default 5;
 *   pageToken / nextPageToken)
 */
export function dataRoutes(ctx: YouTubeContext): EmulatorRoute[] {
  return [
    { method: 'GET', path: '/youtube/v3/channels', handle: (req) => channels(ctx, req) },
    { method: 'GET', path: '/youtube/v3/videos', handle: (req) => videos(ctx, req) },
    { method: 'GET', path: '/youtube/v3/playlistItems', handle: (req) => playlistItems(ctx, req) },
  ];
}

function invalidParameter(name: string, message: string): EmulatorReply {
  return { status: 400, json: googleErrorBody(400, 'invalidParameter', 'youtube.parameter', `${name}: ${message}`) };
}

function channels(ctx: YouTubeContext, req: EmulatorRequest): EmulatorReply {
  const parts = partsOf(req);
  if (!parts) return documented('missingRequiredParameter');
  const who = caller(ctx, req, 'channels.list', READ_SCOPES);
  if ('reply' in who) return who.reply;
  let found;
  if (req.query.get('mine') === 'true') found = [ctx.world.channels.get(who.channelId)];
  else if (req.query.get('id'))
    found = req.query
      .get('id')!
      .split(',')
      .map((id) => ctx.world.channels.get(id));
  else return documented('missingRequiredParameter');
  const items = found
    .filter((c) => c !== undefined)
    .map((c) => ({
      kind: 'youtube#channel',
      etag: etag(),
      id: c.id,
      ...(parts.includes('snippet')
        ? { snippet: { title: c.title, description: '', customUrl: c.handle, publishedAt: c.createdAt } }
        : {}),
      ...(parts.includes('contentDetails')
        ? { contentDetails: { relatedPlaylists: { likes: '', uploads: c.uploadsPlaylistId } } }
        : {}),
      ...(parts.includes('statistics') ? { statistics: channelStatistics(ctx.world, c) } : {}),
    }));
  return {
    status: 200,
    json: {
      kind: 'youtube#channelListResponse',
      etag: etag(),
      pageInfo: { totalResults: items.length, resultsPerPage: 5 },
      items,
    },
  };
}

function videos(ctx: YouTubeContext, req: EmulatorRequest): EmulatorReply {
  const parts = partsOf(req);
  const ids = req.query.get('id');
  if (!parts || !ids) return documented('missingRequiredParameter');
  const list = ids.split(',').filter(Boolean);
  if (list.length > 50) return invalidParameter('id', 'at most 50 ids');
  const who = caller(ctx, req, 'videos.list', READ_SCOPES);
  if ('reply' in who) return who.reply;
  const items = list
    .map((id) => ctx.world.videos.get(id))
    .filter((v) => v !== undefined && ctx.world.visible(v, who.channelId))
    .map((v) => {
      const item = videoResource(ctx, v!, parts);
      // Processing ends some time after the upload; one read later is as good a moment as any.
      v!.uploadStatus = 'processed';
      return item;
    });
  return {
    status: 200,
    json: {
      kind: 'youtube#videoListResponse',
      etag: etag(),
      pageInfo: { totalResults: items.length, resultsPerPage: items.length },
      items,
    },
  };
}

function playlistItems(ctx: YouTubeContext, req: EmulatorRequest): EmulatorReply {
  const parts = partsOf(req);
  const playlistId = req.query.get('playlistId');
  if (!parts || !playlistId) return documented('missingRequiredParameter');
  const max = Number(req.query.get('maxResults') ?? '5');
  if (!Number.isInteger(max) || max < 0 || max > 50) return invalidParameter('maxResults', 'between 0 and 50');
  const token = req.query.get('pageToken');
  const offset = token === null ? 0 : decodeToken(token);
  if (offset === null) return documented('invalidPageToken');
  const who = caller(ctx, req, 'playlistItems.list', READ_SCOPES);
  if ('reply' in who) return who.reply;
  const channel = ctx.world.channelOfPlaylist(playlistId);
  if (!channel) return documented('playlistNotFound');
  const all = (ctx.world.uploads.get(channel.id) ?? [])
    .map((id) => ctx.world.videos.get(id)!)
    .filter((v) => ctx.world.visible(v, who.channelId));
  const page = all.slice(offset, offset + max);
  const next = offset + max < all.length ? encodeToken(offset + max) : undefined;
  const items = page.map((v, i) => ({
    kind: 'youtube#playlistItem',
    etag: etag(),
    id: Buffer.from(`${playlistId}.${v.id}`).toString('base64url'),
    ...(parts.includes('snippet')
      ? {
          snippet: {
            publishedAt: v.publishedAt,
            channelId: v.channelId,
            title: v.title,
            description: v.description,
            channelTitle: channel.title,
            playlistId,
            position: offset + i,
            resourceId: { kind: 'youtube#video', videoId: v.id },
          },
        }
      : {}),
    ...(parts.includes('contentDetails') ? { contentDetails: { videoId: v.id, videoPublishedAt: v.publishedAt } } : {}),
    ...(parts.includes('status') ? { status: { privacyStatus: v.privacyStatus } } : {}),
  }));
  return {
    status: 200,
    json: {
      kind: 'youtube#playlistItemListResponse',
      etag: etag(),
      ...(next ? { nextPageToken: next } : {}),
      ...(offset > 0 ? { prevPageToken: encodeToken(Math.max(0, offset - max)) } : {}),
      pageInfo: { totalResults: all.length, resultsPerPage: max },
      items,
    },
  };
}

// Page tokens are opaque to clients; here an offset, wrapped so that a client cannot build one.
function encodeToken(offset: number): string {
  return Buffer.from(`emu:${offset}`).toString('base64url');
}

function decodeToken(token: string): number | null {
  const m = /^emu:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}
