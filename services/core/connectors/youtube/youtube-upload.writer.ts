import { ConnectorError } from '../connector.errors';
import type { PublishMedia } from '../connector.types';
import type { ConnectorAnswer, ConnectorCall, ConnectorHttpConfig } from '../http/connector-http';
import { connectorRequest, parseAnswer, sameOrigin } from '../http/connector-http';
import type { YouTubeVideo } from './youtube-wire';
import { youtubeVideoSchema } from './youtube-wire';

/**
 * YouTube's resumable upload (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol):
 * a POST opens a session and answers its URI in Location; PUTs send the bytes (chunks in multiples of 256 KiB, each
 * with Content-Range); a PUT with an empty body and `Content-Range: bytes *\/{total}` asks how far it got: 308 with
 * `Range: bytes=0-N` (go on from N+1), 200/201 with the video (it all arrived), 404 (the session expired).
 */
export const UPLOAD_CHUNK_UNIT = 256 * 1024;
export const DEFAULT_UPLOAD_CHUNK_BYTES = 32 * UPLOAD_CHUNK_UNIT;
/** 5xx answers during one upload, each followed by a status query, before the attempt gives up (the session stays). */
const MAX_SERVER_ERRORS = 3;
const VIDEOS_ROUTE = '/upload/youtube/v3/videos';
const SESSION_ROUTE = '/upload/youtube/v3/videos (upload session)';

export interface UploadChannel {
  http: ConnectorHttpConfig;
  /** the upload host: the only origin the token and the bytes go to */
  uploadBase: string;
  token: string;
  chunkBytes: number;
  signal?: AbortSignal;
  sleep: (ms: number) => Promise<void>;
  onProgress?: () => void;
}

export type SessionState = { done: YouTubeVideo } | { received: number } | { gone: true };

/** Opens a session for `media` with the video's metadata; the answer is the session URI. */
export async function startUploadSession(ch: UploadChannel, metadata: unknown, media: PublishMedia): Promise<string> {
  const call: ConnectorCall = {
    method: 'POST',
    path: `${VIDEOS_ROUTE}?${new URLSearchParams({ uploadType: 'resumable', part: 'snippet,status' })}`,
    route: VIDEOS_ROUTE,
    token: ch.token,
    json: metadata,
    headers: { 'x-upload-content-length': String(media.bytes.length), 'x-upload-content-type': media.contentType },
    signal: ch.signal,
  };
  const a = await connectorRequest(ch.http, call);
  const location = a.headers.get('location');
  if (!location)
    throw new ConnectorError('permanent', `POST ${VIDEOS_ROUTE} answered ${a.status} without a session URI`);
  // The session URI is where the token and the bytes go next: only ever to the upload host itself.
  if (!sameOrigin(location, ch.uploadBase))
    throw new ConnectorError('permanent', `POST ${VIDEOS_ROUTE} handed out an upload session on another host`);
  return location;
}

/** Asks the session how much arrived (step 4.1 of the guide). */
export async function querySession(ch: UploadChannel, session: string, total: number): Promise<SessionState> {
  try {
    const a = await sessionPut(ch, session, { 'content-range': `bytes */${total}` });
    return a.status === 308 ? { received: receivedOf(a) } : { done: videoOf(a) };
  } catch (err) {
    if (err instanceof ConnectorError && err.kind === 'not_found') return { gone: true };
    throw err;
  }
}

/** Sends the bytes from `from` on, chunk by chunk, riding out a few 5xx answers by asking the session where it stands. */
export async function uploadFrom(
  ch: UploadChannel,
  session: string,
  media: PublishMedia,
  from: number,
): Promise<YouTubeVideo> {
  const total = media.bytes.length;
  let offset = from;
  let serverErrors = 0;
  let ask = false;
  for (;;) {
    try {
      // After a 5xx, or when every byte went out without a final answer: ask the session rather than resend.
      if (ask || offset >= total) {
        ask = false;
        const state = await querySession(ch, session, total);
        if ('done' in state) return state.done;
        if ('gone' in state)
          throw new ConnectorError('transient', `PUT ${SESSION_ROUTE}: the upload session expired during the upload`);
        if (state.received >= total)
          throw new ConnectorError('transient', `PUT ${SESSION_ROUTE} did not finish the upload after its last byte`);
        offset = state.received;
      }
      const end = Math.min(offset + ch.chunkBytes, total);
      const a = await sessionPut(
        ch,
        session,
        { 'content-range': `bytes ${offset}-${end - 1}/${total}` },
        { data: media.bytes.subarray(offset, end), contentType: media.contentType },
      );
      ch.onProgress?.();
      if (a.status !== 308) return videoOf(a);
      offset = receivedOf(a);
    } catch (err) {
      if (!isServerError(err) || ++serverErrors > MAX_SERVER_ERRORS) throw err;
      // The guide's advice for 500/502/503/504: back off, ask the session, go on from what it holds.
      await ch.sleep(1000 * 2 ** (serverErrors - 1));
      ch.onProgress?.();
      ask = true;
    }
  }
}

async function sessionPut(
  ch: UploadChannel,
  session: string,
  headers: Record<string, string>,
  bytes?: { data: Uint8Array; contentType: string },
): Promise<ConnectorAnswer> {
  if (!sameOrigin(session, ch.uploadBase))
    throw new ConnectorError('permanent', `PUT ${SESSION_ROUTE}: the saved session is not on the upload host`);
  return connectorRequest(ch.http, {
    method: 'PUT',
    path: VIDEOS_ROUTE,
    url: session,
    route: SESSION_ROUTE,
    token: ch.token,
    headers,
    ...(bytes ? { bytes } : {}),
    // 308 Resume Incomplete is an answer here, not a redirect.
    acceptStatuses: [308],
    signal: ch.signal,
  });
}

/** `Range: bytes=0-N` means N+1 bytes arrived; no Range header means none did. */
function receivedOf(a: ConnectorAnswer): number {
  const m = /^bytes=0-(\d+)$/.exec(a.headers.get('range')?.trim() ?? '');
  return m ? Number(m[1]) + 1 : 0;
}

function videoOf(a: ConnectorAnswer): YouTubeVideo {
  return parseAnswer(youtubeVideoSchema, a, { method: 'PUT', route: SESSION_ROUTE });
}

function isServerError(err: unknown): boolean {
  return err instanceof ConnectorError && (err.details.status ?? 0) >= 500;
}
