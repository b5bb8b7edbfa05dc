/**
 * TikTok's chunk rules (https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide): chunks of 5 to
 * 64 MB, uploaded in order; a video under 5 MB goes whole; total_chunk_count = floor(video_size / chunk_size), so
 * the last chunk carries the trailing bytes (up to 128 MB); 1 to 1000 chunks. "MB" is read the stricter way at each
 * bound: at least 5 MiB, at most 64 000 000 bytes.
 */
export const MIN_CHUNK_BYTES = 5 * 1024 * 1024;
export const MAX_CHUNK_BYTES = 64_000_000;
export const MAX_CHUNKS = 1000;
/** Small enough that one chunk fits a request deadline on an ordinary uplink. */
export const DEFAULT_CHUNK_BYTES = 10 * 1024 * 1024;

export interface ChunkPlan {
  chunkSize: number;
  totalChunks: number;
  /** inclusive byte ranges, in upload order */
  ranges: { first: number; last: number }[];
}

export function planChunks(videoSize: number, preferredChunkBytes: number = DEFAULT_CHUNK_BYTES): ChunkPlan {
  if (!Number.isInteger(videoSize) || videoSize <= 0) throw new Error('a video to upload has at least one byte');
  const preferred = Math.min(MAX_CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, Math.floor(preferredChunkBytes)));
  const chunkSize = videoSize < MIN_CHUNK_BYTES ? videoSize : Math.min(preferred, videoSize);
  const totalChunks = Math.floor(videoSize / chunkSize);
  if (totalChunks > MAX_CHUNKS) throw new Error(`a video of this size needs more than ${MAX_CHUNKS} chunks`);
  const ranges = Array.from({ length: totalChunks }, (_, i) => ({
    first: i * chunkSize,
    last: i === totalChunks - 1 ? videoSize - 1 : (i + 1) * chunkSize - 1,
  }));
  return { chunkSize, totalChunks, ranges };
}
