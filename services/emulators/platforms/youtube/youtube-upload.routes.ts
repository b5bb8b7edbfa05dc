import { createHash, randomBytes } from 'node:crypto';
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { YouTubeContext } from './youtube-context';
import { caller, etag, partsOf, UPLOAD_SCOPES, videoResource } from './youtube-context';
import { documented, googleErrorBody } from './youtube-google-errors';
import type { EmuSession } from './youtube-world';

/**
 * Uploads, as the reference describes them:
 * - https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol (POST …?uploadType=resumable with
 *   the video resource and X-Upload-Content-Length/-Type → 200 + Location; PUT bytes with Content-Range, chunks in
 *   multiples of 256 KiB; 308 Resume Incomplete with `Range: bytes=0-N`; `Content-Range: bytes *\/total` asks for the
 *   status; 200/201 with the video once complete; 404 for an expired session)
 * - https://developers.google.com/youtube/v3/docs/videos/insert (video/* or application/octet-stream, at most 256 GB;
 *   title ≤ 100 characters and description ≤ 5,000 bytes, neither with < or >; unaudited projects' uploads private)
 * - https://developers.google.com/youtube/v3/docs/videos#snippet.categoryId, https://developers.google.com/youtube/v3/docs/videoCategories
 * - https://developers.google.com/youtube/v3/docs/thumbnails/set (image/jpeg, image/png, application/octet-stream;
 *   at most 2 MB; the channel must be allowed custom thumbnails)
 */
const CHUNK_UNIT = 256 * 1024;
const MAX_VIDEO_BYTES = 256 * 1024 ** 3;
const MAX_THUMBNAIL_BYTES = 2 * 1024 * 1024;
const CATEGORIES = new Set(['1', '2', '10', '15', '17', '19', '20', '22', '23', '24', '25', '26', '27', '28', '29']);
const PRIVACY = new Set(['public', 'private', 'unlisted']);
const VIDEOS_PATH = '/upload/youtube/v3/videos';

export function uploadRoutes(ctx: YouTubeContext): EmulatorRoute[] {
  return [
    { method: 'POST', path: VIDEOS_PATH, handle: (req) => openSession(ctx, req) },
    { method: 'PUT', path: VIDEOS_PATH, handle: (req) => putBytes(ctx, req) },
    { method: 'POST', path: '/upload/youtube/v3/thumbnails/set', handle: (req) => setThumbnail(ctx, req) },
  ];
}

const bad = (message: string): EmulatorReply => ({
  status: 400,
  json: googleErrorBody(400, 'badRequest', 'global', message),
});

interface VideoMetadata {
  snippet?: { title?: unknown; description?: unknown; categoryId?: unknown; tags?: unknown };
  status?: { privacyStatus?: unknown };
}

function openSession(ctx: YouTubeContext, req: EmulatorRequest): EmulatorReply {
  if (req.query.get('uploadType') !== 'resumable') return bad('this emulator takes uploadType=resumable only');
  const parts = partsOf(req);
  if (!parts) return documented('missingRequiredParameter');
  // Authentication, scope and quota come first: Google charges a refused request too.
  const who = caller(ctx, req, 'videos.insert', UPLOAD_SCOPES);
  if ('reply' in who) return who.reply;
  if (req.jsonError || typeof req.json !== 'object' || req.json === null)
    return bad('the body is not a video resource');
  const meta = req.json as VideoMetadata;
  if (meta.snippet && !parts.includes('snippet')) return bad('snippet is set but part does not name it');
  if (meta.status && !parts.includes('status')) return bad('status is set but part does not name it');
  const type = req.headers['x-upload-content-type'];
  if (type && !type.startsWith('video/') && type !== 'application/octet-stream') return documented('badContent');
  const declared = req.headers['x-upload-content-length'];
  const total = declared === undefined ? null : Number(declared);
  if (total !== null && (!Number.isInteger(total) || total < 0)) return bad('X-Upload-Content-Length is not a size');
  if (total !== null && total > MAX_VIDEO_BYTES) return documented('uploadTooLarge');

  const title = meta.snippet?.title;
  if (typeof title !== 'string' || !title.trim() || [...title].length > 100 || /[<>]/.test(title))
    return documented('invalidTitle');
  const description = meta.snippet?.description ?? '';
  if (typeof description !== 'string' || Buffer.byteLength(description) > 5000 || /[<>]/.test(description))
    return documented('invalidDescription');
  const categoryId = meta.snippet?.categoryId ?? '22';
  if (typeof categoryId !== 'string' || !CATEGORIES.has(categoryId)) return documented('invalidCategoryId');
  const privacy = meta.status?.privacyStatus ?? 'public';
  if (typeof privacy !== 'string' || !PRIVACY.has(privacy)) return documented('invalidVideoMetadata');

  const session: EmuSession = {
    id: randomBytes(24).toString('base64url'),
    channelId: who.channelId,
    parts,
    title,
    description,
    categoryId,
    privacyStatus: privacy,
    contentType: type ?? 'application/octet-stream',
    total,
    chunks: [],
    received: 0,
    createdAt: ctx.world.clock.now(),
  };
  ctx.world.sessions.set(session.id, session);
  const location = new URL(VIDEOS_PATH, ctx.baseUrl());
  location.search = new URLSearchParams({
    uploadType: 'resumable',
    part: parts.join(','),
    upload_id: session.id,
  }).toString();
  return { status: 200, headers: { location: location.toString(), 'x-guploader-uploadid': session.id } };
}

