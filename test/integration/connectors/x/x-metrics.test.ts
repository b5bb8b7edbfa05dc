import { xPlatform } from '../../../../services/core/connectors/x/x.platform';
import { createXWriter } from '../../../../services/core/connectors/x/x.writer';
import { emulatedFollowers, emulatedPostFigures } from '../../../../services/emulators/platforms/kit/emulated-metrics';
import type { XEmulator } from '../../../../services/emulators/platforms/x/x.emulator';
import { startXEmulator } from '../../../../services/emulators/platforms/x/x.emulator';

describe('X metrics against the emulator (public_metrics of the user and of a post)', () => {
  let emu: XEmulator;
  let accountId: string;
  beforeEach(async () => {
    emu = await startXEmulator();
    accountId = emu.accounts()[0]!.id;
  });
  afterEach(() => emu.close());

  const metrics = () => xPlatform.createReader(emu.settings()).metrics!;

  it('reads followers and nothing else for the account', async () => {
    const cred = { accessToken: emu.grant(accountId).accessToken };
    expect(await metrics().account(cred, { day: '2026-03-02' })).toEqual({
      followers: emulatedFollowers(accountId, emu.clock.now()),
      reach: null,
      impressions: null,
      engagement: null,
    });
    expect(emu.server.requests.at(-1)!.query.get('user.fields')).toBe('public_metrics');
  });

  it("reads a post's public metrics: impressions, likes, replies, reposts and quotes as shares", async () => {
    const cred = { accessToken: emu.grant(accountId).accessToken };
    const out = await createXWriter(emu.settings()).publish(cred, { text: 'Spring is here', media: [] }, 'key-1');
    emu.clock.advance(45 * 60);
    const read = await metrics().post(cred, out.post.postId);
    const tweet = emu.posts(accountId)[0]!;
    const f = emulatedPostFigures(tweet.id, Date.parse(tweet.createdAt), emu.clock.now());
    expect(read).toEqual({
      impressions: f.views,
      reach: null,
      likes: f.likes,
      comments: f.comments,
      shares: f.shares,
      engagement: f.likes + f.comments + f.shares + f.saves,
    });
    expect(await metrics().post(cred, '1999999999999999999')).toBeNull();
  });

  it('a rate limit is a rate_limited error with the wait X asked for', async () => {
    const cred = { accessToken: emu.grant(accountId).accessToken };
    emu.setRateLimit('GET /2/users/me', 0);
    await expect(metrics().account(cred, { day: '2026-03-02' })).rejects.toMatchObject({ kind: 'rate_limited' });
  });
});
