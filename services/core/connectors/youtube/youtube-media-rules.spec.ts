import { mediaRuleProblems } from '../../media/check-media-rules';
import type { MediaFacts } from '../../media/media-facts';
import type { PublishMedia } from '../connector.types';
import { thumbnailProblem, YOUTUBE_MEDIA_RULES } from './youtube-media-rules';
import { youtubeText } from './youtube-text';

const video = (over: Partial<MediaFacts> = {}): MediaFacts => ({
  contentType: 'video/mp4',
  size: 10_000_000,
  width: 1920,
  height: 1080,
  durationSeconds: 60,
  ...over,
});
const image = (over: Partial<MediaFacts> = {}): MediaFacts => ({
  contentType: 'image/jpeg',
  size: 200_000,
  width: 1280,
  height: 720,
  ...over,
});
const check = (text: string, media: MediaFacts[]) => mediaRuleProblems('YouTube', YOUTUBE_MEDIA_RULES, { text, media });

describe('YouTube media rules at schedule time', () => {
  it('a video, alone or with a JPEG/PNG thumbnail, fits', () => {
    expect(check('A title', [video()])).toEqual([]);
    expect(check('A title', [video(), image({ contentType: 'image/png' })])).toEqual([]);
    expect(check('A title', [video({ contentType: 'video/quicktime' })])).toEqual([]);
  });

  it('a post without media does not', () => {
    expect(check('text only', [])).toEqual(['YouTube posts need an image or a video']);
  });

  it('12 hours is the longest video; one second more is refused', () => {
    expect(check('t', [video({ durationSeconds: 12 * 3600 })])).toEqual([]);
    expect(check('t', [video({ durationSeconds: 12 * 3600 + 1 })])).toHaveLength(1);
  });

  it('256 GB is the largest file', () => {
    expect(check('t', [video({ size: 256 * 1024 ** 3 })])).toEqual([]);
    expect(check('t', [video({ size: 256 * 1024 ** 3 + 1 })])).toHaveLength(1);
  });

  it('a thumbnail over 2 MB or of another type is refused', () => {
    expect(check('t', [video(), image({ size: 2 * 1024 * 1024 + 1 })])).toHaveLength(1);
    expect(check('t', [video(), image({ contentType: 'image/webp' })])).toHaveLength(1);
  });

  it('more than a video and a thumbnail is refused', () => {
    expect(check('t', [video(), image(), image()])).toEqual(['YouTube takes at most 2 media files per post']);
  });

  it('5,000 characters of text is the most', () => {
    expect(check('a'.repeat(5000), [video()])).toEqual([]);
    expect(check('a'.repeat(5001), [video()])).toHaveLength(1);
  });
});

describe('youtubeText: title and description from the post', () => {
  it('the title is the first non-blank line, the description the whole text', () => {
    const t = youtubeText('\n  Launch   day!  \nSecond line\nThird');
    expect(t).toEqual({ ok: true, title: 'Launch day!', description: '\n  Launch   day!  \nSecond line\nThird' });
  });

  it('a first line over 100 characters is cut to 100 with an ellipsis, never inside a surrogate pair', () => {
    const t = youtubeText(`${'😀'.repeat(150)}\nmore`);
    expect(t.ok && [...t.title]).toHaveLength(100);
    expect(t.ok && t.title.endsWith('…')).toBe(true);
    // no lone surrogate: the cut never split an emoji
    expect(t.ok && /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(t.title)).toBe(false);
    const exact = youtubeText('x'.repeat(100));
    expect(exact.ok && exact.title).toBe('x'.repeat(100));
  });

  it('< and > are refused, not replaced: the read-back must equal the text', () => {
    expect(youtubeText('a <b> tag')).toEqual({ ok: false, problem: 'YouTube descriptions may not contain < or >' });
  });

  it('5,000 bytes is the description’s limit, counted in UTF-8', () => {
    expect(youtubeText('é'.repeat(2500)).ok).toBe(true);
    const over = youtubeText('é'.repeat(2501));
    expect(over).toEqual({ ok: false, problem: 'YouTube descriptions take at most 5000 bytes; this text has 5002' });
  });

  it('an empty or blank text has no title', () => {
    expect(youtubeText(' \n ').ok).toBe(false);
  });
});

describe('thumbnailProblem', () => {
  const media = (contentType: string, size: number): PublishMedia => ({
    kind: 'image',
    contentType,
    checksum: 'x',
    size,
    bytes: Buffer.alloc(size),
  });
  it('JPEG and PNG up to 2 MB are fine; others are named', () => {
    expect(thumbnailProblem(media('image/jpeg', 2 * 1024 * 1024))).toBeNull();
    expect(thumbnailProblem(media('image/gif', 10))).toMatch(/JPEG or PNG/);
    expect(thumbnailProblem(media('image/png', 2 * 1024 * 1024 + 1))).toMatch(/2 MB/);
  });
});
