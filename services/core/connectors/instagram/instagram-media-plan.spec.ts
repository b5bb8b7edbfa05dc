import { ConnectorError } from '../connector.errors';
import type { MediaKind, PublishContent, PublishMedia } from '../connector.types';
import { INSTAGRAM_MEDIA_RULES } from './instagram-media-rules';
import { MEDIA_URL_REQUIRED, planInstagramPost } from './instagram-media-plan';

const media = (kind: MediaKind, url: string | null = `https://artifacts.example/${kind}`): PublishMedia => ({
  kind,
  contentType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
  checksum: 'a'.repeat(64),
  size: 10,
  bytes: Buffer.from('x'),
  ...(url ? { url } : {}),
});
const plan = (content: PublishContent) => planInstagramPost(content, INSTAGRAM_MEDIA_RULES);
const refusal = (content: PublishContent): ConnectorError => {
  try {
    plan(content);
  } catch (err) {
    expect(err).toBeInstanceOf(ConnectorError);
    return err as ConnectorError;
  }
  throw new Error('expected a refusal');
};

describe('what the Instagram writer asks for, and what it refuses before any call', () => {
  it('one image is an image post, one video a reel, several items a carousel (mixed allowed)', () => {
    expect(plan({ text: 'a', media: [media('image')] })).toMatchObject({ shape: 'image', caption: 'a' });
    expect(plan({ text: 'b', media: [media('video')] })).toMatchObject({ shape: 'reel', item: { kind: 'video' } });
    const c = plan({ text: 'c', media: [media('image'), media('video')] });
    expect(c).toMatchObject({ shape: 'carousel', items: [{ kind: 'image' }, { kind: 'video' }] });
  });

  it('a post without media is refused: Instagram has no text posts', () => {
    expect(refusal({ text: 'only words', media: [] })).toMatchObject({ kind: 'permanent' });
  });

  it('media without a fetchable URL is refused with the configuration to fix, never sent', () => {
    const e = refusal({ text: 'x', media: [media('image'), media('image', null)] });
    expect(e).toMatchObject({ kind: 'permanent', message: MEDIA_URL_REQUIRED });
    expect(e.message).toMatch(/^Instagram fetches media from a URL: configure the public artifact URL/);
  });

  it('a carousel takes ten items at most', () => {
    expect(plan({ text: 'x', media: Array.from({ length: 10 }, () => media('image')) }).shape).toBe('carousel');
    expect(refusal({ text: 'x', media: Array.from({ length: 11 }, () => media('image')) })).toMatchObject({
      kind: 'permanent',
      details: { health: 'media_rejected' },
    });
  });

  it('the caption is counted in characters as Instagram counts them (2,200), not UTF-16 units', () => {
    expect(plan({ text: '😀'.repeat(2200), media: [media('image')] }).shape).toBe('image');
    expect(refusal({ text: 'a'.repeat(2201), media: [media('image')] }).kind).toBe('permanent');
  });
});

describe('the media rules Instagram documents (checked at schedule time)', () => {
  it('images: JPEG only, under 8 MiB, between 4:5 and 1.91:1', () => {
    expect(INSTAGRAM_MEDIA_RULES.image).toEqual({
      contentTypes: ['image/jpeg'],
      maxBytes: 8 * 1024 * 1024,
      minAspectRatio: 0.8,
      maxAspectRatio: 1.91,
    });
  });

  it('reels: MP4 or MOV, 3 s to 15 min, 300 MB (the stricter of the figures pages give)', () => {
    expect(INSTAGRAM_MEDIA_RULES.video).toMatchObject({
      contentTypes: ['video/mp4', 'video/quicktime'],
      maxBytes: 300_000_000,
      minDurationSeconds: 3,
      maxDurationSeconds: 900,
    });
  });

  it('posts need media, captions 2,200 characters, carousels of up to 10 mixed items', () => {
    expect(INSTAGRAM_MEDIA_RULES).toMatchObject({
      requiresMedia: true,
      maxTextLength: 2200,
      maxMediaCount: 10,
      mixedMedia: true,
    });
  });
});
