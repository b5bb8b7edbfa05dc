/**
 * What the Instagram emulator does with a media URL, as the platform does ("We cURL media used in publishing
 * attempts", developers.facebook.com/docs/instagram-platform/content-publishing): downloads it with a deadline and
 * a size cap, then checks it as the IG User Media reference specifies (images: JPEG, at most 8 MiB, aspect ratio
 * 4:5 to 1.91:1; reels: MP4 or MOV, at most 300 MB). The outcome is a documented error or what was fetched.
 */
import { createHash } from 'node:crypto';
import type { FetchedMedia } from '../kit/fetch-media';
import { fetchMedia } from '../kit/fetch-media';
import { IG_ERRORS } from './instagram-graph-errors';
import type { GraphErrorSpec } from './instagram-graph-errors';

export interface FetchedInfo {
  contentType: string;
  sha256: string;
  size: number;
}

export type MediaVerdict = { ok: true; media: FetchedInfo } | { ok: false; error: GraphErrorSpec };

const IMAGE_MAX_BYTES = 8 * 1024 * 1024;
const VIDEO_MAX_BYTES = 300 * 1000 * 1000;
const MIN_ASPECT = 4 / 5;
const MAX_ASPECT = 1.91;

/**
 * fetchMedia, with its timeout recognised by the clock as well: the DOMException a timed-out fetch throws comes from
 * another realm under Jest and fails `instanceof Error`, which would report a timeout as an unreachable host.
 */
async function download(url: string, maxBytes: number, timeoutMs: number): Promise<FetchedMedia> {
  const started = Date.now();
  const got = await fetchMedia(url, { maxBytes, timeoutMs });
  if (!got.ok && got.problem === 'unreachable' && Date.now() - started >= timeoutMs)
    return { ok: false, problem: 'timeout' };
  return got;
}

export async function checkImage(url: string, downloadTimeoutMs: number): Promise<MediaVerdict> {
  const got = await download(url, IMAGE_MAX_BYTES, downloadTimeoutMs);
  if (!got.ok) {
    if (got.problem === 'timeout') return { ok: false, error: IG_ERRORS.downloadTimeout };
    if (got.problem === 'too_large') return { ok: false, error: IG_ERRORS.imageTooLarge };
    return { ok: false, error: IG_ERRORS.fetchFailed };
  }
  // Instagram decodes the file: what counts is what the bytes are, not the Content-Type the server claimed.
  if (!isJpeg(got.bytes)) return { ok: false, error: IG_ERRORS.unsupportedImage };
  const size = jpegSize(got.bytes);
  if (size && (size.width / size.height < MIN_ASPECT - 1e-3 || size.width / size.height > MAX_ASPECT + 1e-3))
    return { ok: false, error: IG_ERRORS.aspectRatio };
  return { ok: true, media: info('image/jpeg', got.bytes) };
}

export async function checkVideo(url: string, downloadTimeoutMs: number): Promise<MediaVerdict> {
  const got = await download(url, VIDEO_MAX_BYTES, downloadTimeoutMs);
  if (!got.ok) {
    if (got.problem === 'timeout') return { ok: false, error: IG_ERRORS.downloadTimeout };
    if (got.problem === 'too_large') return { ok: false, error: IG_ERRORS.unsupportedVideo };
    return { ok: false, error: IG_ERRORS.fetchFailed };
  }
  // MP4 and MOV are both ISO base media files: an `ftyp` box first.
  if (got.bytes.length < 12 || got.bytes.toString('latin1', 4, 8) !== 'ftyp')
    return { ok: false, error: IG_ERRORS.unsupportedVideo };
  const brand = got.bytes.toString('latin1', 8, 12);
  return { ok: true, media: info(brand === 'qt  ' ? 'video/quicktime' : 'video/mp4', got.bytes) };
}

function info(contentType: string, bytes: Buffer): FetchedInfo {
  return { contentType, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

function isJpeg(b: Buffer): boolean {
  return b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;
}

/** Width and height from the first start-of-frame segment; undefined when the file has none we can read. */
function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    const length = b.readUInt16BE(i + 2);
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC)
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = b.readUInt16BE(i + 5);
      const width = b.readUInt16BE(i + 7);
      return width > 0 && height > 0 ? { width, height } : undefined;
    }
    i += 2 + length;
  }
  return undefined;
}
