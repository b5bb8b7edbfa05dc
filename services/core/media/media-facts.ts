import { imageSize } from './image-size';
import { probeVideo } from './video-probe';

/** What the platform rules check about one media file, known at upload time and kept with the artifact. */
export interface MediaFacts {
  contentType: string;
  size: number;
  width?: number;
  height?: number;
  durationSeconds?: number;
}

/** Reads the facts of an image or video; other kinds carry type and size only. */
export async function mediaFacts(bytes: Buffer, contentType: string): Promise<MediaFacts> {
  const base = { contentType, size: bytes.length };
  if (contentType.startsWith('image/')) return { ...base, ...(imageSize(bytes) ?? {}) };
  if (contentType.startsWith('video/')) return { ...base, ...((await probeVideo(bytes)) ?? {}) };
  return base;
}
