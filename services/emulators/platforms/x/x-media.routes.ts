/**
 * Media upload v2, emulated. Sources:
 * - https://docs.x.com/x-api/media/quickstart/media-upload-chunked (initialize → append → finalize → status)
 * - https://docs.x.com/x-api/media/initialize-media-upload (media_type, total_bytes, media_category; data.id,
 *   media_key, expires_after_secs)
 * - https://docs.x.com/x-api/media/append-media-upload (multipart `media` + `segment_index` 0..999)
 * - https://docs.x.com/x-api/media/media-upload-finalize and https://docs.x.com/x-api/media/get-media-upload-status
 *   (processing_info: state pending | in_progress | succeeded | failed, check_after_secs, progress_percent)
 * - https://docs.x.com/x-api/media/introduction and .../quickstart/best-practices (5 MB images, 15 MB GIFs, 512 MB
 *   videos; APPEND chunks of at most 5 MB)
 * Enforced: the owner of the upload, chunk order without gaps, chunk size, total bytes at finalize, the bytes'
 * real type against media_type, category limits, expiry. Videos and GIFs take `videoPolls` status polls.
 */
import type { EmulatorReply, EmulatorRequest, EmulatorRoute } from '../../emulator-server';
import type { TokenBook } from '../kit/token-book';
import type { XEmulatorState, XUpload, XUploadCategory } from './x-emulator-state';
import { sha256 } from './x-emulator-state';
import { invalidRequest, problem } from './x-problems';
import { guarded } from './x-session';

const MB = 1024 * 1024;
const LIMITS: Record<XUploadCategory, { bytes: number; types: string[] }> = {
  tweet_image: {
    bytes: 5 * MB,
    types: ['image/jpeg', 'image/png', 'image/webp', 'image/bmp', 'image/pjpeg', 'image/tiff'],
  },
  tweet_gif: { bytes: 15 * MB, types: ['image/gif'] },
  tweet_video: { bytes: 512 * MB, types: ['video/mp4', 'video/quicktime', 'video/webm', 'video/mp2t'] },
};
const MAX_CHUNK = 5 * MB;
/** An upload not attached to a post expires after a day. */
const EXPIRES_AFTER_SECS = 86_400;
const KEY_PREFIX: Record<XUploadCategory, string> = { tweet_image: '3', tweet_gif: '16', tweet_video: '7' };

export function xMediaRoutes(state: XEmulatorState, tokens: TokenBook): EmulatorRoute[] {
  const write = (h: (req: EmulatorRequest, accountId: string) => EmulatorReply | Promise<EmulatorReply>) =>
    guarded(tokens, state, 'POST /2/media/upload', ['media.write'], (req, c) => h(req, c.accountId));
  const owned = (id: string | undefined, accountId: string): XUpload | EmulatorReply => {
    const u = id ? state.uploads.get(id) : undefined;
    if (!u || u.accountId !== accountId) return problem(404, 'Could not find the media upload', 'resource-not-found');
    if (state.clock.now() > u.expiresAt) return invalidRequest('The media upload has expired');
    return u;
  };
  return [
    { method: 'POST', path: '/2/media/upload/initialize', handle: write((req, a) => initialize(state, req, a)) },
    {
      method: 'POST',
      path: /^\/2\/media\/upload\/(?<id>[0-9]{1,19})\/append$/,
      handle: write(async (req, a) => {
        const u = owned(req.params.id, a);
        return 'status' in u ? u : append(state, u, req);
      }),
    },
    {
      method: 'POST',
      path: /^\/2\/media\/upload\/(?<id>[0-9]{1,19})\/finalize$/,
      handle: write((req, a) => {
        const u = owned(req.params.id, a);
        return 'status' in u ? u : finalize(state, u);
      }),
    },
    {
      method: 'GET',
      path: '/2/media/upload',
      handle: guarded(tokens, state, 'GET /2/media/upload', ['media.write'], (req, c) => {
        if (req.query.get('command') !== 'STATUS') return invalidRequest('command must be STATUS');
        const u = owned(req.query.get('media_id') ?? undefined, c.accountId);
        if ('status' in u) return u;
        if (!u.finalized) return invalidRequest('The media upload has not been finalized');
        state.statusPolls += 1;
        advance(u);
        return { status: 200, json: { data: mediaData(state, u) } };
      }),
    },
  ];
}

function initialize(state: XEmulatorState, req: EmulatorRequest, accountId: string): EmulatorReply {
  const body = (req.json ?? {}) as { media_type?: unknown; total_bytes?: unknown; media_category?: unknown };
  const type = typeof body.media_type === 'string' ? body.media_type : '';
  const total = typeof body.total_bytes === 'number' && Number.isInteger(body.total_bytes) ? body.total_bytes : -1;
  const category = (
    typeof body.media_category === 'string' ? body.media_category : defaultCategory(type)
  ) as XUploadCategory;
  const limits = LIMITS[category];
  if (!limits) return invalidRequest('media_category is not one of tweet_image, tweet_gif, tweet_video');
  if (!limits.types.includes(type)) return invalidRequest(`media_type is not valid for media_category ${category}`);
  if (total <= 0 || total > limits.bytes)
    return invalidRequest(`total_bytes must be 1..${limits.bytes} for ${category}`);
  const id = state.nextId();
  const upload: XUpload = {
    id,
    mediaKey: `${KEY_PREFIX[category]}_${id}`,
    accountId,
    mediaType: type,
    category,
    totalBytes: total,
    segments: new Map(),
    finalized: false,
    pollsLeft: 0,
    failProcessing: false,
    expiresAt: state.clock.now() + EXPIRES_AFTER_SECS * 1000,
  };
  state.uploads.set(id, upload);
  return { status: 200, json: { data: { id, media_key: upload.mediaKey, expires_after_secs: EXPIRES_AFTER_SECS } } };
}

