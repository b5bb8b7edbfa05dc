import type { PublishContent, PublishMedia } from '../connector.types';
import { postCreateUsage, X_COSTS_USD_MICROS } from './x-costs';
import { checkXContent, X_LIMITS, X_MEDIA_RULES, xMediaCategory } from './x-media-rules';

const MB = 1024 * 1024;
const media = (over: Partial<PublishMedia>): PublishMedia => ({
  kind: 'image',
  contentType: 'image/png',
  checksum: 'c',
  size: 1000,
  bytes: Buffer.alloc(0),
  ...over,
});
const post = (m: PublishMedia[], text = 'hello'): PublishContent => ({ text, media: m });

describe('X media rules', () => {
  it('takes up to 4 photos, at most 5 MB each', () => {
    expect(checkXContent(post(Array.from({ length: 4 }, () => media({}))))).toEqual([]);
    expect(checkXContent(post(Array.from({ length: 5 }, () => media({}))))).toEqual([
      expect.stringMatching(/at most 4 photos/),
    ]);
    expect(checkXContent(post([media({ size: 5 * MB })]))).toEqual([]);
    expect(checkXContent(post([media({ size: 5 * MB + 1 })]))).toEqual([
      expect.stringMatching(/media 1: an image may be 5 MB/),
    ]);
    expect(checkXContent(post([media({ contentType: 'image/tiff' })]))).toEqual([
      expect.stringMatching(/PNG, JPEG, WEBP or GIF/),
    ]);
  });

  it('takes a GIF up to 15 MB, alone', () => {
    const gif = media({ contentType: 'image/gif', size: 15 * MB });
    expect(checkXContent(post([gif]))).toEqual([]);
    expect(checkXContent(post([{ ...gif, size: 15 * MB + 1 }]))).toEqual([expect.stringMatching(/GIF may be 15 MB/)]);
    expect(checkXContent(post([gif, media({})]))).toEqual([expect.stringMatching(/only alone/)]);
    expect(xMediaCategory(gif)).toBe('tweet_gif');
  });

  it('takes one MP4 video of 0.5 to 140 s and up to 512 MB, alone', () => {
    const video = media({ kind: 'video', contentType: 'video/mp4', size: 20 * MB, durationSeconds: 140 });
    expect(checkXContent(post([video]))).toEqual([]);
    expect(checkXContent(post([{ ...video, durationSeconds: 140.5 }]))).toEqual([
      expect.stringMatching(/0.5 to 140 seconds/),
    ]);
    expect(checkXContent(post([{ ...video, durationSeconds: 0.4 }]))).toEqual([
      expect.stringMatching(/0.5 to 140 seconds/),
    ]);
    expect(checkXContent(post([{ ...video, size: 512 * MB + 1 }]))).toEqual([expect.stringMatching(/512 MB/)]);
    expect(checkXContent(post([{ ...video, contentType: 'video/webm' }]))).toEqual([expect.stringMatching(/MP4/)]);
    expect(checkXContent(post([video, video]))).toEqual([expect.stringMatching(/only alone/)]);
    // unknown duration: X decides
    expect(checkXContent(post([{ ...video, durationSeconds: undefined }]))).toEqual([]);
  });

  it('checks the weighted text length and that a post has text or media', () => {
    expect(checkXContent(post([], `${'a'.repeat(256)} https://raize.example/${'x'.repeat(100)}`))).toEqual([]);
    expect(checkXContent(post([], `${'a'.repeat(257)} https://raize.example/`))).toEqual([
      expect.stringMatching(/281 characters/),
    ]);
    expect(checkXContent(post([], '  '))).toEqual(['X needs text or media']);
    expect(checkXContent(post([media({})], ''))).toEqual([]);
  });

  it('states the schedule-time rules at X’s figures', () => {
    expect(X_MEDIA_RULES).toMatchObject({
      maxTextLength: 280,
      maxMediaCount: 4,
      mixedMedia: false,
      requiresMedia: false,
    });
    expect(X_MEDIA_RULES.video).toMatchObject({
      maxBytes: X_LIMITS.videoBytes,
      minDurationSeconds: 0.5,
      maxDurationSeconds: 140,
    });
  });
});

describe('X cost per post', () => {
  it('bills a post with a link at the link rate', () => {
    expect(postCreateUsage('plain words')).toEqual({
      unit: 'usd_micros',
      amount: X_COSTS_USD_MICROS.postCreate,
      operation: 'POST /2/tweets',
    });
    expect(postCreateUsage('see https://raize.example')).toMatchObject({
      amount: 200_000,
      operation: 'POST /2/tweets with a link',
    });
    expect(X_COSTS_USD_MICROS.postCreate).toBe(15_000);
  });
});
