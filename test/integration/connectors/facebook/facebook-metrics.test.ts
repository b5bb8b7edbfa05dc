import { facebookPlatform } from '../../../../services/core/connectors/facebook/facebook.platform';
import type { FacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import { startFacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import {
  emulatedDayFigures,
  emulatedFollowers,
  emulatedPostFigures,
  utcMidnight,
} from '../../../../services/emulators/platforms/kit/emulated-metrics';

const READ = ['pages_show_list', 'pages_manage_posts', 'pages_read_engagement'];

describe('Facebook metrics against the emulator (Page insights, post insights and counts)', () => {
  let emu: FacebookEmulator;
  let pageId: string;
  beforeEach(async () => {
    emu = await startFacebookEmulator();
    pageId = emu.accounts()[0]!.id;
  });
  afterEach(() => emu.close());

  const metrics = () => facebookPlatform.createReader(emu.settings()).metrics!;
  const seedPost = (ageMinutes: number) => {
    const id = `${pageId}_${emu.world.nextId()}`;
    const createdAt = emu.clock.now() - ageMinutes * 60_000;
    emu.world.posts.set(id, { id, pageId, message: 'hi', createdAt, kind: 'status', media: [], visible: true });
    return { id, createdAt };
  };

  it('reads a Page day (views, unique viewers, post engagements) with read_insights, and its followers', async () => {
    const cred = { accessToken: emu.grant(pageId, [...READ, 'read_insights']).accessToken };
    const post = seedPost(90);
    const now = emu.clock.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const figures = await metrics().account(cred, { day });
    const expected = emulatedDayFigures([{ id: post.id, createdAtMs: post.createdAt }], utcMidnight(day), now);
    expect(figures.followers).toBe(emulatedFollowers(pageId, emu.clock.now()));
    expect(figures).toMatchObject({ impressions: expected.views, reach: expected.reach });
    expect(figures.engagement).toBe(expected.engagements);
    const sent = emu.server.requests.find((r) => r.path.endsWith('/insights'))!;
    expect(sent.path).toMatch(new RegExp(`^/v\\d+\\.\\d+/${pageId}/insights$`));
    expect(sent.query.get('metric')).toBe('page_media_view,page_total_media_view_unique,page_post_engagements');
    expect(sent.query.get('period')).toBe('day');
    expect(Number(sent.query.get('until')) - Number(sent.query.get('since'))).toBe(86_400);
  });

  it('without read_insights the insights figures are null (not 0) and the followers still come', async () => {
    const cred = { accessToken: emu.grant(pageId, READ).accessToken };
    seedPost(30);
    const day = new Date(emu.clock.now()).toISOString().slice(0, 10);
    const figures = await metrics().account(cred, { day });
    expect(figures).toEqual({
      followers: emulatedFollowers(pageId, emu.clock.now()),
      impressions: null,
      reach: null,
      engagement: null,
    });
    const post = seedPost(60);
    const read = await metrics().post(cred, post.id);
    const f = emulatedPostFigures(post.id, post.createdAt, emu.clock.now());
    expect(read).toEqual({
      impressions: null,
      reach: null,
      likes: null,
      comments: f.comments,
      shares: f.shares,
      engagement: f.comments + f.shares,
    });
  });

  it("reads a post's lifetime totals, which grow with time; an unknown post is null", async () => {
    const cred = { accessToken: emu.grant(pageId, [...READ, 'read_insights']).accessToken };
    const post = seedPost(200);
    const first = await metrics().post(cred, post.id);
    const f = emulatedPostFigures(post.id, post.createdAt, emu.clock.now());
    expect(first).toEqual({
      impressions: f.views,
      reach: f.reach,
      likes: f.likes,
      comments: f.comments,
      shares: f.shares,
      engagement: f.likes + f.comments + f.shares,
    });
    emu.clock.advance(3600);
    const later = await metrics().post(cred, post.id);
    expect(later!.impressions!).toBeGreaterThan(first!.impressions!);
    expect(await metrics().post(cred, `${pageId}_999999`)).toBeNull();
  });

  it('a revoked token fails the reading as an auth error the episode classifies', async () => {
    const cred = { accessToken: emu.grant(pageId, READ).accessToken };
    emu.revokeUser(emu.users()[0]!.id, 460);
    await expect(metrics().account(cred, { day: '2026-03-02' })).rejects.toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked' },
    });
  });
});
