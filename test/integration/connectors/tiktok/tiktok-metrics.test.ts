import { pkceChallenge, randomUrlToken } from '../../../../services/core/connectors/pkce';
import { tiktokPlatform } from '../../../../services/core/connectors/tiktok/tiktok.platform';
import { emulatedFollowers, emulatedPostFigures } from '../../../../services/emulators/platforms/kit/emulated-metrics';
import type { TikTokEmulator } from '../../../../services/emulators/platforms/tiktok/tiktok.emulator';
import { startTikTokEmulator } from '../../../../services/emulators/platforms/tiktok/tiktok.emulator';
import { consentAs } from '../browser-consent';

/** What Raize's consent asked for before it asked for user.info.stats: an account connected then has this token. */
const BEFORE = ['user.info.basic', 'user.info.profile', 'video.publish', 'video.list'];

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

  it('connected with the consent Raize asks for now (user.info.stats included), the follower count is filled', async () => {
    const oauth = tiktokPlatform.oauth(emu.settings());
    const verifier = randomUrlToken();
    const url = oauth.authorizeUrl({ state: 'st', codeChallenge: pkceChallenge(verifier) });
    expect(new URL(url).searchParams.get('scope')!.split(',')).toContain('user.info.stats');
    const back = await consentAs(url, brand);
    const tokens = await oauth.exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: verifier });
    expect(tokens.scope!.split(' ')).toContain('user.info.stats');
    const cred = { accessToken: tokens.accessToken };
    expect(await metrics().account(cred, { day: '2026-03-02' })).toEqual({
      followers: emulatedFollowers(brand, emu.clock.now()),
      reach: null,
      impressions: null,
      engagement: null,
    });
    expect((await tiktokPlatform.createReader(emu.settings()).standing(cred)).missing).toEqual([]);
  });

  it('an account connected before (no user.info.stats): followers null (not 0), no failure, standing says why', async () => {
    const old = { accessToken: emu.grant(brand, BEFORE).accessToken };
    expect(await metrics().account(old, { day: '2026-03-02' })).toEqual({
      followers: null,
      reach: null,
      impressions: null,
      engagement: null,
    });
    expect((await tiktokPlatform.createReader(emu.settings()).standing(old)).missing).toEqual([
      'the user.info.stats scope (reports will lack the follower count until reconnected)',
    ]);
  });

  it('a private video (not listed by video/query) is null, never zeros', async () => {
    const cred = { accessToken: emu.grant(brand).accessToken };
    const hidden = emu.seedPost(brand, 'only me', { privacyLevel: 'SELF_ONLY' });
    expect(await metrics().post(cred, hidden.id)).toBeNull();
  });
});
