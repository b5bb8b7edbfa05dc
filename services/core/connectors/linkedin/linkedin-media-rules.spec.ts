import { createHash } from 'node:crypto';
import { ConnectorError } from '../connector.errors';
import type { PublishContent, PublishMedia } from '../connector.types';
import { LINKEDIN_MAX_IMAGE_PIXELS, LINKEDIN_MIN_VIDEO_BYTES, planLinkedInPost } from './linkedin-media-rules';

const media = (kind: 'image' | 'video', contentType: string, size: number, over: Partial<PublishMedia> = {}) => {
  const bytes = Buffer.alloc(Math.min(size, 16));
  return {
    kind,
    contentType,
    size,
    bytes,
    checksum: createHash('sha256').update(bytes).digest('hex'),
    ...over,
  } satisfies PublishMedia;
};
const png = (over: Partial<PublishMedia> = {}) => media('image', 'image/png', 2048, over);
const mp4 = (size = 200_000, over: Partial<PublishMedia> = {}) => media('video', 'video/mp4', size, over);
const post = (m: PublishMedia[], text = 'hello'): PublishContent => ({ text, media: m });

function refusal(fn: () => unknown): ConnectorError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ConnectorError);
    return err as ConnectorError;
  }
  throw new Error('expected a refusal');
}

describe('LinkedIn post plan and media rules', () => {
  it('text, one image, a MultiImage of 2-20 images, one video', () => {
    expect(planLinkedInPost(post([])).kind).toBe('text');
    expect(planLinkedInPost(post([png()])).kind).toBe('image');
    expect(planLinkedInPost(post([png(), png()])).kind).toBe('multiImage');
    expect(planLinkedInPost(post(Array.from({ length: 20 }, () => png()))).kind).toBe('multiImage');
    expect(planLinkedInPost(post([mp4()])).kind).toBe('video');
  });

  it('text: 3,000 characters counted as code points, not UTF-16 units; empty text needs media', () => {
    expect(planLinkedInPost(post([], '👋'.repeat(3000))).kind).toBe('text');
    expect(refusal(() => planLinkedInPost(post([], 'x'.repeat(3001)))).message).toMatch(/3000 characters/);
    expect(refusal(() => planLinkedInPost(post([], '  '))).message).toMatch(/needs text/);
    expect(planLinkedInPost(post([png()], '')).kind).toBe('image');
  });

  it('refuses 21 images, mixed media, two videos, WebP, and images at or over the pixel cap', () => {
    for (const bad of [
      Array.from({ length: 21 }, () => png()),
      [png(), mp4()],
      [mp4(), mp4()],
      [media('image', 'image/webp', 100)],
      [png({ width: 6016, height: 6016 })],
      [png({ size: 6 * 1024 * 1024 })],
    ]) {
      expect(refusal(() => planLinkedInPost(post(bad)))).toMatchObject({
        kind: 'permanent',
        details: { health: 'media_rejected' },
      });
    }
    expect(6000 * 6000).toBeLessThan(LINKEDIN_MAX_IMAGE_PIXELS);
    expect(planLinkedInPost(post([png({ width: 6000, height: 6000 })])).kind).toBe('image');
  });

  it('videos: 75 KB to 500 MB, 3 s to 30 min, aspect 1:2.4 to 2.4:1', () => {
    expect(refusal(() => planLinkedInPost(post([mp4(LINKEDIN_MIN_VIDEO_BYTES - 1)]))).message).toMatch(/smaller/);
    expect(planLinkedInPost(post([mp4(LINKEDIN_MIN_VIDEO_BYTES)])).kind).toBe('video');
    expect(refusal(() => planLinkedInPost(post([mp4(500_000_001)]))).message).toMatch(/larger/);
    expect(refusal(() => planLinkedInPost(post([mp4(200_000, { durationSeconds: 2.5 })]))).message).toMatch(/shorter/);
    expect(refusal(() => planLinkedInPost(post([mp4(200_000, { durationSeconds: 1801 })]))).message).toMatch(/longer/);
    expect(planLinkedInPost(post([mp4(200_000, { durationSeconds: 1800, width: 1080, height: 1920 })])).kind).toBe(
      'video',
    );
    expect(refusal(() => planLinkedInPost(post([mp4(200_000, { width: 500, height: 1250 })]))).message).toMatch(
      /aspect/,
    );
    expect(refusal(() => planLinkedInPost(post([media('video', 'video/quicktime', 200_000)]))).message).toMatch(/mp4/);
  });
});
