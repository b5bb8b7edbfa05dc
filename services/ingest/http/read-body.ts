import type { IncomingMessage } from 'node:http';
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** A body the ingest will not take: the status and a short code for the answer. */
export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
  ) {
    super(code);
    this.name = 'BodyRefused';
  }
}

function decoderFor(encoding: string): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      throw new BodyRefused(415, 'unsupported_content_encoding');
  }
}

/**
 * The raw body, decoded, refused with 413 as soon as it passes `maxBytes` (C-33). The cap counts decoded bytes: a
 * few kilobytes of gzip or brotli can inflate to gigabytes, so the decompressor is read as a stream and destroyed at
 * the first byte over the cap, long before it finishes. A declared Content-Length over the cap is refused before a
 * byte is read. Signatures are checked over these bytes (the platform signs its payload, not the transfer coding).
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const encoding = String(req.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new BodyRefused(413, 'body_too_large'));
  let decoder: Transform | null;
  try {
    decoder = decoderFor(encoding);
  } catch (err) {
    return Promise.reject(err as Error);
  }
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let raw = 0;
    let decoded = 0;
    let settled = false;
    const fail = (err: BodyRefused) => {
      if (settled) return;
      settled = true;
      if (decoder) {
        req.unpipe(decoder);
        decoder.destroy();
      }
      reject(err);
    };
    req.on('data', (c: Buffer) => {
      raw += c.length;
      if (raw > maxBytes) fail(new BodyRefused(413, 'body_too_large'));
    });
    req.on('error', () => fail(new BodyRefused(400, 'body_unreadable')));
    req.on('aborted', () => fail(new BodyRefused(400, 'body_unreadable')));
    const out = decoder ?? req;
    out.on('data', (c: Buffer) => {
      if (settled) return;
      decoded += c.length;
      if (decoded > maxBytes) return fail(new BodyRefused(413, 'body_too_large'));
      chunks.push(c);
    });
    out.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks, decoded));
    });
    if (decoder) {
      decoder.on('error', () => fail(new BodyRefused(400, 'bad_content_encoding')));
      req.pipe(decoder);
    }
  });
}
