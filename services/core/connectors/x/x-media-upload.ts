import { ConnectorError } from '../connector.errors';
import type { CallOptions, PublishMedia } from '../connector.types';
import type { ConnectorAnswer, ConnectorCall, ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer } from '../http/connector-http';
import { xMediaCategory } from './x-media-rules';
import type { XResumeMemory } from './x-resume';
import { X_RESUME_KEYS } from './x-resume';
import type { XMedia } from './x-wire';
import { xMediaSchema } from './x-wire';

/** APPEND takes at most 5 MB per chunk (https://docs.x.com/x-api/media/quickstart/media-upload-chunked); 4 MiB leaves room. */
export const X_CHUNK_BYTES = 4 * 1024 * 1024;
/** segment_index runs 0..999. */
const MAX_SEGMENTS = 1000;
/**
 * Status polls one attempt makes before it hands the wait to the next attempt (which asks again, from the resume
 * memory): X's check_after_secs for a short clip is a few seconds, so this covers minutes of processing.
 */
const MAX_STATUS_POLLS = 40;

export interface UploadContext {
  http: ConnectorHttpConfig;
  token: string;
  opts: CallOptions;
  memory: XResumeMemory;
  chunkBytes: number;
  sleep: (ms: number) => Promise<void>;
}

export interface UploadedMedia {
  id: string;
  mediaKey: string;
}

interface Progress {
  id: string;
  mediaKey: string;
  segments: number;
  finalized: boolean;
}

/**
 * The chunked upload of media upload v2 (initialize → append… → finalize → status until processed), resumable: the
 * media id and each confirmed chunk go to the resume memory, so the next attempt carries on where this one stopped
 * instead of uploading again, and asks X about a finalize whose answer it never heard.
 */
export async function uploadMedia(ctx: UploadContext, m: PublishMedia, index: number): Promise<UploadedMedia> {
  const k = X_RESUME_KEYS.media(index);
  const savedId = ctx.memory.get(k.id);
  if (savedId && ctx.memory.get(k.checksum) === m.checksum) {
    const saved: Progress = {
      id: savedId,
      mediaKey: ctx.memory.get(k.key) ?? '',
      segments: Number(ctx.memory.get(k.segments) ?? '0'),
      finalized: ctx.memory.get(k.finalized) === '1',
    };
    try {
      return await carryOn(ctx, m, index, saved);
    } catch (err) {
      // The saved upload expired (X keeps an unused upload for expires_after_secs) or X forgot it: start over.
      if (!(err instanceof ConnectorError) || !(err.kind === 'not_found' || err.details.status === 400)) throw err;
    }
  }
  const created = await initialize(ctx, m);
  await ctx.memory.put({
    [k.id]: created.id,
    [k.key]: created.mediaKey,
    [k.checksum]: m.checksum,
    [k.segments]: '0',
    [k.finalized]: '0',
  });
  return carryOn(ctx, m, index, { ...created, segments: 0, finalized: false });
}

async function carryOn(ctx: UploadContext, m: PublishMedia, index: number, p: Progress): Promise<UploadedMedia> {
  const k = X_RESUME_KEYS.media(index);
  const total = Math.max(1, Math.ceil(m.bytes.length / ctx.chunkBytes));
  if (total > MAX_SEGMENTS)
    throw new ConnectorError('permanent', `the media needs more than ${MAX_SEGMENTS} chunks`, {
      health: 'media_rejected',
    });
  let state: XMedia | undefined;
  let finalized = p.finalized;
  if (!finalized && p.segments >= total) {
    // Every chunk arrived earlier and finalize was sent, but its answer never came: X knows whether it took it.
    state = await statusIfFinalized(ctx, p.id);
    finalized = state !== undefined;
  }
  if (!finalized) {
    for (let seg = p.segments; seg < total; seg++) {
      await append(ctx, p.id, seg, m.bytes.subarray(seg * ctx.chunkBytes, (seg + 1) * ctx.chunkBytes));
      await ctx.memory.put({ [k.segments]: String(seg + 1) });
    }
    state = await finalize(ctx, p.id);
    await ctx.memory.put({ [k.finalized]: '1' });
  }
  state ??= await status(ctx, p.id);
  await waitUntilProcessed(ctx, p.id, state);
  return { id: p.id, mediaKey: state.media_key ?? p.mediaKey };
}