type Range = { query: true; total: number } | { query: false; start: number; end: number; total: number | null };

function parseRange(header: string | undefined, bodyLength: number): Range | null {
  if (header === undefined)
    return bodyLength > 0 ? { query: false, start: 0, end: bodyLength - 1, total: bodyLength } : null;
  const q = /^bytes \*\/(\d+)$/.exec(header.trim());
  if (q) return { query: true, total: Number(q[1]) };
  const r = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(header.trim());
  if (!r) return null;
  return { query: false, start: Number(r[1]), end: Number(r[2]), total: r[3] === '*' ? null : Number(r[3]) };
}

async function putBytes(ctx: YouTubeContext, req: EmulatorRequest): Promise<EmulatorReply> {
  const session = ctx.world.session(req.query.get('upload_id'));
  if (!session) return documented('notFound');
  const who = caller(ctx, req, 'videos.upload', UPLOAD_SCOPES);
  if ('reply' in who) return who.reply;
  if (who.channelId !== session.channelId) return documented('forbidden');
  const range = parseRange(req.headers['content-range'], req.rawBytes.length);
  if (!range) return req.rawBytes.length ? bad('Content-Range is malformed') : documented('mediaBodyRequired');
  if (range.query) {
    if (session.total !== null && range.total !== session.total) return bad('Content-Range names another total size');
    return sessionAnswer(ctx, session);
  }
  const total = range.total ?? session.total;
  if (session.total !== null && total !== null && total !== session.total)
    return bad('Content-Range names another total size');
  if (range.start !== session.received) return bad('Content-Range does not start where the upload stands');
  const length = range.end - range.start + 1;
  if (length !== req.rawBytes.length) return bad('Content-Range does not match the body');
  const last = total !== null && range.end + 1 === total;
  if (!last && length % CHUNK_UNIT !== 0) return bad('chunks other than the last must be multiples of 256 KiB');
  if (total !== null && range.end + 1 > total) return bad('Content-Range goes past the total size');

  const hang = ctx.world.nextDataPut();
  if (hang && !hang.applyFirst) return holdForever(ctx);
  session.total ??= total;
  session.chunks.push(Buffer.from(req.rawBytes));
  session.received += length;
  if (last) {
    const bytes = Buffer.concat(session.chunks);
    session.chunks = [];
    ctx.world.finish(session, {
      contentType: session.contentType,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.length,
    });
  }
  // The answer is lost after the platform applied it: the unknown outcome the session query cures.
  if (hang) return holdForever(ctx);
  return sessionAnswer(ctx, session);
}

/** 308 with what arrived so far, or the video once it all did. */
function sessionAnswer(ctx: YouTubeContext, s: EmuSession): EmulatorReply {
  const video = s.videoId ? ctx.world.videos.get(s.videoId) : undefined;
  if (video) return { status: 200, json: videoResource(ctx, video, s.parts) };
  return { status: 308, headers: s.received > 0 ? { range: `bytes=0-${s.received - 1}` } : {} };
}

/** Never answers, until the emulator closes (the client's deadline fires first). */
function holdForever(ctx: YouTubeContext): Promise<EmulatorReply> {
  return new Promise((resolve) => {
    const release = () => resolve({ status: 503, json: googleErrorBody(503, 'backendError', 'global', 'closed') });
    ctx.hangs.add(release);
  });
}

const IMAGE_MAGIC: [string, Buffer][] = [
  ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff])],
  ['image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
];

function setThumbnail(ctx: YouTubeContext, req: EmulatorRequest): EmulatorReply {
  const videoId = req.query.get('videoId');
  if (!videoId) return documented('missingRequiredParameter');
  const who = caller(ctx, req, 'thumbnails.set', UPLOAD_SCOPES);
  if ('reply' in who) return who.reply;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
  if (!['image/jpeg', 'image/png', 'application/octet-stream'].includes(type)) return documented('invalidImage');
  if (req.rawBytes.length === 0) return documented('mediaBodyRequired');
  if (req.rawBytes.length > MAX_THUMBNAIL_BYTES) return documented('uploadTooLarge');
  const format = IMAGE_MAGIC.find(([, magic]) => req.rawBytes.subarray(0, magic.length).equals(magic));
  if (!format) return documented('invalidImage');
  const video = ctx.world.videos.get(videoId);
  if (!video || !ctx.world.visible(video, who.channelId)) return documented('videoNotFound');
  const channel = ctx.world.channels.get(who.channelId);
  if (video.channelId !== who.channelId || !channel?.customThumbnails) return documented('forbidden');
  video.thumbnail = {
    contentType: format[0],
    sha256: createHash('sha256').update(req.rawBytes).digest('hex'),
    size: req.rawBytes.length,
  };
  const url = (size: string) => `https://i.ytimg.com/vi/${video.id}/${size}.jpg`;
  return {
    status: 200,
    json: {
      kind: 'youtube#thumbnailSetResponse',
      etag: etag(),
      items: [
        {
          default: { url: url('default'), width: 120, height: 90 },
          medium: { url: url('mqdefault'), width: 320, height: 180 },
          high: { url: url('hqdefault'), width: 480, height: 360 },
        },
      ],
    },
  };
}
