import { ConnectorError } from '../connector.errors';
import type { CallOptions, PlatformSettings, PublishMedia, ResumeState } from '../connector.types';
import type { ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { isLinkedInUploadUrl } from './linkedin-http.config';
import { RESUME_KEYS } from './linkedin-resume';
import { imageInitSchema, mediaStatusSchema, videoInitSchema } from './linkedin-wire';

/** Waits between status polls. Images settle in a second or two; videos take longer (Videos API: "PROCESSING"). */
const IMAGE_POLL_MS = 1_000;
const VIDEO_POLL_MS = 5_000;
/** Polls in one attempt: past these the asset is still processing, and the next attempt resumes from its URN. */
const IMAGE_POLLS = 30;
const VIDEO_POLLS = 120;

export interface UploadContext {
  http: ConnectorHttpConfig;
  settings: PlatformSettings;
  token: string;
  /** the author URN: LinkedIn's `owner` of the asset, which only that author may post */
  owner: string;
  resume: ResumeState;
  saved: Record<string, string>;
  opts: CallOptions;
}

type Kind = 'image' | 'video';
const API = { image: '/rest/images', video: '/rest/videos' } as const;

/**
 * Uploads one media file through LinkedIn's own flow and waits until LinkedIn made it AVAILABLE; answers its URN.
 * A URN saved by an earlier attempt is asked about first: AVAILABLE is reused, PROCESSING awaited, anything else
 * (the upload never finished, processing failed, the asset is gone) uploaded afresh. Nothing here is visible to
 * followers, so a call that got no answer is worth retrying, not reconciling: such failures come out transient.
 */
export async function uploadLinkedInMedia(ctx: UploadContext, media: PublishMedia, index: number): Promise<string> {
  const kind: Kind = media.kind === 'video' ? 'video' : 'image';
  try {
    const earlier = ctx.saved[RESUME_KEYS.media(index)];
    if (earlier) {
      const status = await mediaStatus(ctx, kind, earlier);
      if (status === 'AVAILABLE') return earlier;
      if (status === 'PROCESSING') return await awaitAvailable(ctx, kind, earlier);
    }
    const urn = kind === 'image' ? await uploadImage(ctx, media, index) : await uploadVideo(ctx, media, index);
    return await awaitAvailable(ctx, kind, urn);
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'outcome_unknown')
      throw new ConnectorError('transient', `${err.message} (a media upload step: nothing was posted)`, err.details);
    throw err;
  }
}

async function uploadImage(ctx: UploadContext, media: PublishMedia, index: number): Promise<string> {
  const call = {
    method: 'POST',
    path: '/rest/images?action=initializeUpload',
    route: '/rest/images?action=initializeUpload',
  } as const;
  const a = await connectorRequest(ctx.http, {
    ...call,
    token: ctx.token,
    json: { initializeUploadRequest: { owner: ctx.owner } },
    signal: ctx.opts.signal,
  });
  const { value } = parseAnswer(imageInitSchema, a, call);
  await ctx.resume.put({ [RESUME_KEYS.media(index)]: value.image });
  await put(ctx, value.uploadUrl, media.bytes, media.contentType, 'PUT {image uploadUrl}');
  return value.image;
}