async function initialize(ctx: UploadContext, m: PublishMedia): Promise<UploadedMedia> {
  const call = { method: 'POST', path: '/2/media/upload/initialize', route: '/2/media/upload/initialize' } as const;
  const json = { media_type: m.contentType, total_bytes: m.bytes.length, media_category: xMediaCategory(m) };
  const media = await send(ctx, { ...call, json });
  if (!media.media_key)
    throw new ConnectorError('transient', 'POST /2/media/upload/initialize answered no media_key', { status: 200 });
  return { id: media.id, mediaKey: media.media_key };
}

async function append(ctx: UploadContext, id: string, segment: number, chunk: Buffer): Promise<void> {
  const form = new FormData();
  form.append('segment_index', String(segment));
  form.append('media', new Blob([chunk], { type: 'application/octet-stream' }), 'chunk');
  const call: ConnectorCall = {
    method: 'POST',
    path: `/2/media/upload/${encodeURIComponent(id)}/append`,
    route: '/2/media/upload/:id/append',
    multipart: form,
  };
  await request(ctx, call);
  ctx.opts.onProgress?.();
}

async function finalize(ctx: UploadContext, id: string): Promise<XMedia> {
  const path = `/2/media/upload/${encodeURIComponent(id)}/finalize`;
  return send(ctx, { method: 'POST', path, route: '/2/media/upload/:id/finalize' });
}

async function status(ctx: UploadContext, id: string): Promise<XMedia> {
  const query = new URLSearchParams({ command: 'STATUS', media_id: id });
  return send(ctx, { method: 'GET', path: `/2/media/upload?${query}`, route: '/2/media/upload' });
}

/** The status of an upload whose finalize answer was lost; undefined when X says it was never finalized. */
async function statusIfFinalized(ctx: UploadContext, id: string): Promise<XMedia | undefined> {
  try {
    return await status(ctx, id);
  } catch (err) {
    if (err instanceof ConnectorError && err.details.status === 400) return undefined;
    throw err;
  }
}

/** Images are ready at finalize; videos and GIFs are processed, and X says when to ask again. */
async function waitUntilProcessed(ctx: UploadContext, id: string, first: XMedia): Promise<void> {
  let info = first.processing_info;
  for (let polls = 0; info && info.state !== 'succeeded'; polls++) {
    if (info.state === 'failed')
      throw new ConnectorError('permanent', 'X could not process the media (processing_info failed)', {
        health: 'media_rejected',
        platformCode: 'processing_failed',
      });
    if (polls >= MAX_STATUS_POLLS)
      throw new ConnectorError('transient', 'X is still processing the media; the next attempt asks again', {
        platformCode: 'processing',
      });
    if (ctx.opts.signal?.aborted)
      throw new ConnectorError('transient', 'the media wait was cancelled by the caller', { transport: 'cancelled' });
    await ctx.sleep(Math.max(1, info.check_after_secs ?? 1) * 1000);
    ctx.opts.onProgress?.();
    info = (await status(ctx, id)).processing_info;
  }
}

async function send(ctx: UploadContext, call: ConnectorCall): Promise<XMedia> {
  return parseAnswer(xMediaSchema, await request(ctx, call), call).data;
}

/**
 * Nothing is public before POST /2/tweets: an upload step that got no answer is safe to repeat (a chunk sent again
 * replaces itself), so it is a plain retry, not an unknown outcome that would hold the guard for the settle time.
 */
async function request(ctx: UploadContext, call: ConnectorCall): Promise<ConnectorAnswer> {
  try {
    return await connectorRequest(ctx.http, { ...call, token: ctx.token, signal: ctx.opts.signal });
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'outcome_unknown')
      throw new ConnectorError(
        'transient',
        `${err.message}; nothing is public before the post, so it is retried`,
        err.details,
      );
    throw err;
  }
}