async function append(state: XEmulatorState, u: XUpload, req: EmulatorRequest): Promise<EmulatorReply> {
  if (u.finalized) return invalidRequest('The media upload has already been finalized');
  const parsed = await readAppend(req);
  if (!parsed) return invalidRequest('media and segment_index are required (multipart/form-data)');
  const { segment, chunk } = parsed;
  if (!Number.isInteger(segment) || segment < 0 || segment > 999) return invalidRequest('segment_index must be 0..999');
  // A chunk may be sent again (it replaces itself), but never ahead of a missing one.
  if (segment > u.segments.size) return invalidRequest('segment_index is out of order: a segment before it is missing');
  if (chunk.length === 0 || chunk.length > MAX_CHUNK) return invalidRequest('media must be 1 byte to 5 MB per segment');
  u.segments.set(segment, chunk);
  state.appendLog.push({ mediaId: u.id, segment, bytes: chunk.length });
  return { status: 200, json: { data: { expires_at: Math.floor(u.expiresAt / 1000) } } };
}

function finalize(state: XEmulatorState, u: XUpload): EmulatorReply {
  if (u.finalized) return invalidRequest('The media upload has already been finalized');
  const parts = [...Array(u.segments.size).keys()].map((i) => u.segments.get(i));
  if (parts.some((p) => p === undefined)) return invalidRequest('Segments are missing');
  const bytes = Buffer.concat(parts as Buffer[]);
  if (bytes.length !== u.totalBytes) return invalidRequest('File size does not match total_bytes given at initialize');
  if (!looksLike(u.mediaType, bytes))
    return invalidRequest(`The media could not be processed: it is not ${u.mediaType}`);
  u.finalized = true;
  u.sha256 = sha256(bytes);
  if (u.category !== 'tweet_image') {
    u.state = 'pending';
    u.pollsLeft = state.videoPolls;
    u.failProcessing = state.failNextProcessing;
    state.failNextProcessing = false;
  }
  return { status: 200, json: { data: mediaData(state, u) } };
}

/** One status poll's worth of processing. */
function advance(u: XUpload): void {
  if (u.state === undefined || u.state === 'succeeded' || u.state === 'failed') return;
  if (u.pollsLeft > 0) {
    u.pollsLeft -= 1;
    u.state = 'in_progress';
    return;
  }
  u.state = u.failProcessing ? 'failed' : 'succeeded';
}

function mediaData(state: XEmulatorState, u: XUpload): Record<string, unknown> {
  const done = state.videoPolls === 0 ? 1 : (state.videoPolls - u.pollsLeft) / state.videoPolls;
  return {
    id: u.id,
    media_key: u.mediaKey,
    size: u.totalBytes,
    expires_after_secs: Math.max(0, Math.floor((u.expiresAt - state.clock.now()) / 1000)),
    ...(u.state
      ? {
          processing_info: {
            state: u.state,
            ...(u.state === 'pending' || u.state === 'in_progress' ? { check_after_secs: 1 } : {}),
            progress_percent: u.state === 'succeeded' ? 100 : Math.round(done * 90),
          },
        }
      : {}),
  };
}

async function readAppend(req: EmulatorRequest): Promise<{ segment: number; chunk: Buffer } | undefined> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(req.rawBytes, { headers: { 'content-type': type } }).formData();
    const media = form.get('media');
    const index = form.get('segment_index');
    if (media === null || typeof media === 'string' || typeof index !== 'string') return undefined;
    return { segment: Number(index), chunk: Buffer.from(await media.arrayBuffer()) };
  }
  // The reference also shows a JSON body with the chunk base64-encoded.
  const body = (req.json ?? {}) as { media?: unknown; segment_index?: unknown };
  if (typeof body.media !== 'string') return undefined;
  return { segment: Number(body.segment_index), chunk: Buffer.from(body.media, 'base64') };
}

function defaultCategory(type: string): XUploadCategory {
  if (type === 'image/gif') return 'tweet_gif';
  return type.startsWith('video/') ? 'tweet_video' : 'tweet_image';
}

/** The file's magic bytes against the type it was announced as. */
function looksLike(type: string, b: Buffer): boolean {
  const at = (offset: number, sig: number[]) => sig.every((v, i) => b[offset + i] === v);
  switch (type) {
    case 'image/png':
      return at(0, [0x89, 0x50, 0x4e, 0x47]);
    case 'image/jpeg':
    case 'image/pjpeg':
      return at(0, [0xff, 0xd8, 0xff]);
    case 'image/gif':
      return b.subarray(0, 4).toString('latin1') === 'GIF8';
    case 'image/webp':
      return b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP';
    case 'video/mp4':
    case 'video/quicktime':
      return b.subarray(4, 8).toString('latin1') === 'ftyp';
    default:
      return true;
  }
}