async function uploadVideo(ctx: UploadContext, media: PublishMedia, index: number): Promise<string> {
  const init = {
    method: 'POST',
    path: '/rest/videos?action=initializeUpload',
    route: '/rest/videos?action=initializeUpload',
  } as const;
  const a = await connectorRequest(ctx.http, {
    ...init,
    token: ctx.token,
    json: {
      initializeUploadRequest: {
        owner: ctx.owner,
        fileSizeBytes: media.bytes.length,
        uploadCaptions: false,
        uploadThumbnail: false,
      },
    },
    signal: ctx.opts.signal,
  });
  const { value } = parseAnswer(videoInitSchema, a, init);
  await ctx.resume.put({ [RESUME_KEYS.media(index)]: value.video });
  const parts = [...value.uploadInstructions].sort((x, y) => x.firstByte - y.firstByte);
  // The parts must tile the file exactly: a gap or an overlap would upload a different video than the one approved.
  let next = 0;
  for (const p of parts) {
    if (p.firstByte !== next || p.lastByte < p.firstByte || p.lastByte >= media.bytes.length)
      throw new ConnectorError(
        'permanent',
        'POST /rest/videos?action=initializeUpload answered parts that do not cover the file',
      );
    next = p.lastByte + 1;
  }
  if (next !== media.bytes.length)
    throw new ConnectorError(
      'permanent',
      'POST /rest/videos?action=initializeUpload answered parts that do not cover the file',
    );

  const etags: string[] = [];
  for (const p of parts) {
    const chunk = media.bytes.subarray(p.firstByte, p.lastByte + 1);
    const answer = await put(ctx, p.uploadUrl, chunk, 'application/octet-stream', 'PUT {video part uploadUrl}');
    const etag = answer.headers.get('etag');
    if (!etag) throw new ConnectorError('transient', 'PUT {video part uploadUrl} answered without an ETag');
    etags.push(etag);
    ctx.opts.onProgress?.();
  }
  const finalize = {
    method: 'POST',
    path: '/rest/videos?action=finalizeUpload',
    route: '/rest/videos?action=finalizeUpload',
  } as const;
  await connectorRequest(ctx.http, {
    ...finalize,
    token: ctx.token,
    json: { finalizeUploadRequest: { video: value.video, uploadToken: value.uploadToken, uploadedPartIds: etags } },
    signal: ctx.opts.signal,
  });
  return value.video;
}

async function put(ctx: UploadContext, url: string, data: Uint8Array, contentType: string, route: string) {
  // The URL is LinkedIn's answer: bytes and our bearer token go only to LinkedIn's own hosts.
  if (!isLinkedInUploadUrl(url, ctx.settings))
    throw new ConnectorError('permanent', `${route} refused: the upload URL is not on a LinkedIn host`);
  return connectorRequest(ctx.http, {
    method: 'PUT',
    path: '',
    url,
    route,
    token: ctx.token,
    bytes: { data, contentType },
    signal: ctx.opts.signal,
  });
}

async function mediaStatus(ctx: UploadContext, kind: Kind, urn: string) {
  const call = { method: 'GET', path: `${API[kind]}/${encodeURIComponent(urn)}`, route: `${API[kind]}/{urn}` } as const;
  try {
    const a = await connectorRequest(ctx.http, { ...call, token: ctx.token, signal: ctx.opts.signal });
    return parseAnswer(mediaStatusSchema, a, call).status;
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'not_found') return 'GONE' as const;
    throw err;
  }
}

async function awaitAvailable(ctx: UploadContext, kind: Kind, urn: string): Promise<string> {
  const sleep = ctx.opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const polls = kind === 'video' ? VIDEO_POLLS : IMAGE_POLLS;
  for (let i = 0; i < polls; i++) {
    const status = await mediaStatus(ctx, kind, urn);
    ctx.opts.onProgress?.();
    if (status === 'AVAILABLE') return urn;
    if (status === 'PROCESSING_FAILED')
      throw new ConnectorError('permanent', `GET ${API[kind]}/{urn}: LinkedIn could not process the ${kind}`, {
        health: 'media_rejected',
        platformCode: 'PROCESSING_FAILED',
      });
    if (status === 'GONE' || status === 'WAITING_UPLOAD')
      // The bytes did not arrive (or the asset vanished): the next attempt uploads afresh.
      throw new ConnectorError('transient', `GET ${API[kind]}/{urn}: the ${kind} upload did not complete`);
    if (ctx.opts.signal?.aborted)
      throw new ConnectorError('transient', `GET ${API[kind]}/{urn} polling was cancelled`, { transport: 'cancelled' });
    await sleep(kind === 'video' ? VIDEO_POLL_MS : IMAGE_POLL_MS);
  }
  throw new ConnectorError(
    'transient',
    `GET ${API[kind]}/{urn}: the ${kind} is still processing; the next attempt resumes`,
  );
}
