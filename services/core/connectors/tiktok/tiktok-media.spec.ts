import { ConnectorError } from '../connector.errors';
import type { PublishContent, PublishMedia } from '../connector.types';
import { MAX_CHUNK_BYTES, MIN_CHUNK_BYTES, planChunks } from './tiktok-chunks';
import { directPostChoice, preflightVideo } from './tiktok-preflight';
import type { TikTokCreatorInfo } from './tiktok-wire';
import { TIKTOK_MEDIA_RULES } from './tiktok.platform';

const MiB = 1024 * 1024;
const ROUTE = '/v2/post/publish/video/init/';

function video(over: Partial<PublishMedia> = {}): PublishMedia {
  const bytes = over.bytes ?? Buffer.alloc(64);
  return { kind: 'video', contentType: 'video/mp4', checksum: 'x', size: bytes.length, bytes, ...over };
}
const content = (over: Partial<PublishContent> = {}): PublishContent => ({ text: 'hi', media: [video()], ...over });
const refusal = (f: () => unknown): ConnectorError => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ConnectorError);
    return err as ConnectorError;
  }
  throw new Error('expected a refusal');
};

describe('planChunks: TikTok’s chunk rules', () => {
  it('a video under 5 MB goes whole', () => {
    expect(planChunks(4 * MiB)).toEqual({
      chunkSize: 4 * MiB,
      totalChunks: 1,
      ranges: [{ first: 0, last: 4 * MiB - 1 }],
    });
    expect(planChunks(1)).toMatchObject({ chunkSize: 1, totalChunks: 1 });
  });

  it('a video up to the chunk size goes as one chunk of its own size', () => {
    expect(planChunks(8 * MiB, 10 * MiB)).toMatchObject({ chunkSize: 8 * MiB, totalChunks: 1 });
  });

  it('the count rounds down and the last chunk carries the trailing bytes', () => {
    const p = planChunks(12 * MiB + 3, 5 * MiB);
    expect(p).toMatchObject({ chunkSize: 5 * MiB, totalChunks: 2 });
    expect(p.ranges).toEqual([
      { first: 0, last: 5 * MiB - 1 },
      { first: 5 * MiB, last: 12 * MiB + 2 },
    ]);
    const last = p.ranges[1]!;
    expect(last.last - last.first + 1).toBeLessThan(2 * p.chunkSize);
  });

  it('keeps chunks between 5 MB and 64 MB whatever is preferred', () => {
    expect(planChunks(200 * MiB, 1).chunkSize).toBe(MIN_CHUNK_BYTES);
    expect(planChunks(200 * MiB, 500 * MiB).chunkSize).toBe(MAX_CHUNK_BYTES);
    expect(planChunks(4 * 1024 * MiB).totalChunks).toBeLessThanOrEqual(1000);
  });

  it('refuses an empty video', () => {
    expect(() => planChunks(0)).toThrow(/at least one byte/);
  });
});

