import { YOUTUBE_RESUME_KEYS } from '../../../../services/core/connectors/youtube/youtube-resume-keys';
import type { YouTubeRig } from './youtube-test-kit';
import { collect, dataPuts, failure, memoryResume, thumbnailOf, videoOf, youtubeRig } from './youtube-test-kit';

const TEXT = 'Behind the scenes\nHow the spring shoot came together.';

/**
 * The guard's unknown-outcome path for YouTube: an upload PUT whose answer never comes is `outcome_unknown`; the next
 * publish() with the same resume memory asks the upload session what happened instead of uploading again.
 */
describe('YouTube connector: an upload whose answer is lost', () => {
  let rig: YouTubeRig;
  beforeEach(async () => {
    rig = await youtubeRig({ appAudited: true });
  });
  afterEach(() => rig.emu.close());
  // Long enough for a chunk on a busy machine, short enough that a held request ends the attempt soon.
  const fast = { timeoutMs: 2000 };

  it('[C-22] the last chunk arrived but its answer was lost: the retry finds the video through the session, no second post', async () => {
    const since = new Date(Date.now() - 1000);
    const video = videoOf();
    const resume = memoryResume();
    rig.emu.hangUploadChunk({ chunk: 3, applyFirst: true });

    const err = await failure(rig.publish({ text: TEXT, media: [video, thumbnailOf()] }, { resume }, fast));
    expect(err).toMatchObject({ kind: 'outcome_unknown', details: { transport: 'timeout' } });
    // The video exists on the platform, though nobody heard so; the session was saved before the first byte.
    expect(rig.emu.posts(rig.channelId)).toHaveLength(1);
    expect(resume.values[YOUTUBE_RESUME_KEYS.session]).toBeDefined();
    expect(resume.values[YOUTUBE_RESUME_KEYS.videoId]).toBeUndefined();

    const out = await rig.publish({ text: TEXT, media: [video, thumbnailOf()] }, { resume }, fast);
    const posts = rig.emu.posts(rig.channelId);
    expect(posts).toHaveLength(1);
    expect(out).toMatchObject({ replayed: true, post: { postId: posts[0]!.id, text: TEXT } });
    expect(posts[0]!.media.map((m) => m.sha256)).toEqual([video.checksum, thumbnailOf().checksum]);
    // one session for both attempts; the second attempt sent no bytes, only the status query
    expect(
      rig.emu.server.requests.filter((r) => r.method === 'POST' && r.path === '/upload/youtube/v3/videos'),
    ).toHaveLength(1);
    expect(dataPuts(rig.emu)).toHaveLength(3);
    expect(rig.emu.server.requests.filter((r) => r.method === 'PUT').at(-1)?.headers['content-range']).toBe(
      'bytes */614400',
    );
    expect(rig.emu.quotaUsed()).toBe(1600 + 50);

    const found = await collect(rig.reader().ownPostsSince(rig.cred, since));
    expect(found.map((p) => [p.postId, p.text])).toEqual([[out.post.postId, TEXT]]);
  });

  it('[C-22] the connection dropped before a chunk was stored: the retry resumes from the byte the session reports', async () => {
    const video = videoOf();
    const resume = memoryResume();
    rig.emu.hangUploadChunk({ chunk: 2, applyFirst: false });

    expect((await failure(rig.publish({ text: TEXT, media: [video] }, { resume }, fast))).kind).toBe('outcome_unknown');
    expect(rig.emu.posts(rig.channelId)).toEqual([]);

    const out = await rig.publish({ text: TEXT, media: [video] }, { resume }, fast);
    expect(out.replayed).toBe(true);
    expect(rig.emu.posts(rig.channelId).map((p) => [p.id, p.media[0]!.sha256])).toEqual([
      [out.post.postId, video.checksum],
    ]);
    const puts = rig.emu.server.requests.filter((r) => r.method === 'PUT').map((r) => r.headers['content-range']);
    expect(puts).toEqual([
      'bytes 0-262143/614400',
      'bytes 262144-524287/614400', // held, never stored
      'bytes */614400', // the retry asks first: 308 Range bytes=0-262143
      'bytes 262144-524287/614400',
      'bytes 524288-614399/614400',
    ]);
  });

  it('[C-22] a single-PUT upload cut off by the network: the retry asks the session and sends it once more', async () => {
    const video = videoOf(100 * 1024);
    const resume = memoryResume();
    rig.emu.server.inject({ kind: 'drop' }, { match: { method: 'PUT', path: '/upload/youtube/v3/videos' } });
    expect((await failure(rig.publish({ text: TEXT, media: [video] }, { resume }))).kind).toBe('outcome_unknown');

    const out = await rig.publish({ text: TEXT, media: [video] }, { resume });
    expect(rig.emu.posts(rig.channelId).map((p) => p.id)).toEqual([out.post.postId]);
    expect(rig.emu.server.requests.filter((r) => r.method === 'PUT').map((r) => r.headers['content-range'])).toEqual([
      'bytes 0-102399/102400', // dropped
      'bytes */102400', // nothing arrived: 308 without Range
      'bytes 0-102399/102400',
    ]);
  });

  it('a video id already saved is read back, not uploaded again, and the thumbnail still set', async () => {
    const first = await rig.publish({ text: TEXT, media: [videoOf(1000)] });
    const resume = memoryResume();
    await resume.put({ [YOUTUBE_RESUME_KEYS.videoId]: first.post.postId });
    rig.emu.server.reset();
    const again = await rig.publish({ text: TEXT, media: [videoOf(1000), thumbnailOf()] }, { resume });
    expect(again).toMatchObject({ replayed: true, post: { postId: first.post.postId } });
    expect(rig.emu.posts(rig.channelId)).toHaveLength(1);
    expect(rig.emu.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /youtube/v3/videos',
      'POST /upload/youtube/v3/thumbnails/set',
    ]);
  });

  it('an expired session (404) whose video never arrived starts a new one', async () => {
    const video = videoOf();
    const resume = memoryResume();
    rig.emu.hangUploadChunk({ chunk: 1, applyFirst: false });
    await failure(rig.publish({ text: TEXT, media: [video] }, { resume }, fast));
    const oldSession = resume.values[YOUTUBE_RESUME_KEYS.session];
    rig.emu.expireUploadSessions();

    const out = await rig.publish({ text: TEXT, media: [video] }, { resume }, fast);
    expect(out.replayed).toBe(false);
    expect(resume.values[YOUTUBE_RESUME_KEYS.session]).not.toBe(oldSession);
    expect(rig.emu.posts(rig.channelId)).toHaveLength(1);
  });

  it('a saved session of other content (another checksum) is not resumed', async () => {
    const resume = memoryResume();
    rig.emu.hangUploadChunk({ chunk: 1, applyFirst: false });
    await failure(rig.publish({ text: TEXT, media: [videoOf()] }, { resume }, fast));
    const other = videoOf(1000);
    const out = await rig.publish({ text: TEXT, media: [other] }, { resume }, fast);
    expect(rig.emu.posts(rig.channelId).map((p) => [p.id, p.media[0]!.sha256])).toEqual([
      [out.post.postId, other.checksum],
    ]);
    expect(
      rig.emu.server.requests.filter((r) => r.method === 'POST' && r.path === '/upload/youtube/v3/videos'),
    ).toHaveLength(2);
  });
});
