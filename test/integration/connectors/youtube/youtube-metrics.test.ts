import { emulatedFollowers, emulatedPostFigures } from '../../../../services/emulators/platforms/kit/emulated-metrics';
import type { YouTubeRig } from './youtube-test-kit';
import { videoOf, youtubeRig } from './youtube-test-kit';

describe('YouTube metrics against the emulator (statistics of the channel and of a video)', () => {
  let rig: YouTubeRig;
  beforeEach(async () => {
    rig = await youtubeRig({ appAudited: true, dailyQuota: 20_000 });
  });
  afterEach(() => rig.emu.close());

  it('reads subscribers as followers; the Data API gives no daily channel figures', async () => {
    const figures = await rig.reader().metrics!.account(rig.cred, { day: '2026-03-02' });
    expect(figures).toEqual({
      followers: emulatedFollowers(rig.channelId, rig.emu.clock.now()),
      reach: null,
      impressions: null,
      engagement: null,
    });
    const sent = rig.emu.server.last('/youtube/v3/channels')!;
    expect(Object.fromEntries(sent.query)).toEqual({ part: 'statistics', mine: 'true' });
  });

  it("reads a video's views, likes and comments; no reach, no shares", async () => {
    const out = await rig.publish({ text: 'Our new clip', media: [videoOf(100)] });
    // Within the access token's hour.
    rig.emu.clock.advance(40 * 60);
    const read = await rig.reader().metrics!.post(rig.cred, out.post.postId);
    const video = rig.emu.posts(rig.channelId)[0]!;
    const f = emulatedPostFigures(video.id, Date.parse(video.createdAt), rig.emu.clock.now());
    expect(read).toEqual({
      impressions: f.views,
      reach: null,
      likes: f.likes,
      comments: f.comments,
      shares: null,
      engagement: f.likes + f.comments,
    });
    expect(await rig.reader().metrics!.post(rig.cred, 'nope00000000')).toBeNull();
  });
});