describe('preflightVideo: refused before anything is sent', () => {
  it('passes one mp4, mov or webm video', () => {
    for (const contentType of ['video/mp4', 'video/quicktime', 'video/webm'])
      expect(preflightVideo(content({ media: [video({ contentType })] }), TIKTOK_MEDIA_RULES, ROUTE).contentType).toBe(
        contentType,
      );
  });

  it('a caption of 2,200 UTF-16 units passes; one more does not', () => {
    expect(() => preflightVideo(content({ text: 'é'.repeat(2200) }), TIKTOK_MEDIA_RULES, ROUTE)).not.toThrow();
    // An emoji is two UTF-16 units: 1,100 of them fill the caption.
    expect(() => preflightVideo(content({ text: '🎬'.repeat(1100) }), TIKTOK_MEDIA_RULES, ROUTE)).not.toThrow();
    expect(
      refusal(() => preflightVideo(content({ text: 'a'.repeat(2201) }), TIKTOK_MEDIA_RULES, ROUTE)).message,
    ).toMatch(/longer than TikTok's 2200/);
  });

  it('no media, two videos, a photo, another type, bytes that lie about their size: media_rejected', () => {
    const cases: PublishContent[] = [
      content({ media: [] }),
      content({ media: [video(), video()] }),
      content({ media: [video({ kind: 'image', contentType: 'image/jpeg' })] }),
      content({ media: [video({ contentType: 'video/x-msvideo' })] }),
      content({ media: [video({ size: 10 })] }),
    ];
    for (const c of cases)
      expect(refusal(() => preflightVideo(c, TIKTOK_MEDIA_RULES, ROUTE))).toMatchObject({
        kind: 'permanent',
        details: { health: 'media_rejected' },
      });
  });

  it('a video over 4 GB', () => {
    const rules = { ...TIKTOK_MEDIA_RULES, video: { ...TIKTOK_MEDIA_RULES.video!, maxBytes: 32 } };
    expect(refusal(() => preflightVideo(content(), rules, ROUTE)).message).toMatch(/larger than TikTok/);
  });
});

describe('directPostChoice: what creator_info allows', () => {
  const creator = (over: Partial<TikTokCreatorInfo> = {}): TikTokCreatorInfo => ({
    creator_username: 'brand',
    privacy_level_options: ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'],
    comment_disabled: false,
    duet_disabled: false,
    stitch_disabled: false,
    max_video_post_duration_sec: 60,
    ...over,
  });

  it('an audited app posts the privacy asked for, interactions on', () => {
    expect(directPostChoice(creator(), video({ durationSeconds: 60 }), 'PUBLIC_TO_EVERYONE', true, ROUTE)).toEqual({
      privacyLevel: 'PUBLIC_TO_EVERYONE',
      disableComment: false,
      disableDuet: false,
      disableStitch: false,
      warnings: [],
    });
  });

  it('a video longer than this creator may post is refused; exactly the maximum passes; unknown duration passes', () => {
    expect(
      refusal(() => directPostChoice(creator(), video({ durationSeconds: 60.4 }), 'PUBLIC_TO_EVERYONE', true, ROUTE)),
    ).toMatchObject({
      kind: 'permanent',
      details: { health: 'media_rejected', platformCode: 'duration_check_failed' },
    });
    expect(() => directPostChoice(creator(), video(), 'PUBLIC_TO_EVERYONE', true, ROUTE)).not.toThrow();
  });

  it('a privacy level the account does not offer is refused, naming what it offers', () => {
    const priv = creator({ privacy_level_options: ['FOLLOWER_OF_CREATOR', 'MUTUAL_FOLLOW_FRIENDS', 'SELF_ONLY'] });
    const e = refusal(() => directPostChoice(priv, video(), 'PUBLIC_TO_EVERYONE', true, ROUTE));
    expect(e.details.platformCode).toBe('privacy_level_option_mismatch');
    expect(e.message).toMatch(
      /does not offer PUBLIC_TO_EVERYONE \(it offers FOLLOWER_OF_CREATOR, MUTUAL_FOLLOW_FRIENDS, SELF_ONLY\)/,
    );
  });

  it('an unaudited app posts SELF_ONLY and says so', () => {
    const c = directPostChoice(creator(), video(), 'PUBLIC_TO_EVERYONE', false, ROUTE);
    expect(c.privacyLevel).toBe('SELF_ONLY');
    expect(c.warnings).toEqual([expect.stringMatching(/not audited.*SELF_ONLY.*instead of PUBLIC_TO_EVERYONE/)]);
    expect(directPostChoice(creator(), video(), 'SELF_ONLY', false, ROUTE).warnings).toEqual([]);
  });

  it('interactions the creator switched off stay off; can_post false is cannot_post', () => {
    expect(
      directPostChoice(creator({ comment_disabled: true, duet_disabled: true }), video(), 'SELF_ONLY', true, ROUTE),
    ).toMatchObject({ disableComment: true, disableDuet: true, disableStitch: false });
    expect(
      refusal(() => directPostChoice(creator({ can_post: false }), video(), 'SELF_ONLY', true, ROUTE)),
    ).toMatchObject({
      details: { health: 'cannot_post' },
    });
  });
});
