import { YOUTUBE_RESUME_KEYS } from '../../../../services/core/connectors/youtube/youtube-resume-keys';
import type { YouTubeRig } from './youtube-test-kit';
import { dataPuts, failure, media, memoryResume, thumbnailOf, videoOf, youtubeRig } from './youtube-test-kit';

const TEXT = 'Spring collection is here\n\nThree looks, one jacket. Link in the channel.';

describe('YouTube connector: publishing a video against the emulator', () => {
  let rig: YouTubeRig;
  afterEach(() => rig.emu.close());

  describe('an audited project', () => {
    beforeEach(async () => {
      rig = await youtubeRig({ appAudited: true });
    });

    it('uploads in resumable chunks, sets the thumbnail, and the emulator holds exactly one post with both checksums', async () => {
      const video = videoOf();
      const thumb = thumbnailOf();
      const resume = memoryResume();
      let beats = 0;
      const out = await rig.publish(
        { text: TEXT, media: [video, thumb] },
        { resume, onProgress: () => beats++ },
        { appAudited: true },
      );

      const posts = rig.emu.posts(rig.channelId);
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({
        id: out.post.postId,
        text: TEXT,
        extra: { title: 'Spring collection is here', privacyStatus: 'public', categoryId: '22' },
      });
      expect(posts[0]!.media.map((m) => m.sha256)).toEqual([video.checksum, thumb.checksum]);

      expect(out.post).toMatchObject({
        text: TEXT,
        authorExternalId: rig.channelId,
        url: `https://www.youtube.com/watch?v=${out.post.postId}`,
        requestKey: null,
      });
      expect(out.replayed).toBe(false);
      expect(out.warnings).toEqual([]);
      expect(out.usage).toEqual([
        { unit: 'quota_units', amount: 1600, operation: 'videos.insert' },
        { unit: 'quota_units', amount: 50, operation: 'thumbnails.set' },
      ]);
      expect(rig.emu.quotaUsed()).toBe(1650);

      // 600 KiB in 256 KiB chunks: two full ones and the rest, each with its Content-Range.
      expect(dataPuts(rig.emu).map((r) => r.headers['content-range'])).toEqual([
        'bytes 0-262143/614400',
        'bytes 262144-524287/614400',
        'bytes 524288-614399/614400',
      ]);
      expect(beats).toBe(3);
      const opened = rig.emu.server.requests.find(
        (r) => r.method === 'POST' && r.path === '/upload/youtube/v3/videos',
      )!;
      expect(opened.query.get('uploadType')).toBe('resumable');
      expect(opened.headers['x-upload-content-length']).toBe('614400');
      expect(opened.headers['x-upload-content-type']).toBe('video/mp4');
      expect(opened.json).toEqual({
        snippet: { title: 'Spring collection is here', description: TEXT, categoryId: '22' },
        status: { privacyStatus: 'public' },
      });
      expect(resume.values).toMatchObject({
        [YOUTUBE_RESUME_KEYS.videoId]: out.post.postId,
        [YOUTUBE_RESUME_KEYS.checksum]: video.checksum,
        [YOUTUBE_RESUME_KEYS.thumbnail]: 'done',
      });
      expect(resume.values[YOUTUBE_RESUME_KEYS.session]).toMatch(/upload_id=/);
      for (const r of rig.emu.server.requests.filter((q) => q.path.startsWith('/upload/')))
        expect(r.headers.authorization).toBe(`Bearer ${rig.cred.accessToken}`);
    });

    it('reads the post back with the text that was sent (the description)', async () => {
      const out = await rig.publish({ text: TEXT, media: [videoOf(1000)] });
      const read = await rig.reader().readPost(rig.cred, out.post.postId);
      expect(read).toMatchObject({ postId: out.post.postId, text: TEXT, authorExternalId: rig.channelId });
      expect(await rig.reader().readPost(rig.cred, 'doesNotExist')).toBeNull();
    });

    it('a refused thumbnail is a warning on a live video, not a failed post', async () => {
      rig.emu.denyCustomThumbnails(rig.channelId);
      const out = await rig.publish({ text: TEXT, media: [videoOf(1000), thumbnailOf()] });
      expect(out.warnings).toEqual([
        'the thumbnail was not set: POST /upload/youtube/v3/thumbnails/set answered 403 (forbidden)',
      ]);
      expect(rig.emu.posts(rig.channelId)).toHaveLength(1);
      expect(rig.emu.posts(rig.channelId)[0]!.media).toHaveLength(1);
    });

    it('a thumbnail YouTube cannot take is not sent at all (no units spent on it)', async () => {
      const gif = media('image', Buffer.from('GIF89a'), 'image/gif');
      const out = await rig.publish({ text: TEXT, media: [videoOf(1000), gif] });
      expect(out.warnings).toEqual(['the thumbnail was not set: YouTube thumbnails are JPEG or PNG, not image/gif']);
      expect(rig.emu.server.requests.some((r) => r.path.endsWith('/thumbnails/set'))).toBe(false);
      expect(out.usage?.map((u) => u.operation)).toEqual(['videos.insert']);
    });

    it('a 5xx during the upload is ridden out through the session: status query, then the rest, one video', async () => {
      rig.emu.server.inject(
        { kind: 'status', status: 503 },
        { match: { method: 'PUT', path: '/upload/youtube/v3/videos' } },
      );
      const sleeps: number[] = [];
      const out = await rig.publish(
        { text: TEXT, media: [videoOf()] },
        { sleep: (ms) => Promise.resolve(void sleeps.push(ms)) },
      );
      expect(rig.emu.posts(rig.channelId).map((p) => p.id)).toEqual([out.post.postId]);
      expect(sleeps).toEqual([1000]);
      const puts = rig.emu.server.requests.filter((r) => r.method === 'PUT').map((r) => r.headers['content-range']);
      // the failed first chunk, the status query (nothing arrived: no Range), then all three chunks
      expect(puts).toEqual([
        'bytes 0-262143/614400',
        'bytes */614400',
        'bytes 0-262143/614400',
        'bytes 262144-524287/614400',
        'bytes 524288-614399/614400',
      ]);
    });

    it('refuses before any call: no video, two videos, two images, < or > in the text, an empty first line', async () => {
      const cases = [
        { text: TEXT, media: [thumbnailOf()] },
        { text: TEXT, media: [videoOf(10), videoOf(10)] },
        { text: TEXT, media: [videoOf(10), thumbnailOf(), thumbnailOf()] },
        { text: 'a <b>bold</b> claim', media: [videoOf(10)] },
        { text: '   ', media: [videoOf(10)] },
      ];
      for (const content of cases) expect((await failure(rig.publish(content))).kind).toBe('permanent');
      expect(rig.emu.server.requests).toEqual([]);
    });
  });

  describe('an unaudited project', () => {
    beforeEach(async () => {
      rig = await youtubeRig({ appAudited: false });
    });

    it('asks for private, says so in a warning, and the video is private on the platform', async () => {
      const out = await rig.publish({ text: TEXT, media: [videoOf(1000)] }, {}, { appAudited: false });
      const opened = rig.emu.server.requests.find(
        (r) => r.method === 'POST' && r.path === '/upload/youtube/v3/videos',
      )!;
      expect((opened.json as { status: unknown }).status).toEqual({ privacyStatus: 'private' });
      expect(out.warnings).toEqual([
        'the Google Cloud project is not audited by YouTube: the video was uploaded as private and stays private',
      ]);
      expect(rig.emu.posts(rig.channelId)[0]!.extra.privacyStatus).toBe('private');
      expect(out.post.raw.privacyStatus).toBe('private');
    });

    it('a project configured as audited that YouTube still treats as unaudited gets a warning from the answer', async () => {
      const out = await rig.publish({ text: TEXT, media: [videoOf(1000)] }, {}, { appAudited: true });
      expect(out.warnings).toEqual([
        'YouTube set the video private instead of public: the project may not have passed the API audit',
      ]);
    });
  });
});
