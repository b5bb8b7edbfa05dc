import { TIKTOK_SCOPES } from '../../../../services/core/connectors/tiktok/tiktok-settings';
import { tiktokPlatform } from '../../../../services/core/connectors/tiktok/tiktok.platform';
import { emulatedFollowers, emulatedPostFigures } from '../../../../services/emulators/platforms/kit/emulated-metrics';
import type { TikTokEmulator } from '../../../../services/emulators/platforms/tiktok/tiktok.emulator';
import { startTikTokEmulator } from '../../../../services/emulators/platforms/tiktok/tiktok.emulator';

describe('TikTok metrics against the emulator (video/query counts, user/info followers)', () => {
  let emu: TikTokEmulator;
  let brand: string;
  beforeEach(async () => {
    emu = await startTikTokEmulator();
    brand = emu.accounts()[0]!.id;
  });
  afterEach(() => emu.close());

  const metrics = () => tiktokPlatform.createReader(emu.settings()).metrics!;

  it("reads a video's views, likes, comments and shares through video/query", async () => {
    const cred = { accessToken: emu.grant(brand).accessToken };
    const video = emu.seedPost(brand, 'dance', { createdAt: new Date(emu.clock.now() - 2 * 3600_000) });
    const read = await metrics().post(cred, video.id);
    const f = emulatedPostFigures(video.id, Date.parse(video.createdAt), emu.clock.now());
    expect(read).toEqual({
      impressions: f.views,
      reach: null,
      likes: f.likes,
      comments: f.comments,
      shares: f.shares,
      engagement: f.likes + f.comments + f.shares,
    });
    const sent = emu.server.last('/v2/video/query/')!;
    expect(sent.query.get('fields')).toBe('id,view_count,like_count,comment_count,share_count');
    expect(sent.json).toEqual({ filters: { video_ids: [video.id] } });
  });

  it('followers need user.info.stats: null without it (the scopes Raize asks for), the count with it', async () => {
    const plain = { accessToken: emu.grant(brand, [...TIKTOK_SCOPES]).accessToken };
    expect(await metrics().account(plain, { day: '2026-03-02' })).toEqual({
      followers: null,
      reach: null,
      impressions: null,
      engagement: null,
    });
    const stats = { accessToken: emu.grant(brand, [...TIKTOK_SCOPES, 'user.info.stats']).accessToken };
    expect((await metrics().account(stats, { day: '2026-03-02' })).followers).toBe(
      emulatedFollowers(brand, emu.clock.now()),
    );
  });

  it('a private video (not listed by video/query) is null, never zeros', async () => {
    const cred = { accessToken: emu.grant(brand).accessToken };
    const hidden = emu.seedPost(brand, 'only me', { privacyLevel: 'SELF_ONLY' });
    expect(await metrics().post(cred, hidden.id)).toBeNull();
  });
});
