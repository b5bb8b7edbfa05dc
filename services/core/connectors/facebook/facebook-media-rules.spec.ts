import { mediaRuleProblems } from '../../media/check-media-rules';
import type { PublishMedia } from '../connector.types';
import { ConnectorError } from '../connector.errors';
import { planFacebookPost } from './facebook-media-plan';
import { missingPermissions } from './facebook-permissions';
import { facebookPlatform } from './facebook.platform';

const rules = facebookPlatform.mediaRules;
const MB = 1024 * 1024;
const problems = (text: string, media: { contentType: string; size: number; durationSeconds?: number }[] = []) =>
  mediaRuleProblems('Facebook', rules, { text, media });

function media(kind: 'image' | 'video', n = 1): PublishMedia[] {
  return Array.from({ length: n }, (_, i) => ({
    kind,
    contentType: kind === 'image' ? 'image/jpeg' : 'video/mp4',
    checksum: `sum${i}`,
    size: 10,
    bytes: Buffer.from('x'),
  }));
}

describe('Facebook media rules (checked at schedule time)', () => {
  it('takes 63,206 characters of text and refuses one more', () => {
    expect(problems('a'.repeat(63_206))).toEqual([]);
    expect(problems('a'.repeat(63_207))).toEqual(['Facebook allows 63206 characters; this post has 63207']);
  });

  it('needs no media', () => {
    expect(problems('just words')).toEqual([]);
  });

  it('takes JPEG, PNG, GIF, BMP and TIFF up to 10 MB, and refuses WebP and bigger files', () => {
    for (const type of ['image/jpeg', 'image/png', 'image/gif', 'image/bmp', 'image/tiff'])
      expect(problems('', [{ contentType: type, size: 10 * MB }])).toEqual([]);
    expect(problems('', [{ contentType: 'image/webp', size: MB }]).join()).toContain('is not one of them');
    expect(problems('', [{ contentType: 'image/png', size: 10 * MB + 1 }]).join()).toContain('at most 10 MB');
  });

  it('takes up to 10 photos in one post', () => {
    const ten = Array.from({ length: 10 }, () => ({ contentType: 'image/jpeg', size: MB }));
    expect(problems('', ten)).toEqual([]);
    expect(problems('', [...ten, { contentType: 'image/jpeg', size: MB }])).toContain(
      'Facebook takes at most 10 media files per post',
    );
  });

  it('does not mix a video with photos', () => {
    const mixed = [
      { contentType: 'image/jpeg', size: MB },
      { contentType: 'video/mp4', size: MB, durationSeconds: 10 },
    ];
    expect(problems('', mixed)).toContain('Facebook does not mix images and videos in one post');
  });

  it('takes an MP4 up to 240 minutes and refuses a longer or unreadable one', () => {
    expect(problems('', [{ contentType: 'video/mp4', size: 100 * MB, durationSeconds: 240 * 60 }])).toEqual([]);
    expect(problems('', [{ contentType: 'video/mp4', size: MB, durationSeconds: 240 * 60 + 1 }]).join()).toContain(
      'allows 240 min',
    );
    expect(problems('', [{ contentType: 'video/mp4', size: MB }]).join()).toContain('could not be read');
  });
});

describe('planFacebookPost: the publishing shape, refused before any call when Facebook cannot take it', () => {
  const refused = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      expect(err).toBeInstanceOf(ConnectorError);
      expect((err as ConnectorError).kind).toBe('permanent');
      return (err as ConnectorError).message;
    }
    throw new Error('expected a refusal');
  };

  it('text and link go to /feed; one photo to /photos; several photos are attached; one video to /videos', () => {
    expect(planFacebookPost({ text: 'hi', media: [], link: 'https://raize.example/a' })).toEqual({
      kind: 'text',
      message: 'hi',
      link: 'https://raize.example/a',
    });
    expect(planFacebookPost({ text: 'hi', media: media('image') }).kind).toBe('photo');
    expect(planFacebookPost({ text: 'hi', media: media('image', 3) }).kind).toBe('photos');
    expect(planFacebookPost({ text: '', media: media('video') }).kind).toBe('video');
  });

  it('refuses a link with media, two videos, a video with photos, 11 photos and an empty post', () => {
    expect(refused(() => planFacebookPost({ text: 'x', media: media('image'), link: 'https://a.example' }))).toContain(
      'link only to a text post',
    );
    expect(refused(() => planFacebookPost({ text: 'x', media: media('video', 2) }))).toContain('one video');
    expect(refused(() => planFacebookPost({ text: 'x', media: [...media('video'), ...media('image')] }))).toContain(
      'one video',
    );
    expect(refused(() => planFacebookPost({ text: 'x', media: media('image', 11) }))).toContain('at most 10 photos');
    expect(refused(() => planFacebookPost({ text: '  ', media: [] }))).toContain('needs text, a link or media');
  });
});

describe('missingPermissions', () => {
  const all = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement', 'read_insights'];

  it('names each missing permission in an operator’s words', () => {
    expect(missingPermissions({ scopes: all, granular: [] }, '1')).toEqual([]);
    expect(missingPermissions({ scopes: ['pages_show_list'], granular: [] }, '1')).toEqual([
      'the pages_manage_posts permission (publish as the Page)',
      "the pages_read_engagement permission (read the Page's posts back)",
      'the read_insights permission (reports will lack reach and impressions until reconnected)',
    ]);
  });

  it('a Page connected before Raize asked for read_insights lacks only that: its reports, not its publishing', () => {
    const before = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'];
    expect(missingPermissions({ scopes: before, granular: [] }, '1')).toEqual([
      'the read_insights permission (reports will lack reach and impressions until reconnected)',
    ]);
  });

  it('counts a pages_* permission granted for other Pages only as missing for this one', () => {
    const granular = [{ scope: 'pages_manage_posts', target_ids: ['2'] }];
    expect(missingPermissions({ scopes: all, granular }, '1')).toEqual([
      'the pages_manage_posts permission (publish as the Page)',
    ]);
    expect(missingPermissions({ scopes: all, granular }, '2')).toEqual([]);
  });
});
