import { facebookPlatform } from '../../../../services/core/connectors/facebook/facebook.platform';
import { pkceChallenge, randomUrlToken } from '../../../../services/core/connectors/pkce';
import type { FacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import { startFacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import {
  emulatedDayFigures,
  emulatedFollowers,
  emulatedPostFigures,
  utcMidnight,
} from '../../../../services/emulators/platforms/kit/emulated-metrics';
import { ALEX, connector } from './facebook-fixtures';

/** What Raize's consent asked for before it asked for read_insights: a Page connected then has this token. */
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

  it('connected with the consent Raize asks for now, the Page and post insights are filled and nothing is missing', async () => {
    const { oauth, reader } = connector(emu);
    const verifier = randomUrlToken();
    const url = oauth.authorizeUrl({ state: 'st', codeChallenge: pkceChallenge(verifier) });
    expect(new URL(url).searchParams.get('scope')!.split(',')).toContain('read_insights');
    const back = await emu.consent(url, { user: ALEX, pages: [pageId] });
    const tokens = await oauth.exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: verifier });
    expect(tokens.scope!.split(' ')).toContain('read_insights');
    const cred = { accessToken: tokens.accessToken };
    const post = seedPost(120);
    const now = emu.clock.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const f = emulatedDayFigures([{ id: post.id, createdAtMs: post.createdAt }], utcMidnight(day), now);
    expect(await metrics().account(cred, { day })).toEqual({
      followers: emulatedFollowers(pageId, now),
      impressions: f.views,
      reach: f.reach,
      engagement: f.engagements,
    });
    const p = emulatedPostFigures(post.id, post.createdAt, now);
    expect(await metrics().post(cred, post.id)).toMatchObject({ impressions: p.views, reach: p.reach, likes: p.likes });
    expect((await reader.standing(cred)).missing).toEqual([]);
  });

  it('a Page connected before (no read_insights): insights null (not 0), followers still come, standing says why', async () => {
    const cred = { accessToken: emu.grant(pageId, READ).accessToken };
    expect((await connector(emu).reader.standing(cred)).missing).toEqual([
      'the read_insights permission (reports will lack reach and impressions until reconnected)',
    ]);
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
