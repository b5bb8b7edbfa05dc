import { instagramPlatform } from '../../../../services/core/connectors/instagram/instagram.platform';
import { consentAs } from '../browser-consent';
import { createInstagramWriter } from '../../../../services/core/connectors/instagram/instagram.writer';
import {
  emulatedDayFigures,
  emulatedFollowers,
  emulatedPostFigures,
  utcMidnight,
} from '../../../../services/emulators/platforms/kit/emulated-metrics';
import type { IgWorld } from './instagram-fixture';
import { jpeg, noWait, publishMedia, startIgWorld } from './instagram-fixture';

const BASIC = ['instagram_business_basic', 'instagram_business_content_publish'];
const INSIGHTS = [...BASIC, 'instagram_business_manage_insights'];
/** What Raize's consent asked for before it asked for insights: an account connected then has this token. */
const BEFORE = [...BASIC, 'instagram_business_manage_comments'];

describe('Instagram metrics against the emulator (account and media insights)', () => {
  let w: IgWorld;
  beforeEach(async () => {
    w = await startIgWorld();
  });
  afterEach(() => w.close());

  const metrics = () => instagramPlatform.createReader(w.settings).metrics!;
  const cred = (scope: string[]) => ({ accessToken: w.emu.grant(w.account, scope).accessToken });
  /** A photo published through the connector, then an hour and a half of the emulator's clock. */
  async function publishedPhoto() {
    const bytes = jpeg();
    const media = publishMedia('image', bytes, w.host.put('/photo.jpg', bytes, 'image/jpeg'));
    const out = await createInstagramWriter(w.settings).publish(w.cred, { text: 'hello', media: [media] }, 'k-1', {
      sleep: noWait,
    });
    w.emu.clock.advance(90 * 60);
    const post = w.emu.posts(w.account).find((p) => p.id === out.post.postId)!;
    return { id: post.id, createdAtMs: Date.parse(post.createdAt) };
  }

  it("reads the account's day (reach, views, interactions) with the insights permission, and its followers", async () => {
    const m = await publishedPhoto();
    const now = w.emu.clock.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const f = emulatedDayFigures([m], utcMidnight(day), now);
    const figures = await metrics().account(cred(INSIGHTS), { day });
    expect(figures).toEqual({
      followers: emulatedFollowers(w.account, now),
      impressions: f.views,
      reach: Math.floor((f.views * 7) / 10),
      engagement: f.engagements,
    });
    const sent = w.emu.server.requests.find((r) => r.path.endsWith('/insights'))!;
    expect(sent.query.get('metric')).toBe('reach,views,total_interactions');
    expect(sent.query.get('metric_type')).toBe('total_value');
    // Without the insights permission the day is not given; the followers still are.
    expect(await metrics().account(cred(BASIC), { day })).toEqual({
      followers: emulatedFollowers(w.account, now),
      impressions: null,
      reach: null,
      engagement: null,
    });
  });

  it('connected with the consent Raize asks for now, the account day and the media insights are filled', async () => {
    const oauth = instagramPlatform.oauth(w.settings);
    const url = oauth.authorizeUrl({ state: 'st', codeChallenge: 'unused' });
    expect(new URL(url).searchParams.get('scope')!.split(',')).toContain('instagram_business_manage_insights');
    const back = await consentAs(url, w.account);
    const tokens = await oauth.exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: '' });
    expect(tokens.scope!.split(' ')).toContain('instagram_business_manage_insights');
    const cred = { accessToken: tokens.accessToken };
    const m = await publishedPhoto();
    const now = w.emu.clock.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const f = emulatedDayFigures([m], utcMidnight(day), now);
    expect(await metrics().account(cred, { day })).toMatchObject({ impressions: f.views, engagement: f.engagements });
    const p = emulatedPostFigures(m.id, m.createdAtMs, now);
    expect(await metrics().post(cred, m.id)).toMatchObject({ reach: p.reach, impressions: p.views, likes: p.likes });
    expect((await instagramPlatform.createReader(w.settings).standing(cred)).missing).toEqual([]);
  });

  it('an account connected before (no insights permission): null figures, no failure, and standing says why', async () => {
    const m = await publishedPhoto();
    const day = new Date(w.emu.clock.now()).toISOString().slice(0, 10);
    const old = cred(BEFORE);
    expect(await metrics().account(old, { day })).toEqual({
      followers: emulatedFollowers(w.account, w.emu.clock.now()),
      impressions: null,
      reach: null,
      engagement: null,
    });
    expect((await metrics().post(old, m.id))!.impressions).toBeNull();
    expect((await instagramPlatform.createReader(w.settings).standing(old)).missing).toEqual([
      'the instagram_business_manage_insights permission (reports will lack reach and impressions until reconnected)',
    ]);
  });

  it("reads a media's lifetime insights; without instagram_business_manage_insights every figure is null", async () => {
    const m = await publishedPhoto();
    const read = await metrics().post(cred(INSIGHTS), m.id);
    const f = emulatedPostFigures(m.id, m.createdAtMs, w.emu.clock.now());
    expect(read).toEqual({
      reach: f.reach,
      impressions: f.views,
      likes: f.likes,
      comments: f.comments,
      shares: f.shares,
      engagement: f.likes + f.comments + f.shares + f.saves,
    });
    expect(await metrics().post(cred(BASIC), m.id)).toEqual({
      reach: null,
      impressions: null,
      likes: null,
      comments: null,
      shares: null,
      engagement: null,
    });
    expect(await metrics().post(cred(INSIGHTS), '99999')).toBeNull();
  });
});
