import { ArtifactRejectedError } from './artifact.errors';

/**
 * Collects a body, refusing it (too_large) as soon as it passes `limit` bytes, so an oversized upload or a swollen
 * object is never held in memory whole (C-47). The source is left to the caller to destroy.
 */
export async function readLimited(
  source: AsyncIterable<Uint8Array>,
  limit: number,
  what = 'the content',
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.length;
    if (size > limit) throw new ArtifactRejectedError('too_large', `${what} is larger than ${limit} bytes`);
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
  }
  return Buffer.concat(chunks, size);
}

/** The first `n` bytes of a body at most, stopping the read there (an object longer than recorded is tampered with). */
export async function readAtMost(source: AsyncIterable<Uint8Array>, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    const take = Math.min(chunk.length, n - size);
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, take));
    size += take;
    if (size >= n) break;
  }
  return Buffer.concat(chunks, size);
}
