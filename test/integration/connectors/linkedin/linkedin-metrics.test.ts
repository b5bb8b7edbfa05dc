import { bindOrganization } from '../../../../services/core/connectors/linkedin/linkedin-author';
import { linkedinPlatform } from '../../../../services/core/connectors/linkedin/linkedin.platform';
import { consentAs } from '../browser-consent';
import { pageSettings } from './linkedin-test-kit';
import {
  emulatedDayFigures,
  emulatedFollowers,
  emulatedPostFigures,
  utcMidnight,
} from '../../../../services/emulators/platforms/kit/emulated-metrics';
import type { LinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { startLinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';

/** What a Page connection's consent asked for before Raize asked for rw_organization_admin. */
const PAGE_SCOPES = ['openid', 'profile', 'w_organization_social', 'r_organization_social'];

describe('LinkedIn metrics against the emulator (share statistics and network size of a Page)', () => {
  let emu: LinkedInEmulator;
  let admin: string;
  let orgId: string;
  beforeEach(async () => {
    emu = await startLinkedInEmulator();
    const org = emu.organizations()[0]!;
    orgId = org.id;
    const member = emu.members()[0]!;
    emu.grantRole(member.urn, `urn:li:organization:${orgId}`, 'ADMINISTRATOR');
    admin = member.urn;
  });
  afterEach(() => emu.close());

  const metrics = () => linkedinPlatform.createReader(emu.settings()).metrics!;
  const pageCred = (scope: string[]) => ({
    accessToken: bindOrganization(emu.grant(admin, scope).accessToken, orgId),
  });

  it('reads the Page: followers, and the day from time-bound statistics (interactions, not the rate)', async () => {
    const org = `urn:li:organization:${orgId}`;
    const post = emu.seedPost(org, 'Launch', new Date(emu.clock.now() - 2 * 3600_000));
    const cred = pageCred([...PAGE_SCOPES, 'rw_organization_admin']);
    const now = emu.clock.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const figures = await metrics().account(cred, { day });
    const f = emulatedDayFigures([{ id: post.id, createdAtMs: Date.parse(post.createdAt) }], utcMidnight(day), now);
    expect(figures).toMatchObject({
      followers: emulatedFollowers(org, now),
      impressions: f.views,
      reach: f.reach,
    });
    expect(figures.engagement).toBe(f.engagements + Math.floor(f.views / 25));
    const sent = emu.server.requests.find((r) => r.path === '/rest/organizationalEntityShareStatistics')!;
    expect(sent.query.get('timeIntervals')).toBe(
      `(timeRange:(start:${utcMidnight(day)},end:${utcMidnight(day) + 86_400_000}),timeGranularityType:DAY)`,
    );
    expect(sent.headers['linkedin-version']).toMatch(/^\d{6}$/);
  });

  it("reads a post's lifetime statistics by its URN; without rw_organization_admin they are null", async () => {
    const org = `urn:li:organization:${orgId}`;
    const post = emu.seedPost(org, 'Hello', new Date(emu.clock.now() - 3600_000));
    const read = await metrics().post(pageCred([...PAGE_SCOPES, 'rw_organization_admin']), post.id);
    const f = emulatedPostFigures(post.id, Date.parse(post.createdAt), emu.clock.now());
    expect(read).toEqual({
      impressions: f.views,
      reach: f.reach,
      likes: f.likes,
      comments: f.comments,
      shares: f.shares,
      engagement: f.likes + f.comments + f.shares + f.clicks,
    });
    const without = await metrics().post(pageCred(PAGE_SCOPES), post.id);
    expect(without).toEqual({
      impressions: null,
      reach: null,
      likes: null,
      comments: null,
      shares: null,
      engagement: null,
    });
    // Followers need only the Page scopes Raize asks for.
    expect((await metrics().account(pageCred(PAGE_SCOPES), { day: '2026-03-02' })).followers).toBe(
      emulatedFollowers(org, emu.clock.now()),
    );
  });

  it('a Page connected with the consent Raize asks for now: the statistics are filled and nothing is missing', async () => {
    const org = `urn:li:organization:${orgId}`;
    const oauth = linkedinPlatform.oauth(pageSettings(emu));
    const url = oauth.authorizeUrl({ state: 'st', codeChallenge: 'unused' });
    expect(new URL(url).searchParams.get('scope')!.split(' ')).toContain('rw_organization_admin');
    const back = await consentAs(url, admin);
    const tokens = await oauth.exchangeCode({ code: back.searchParams.get('code')!, codeVerifier: '' });
    expect(tokens.scope!.split(',')).toContain('rw_organization_admin');
    const cred = { accessToken: tokens.accessToken };
    const post = emu.seedPost(org, 'Launch', new Date(emu.clock.now() - 2 * 3600_000));
    const now = emu.clock.now();
    const day = new Date(now).toISOString().slice(0, 10);
    const f = emulatedDayFigures([{ id: post.id, createdAtMs: Date.parse(post.createdAt) }], utcMidnight(day), now);
    expect(await metrics().account(cred, { day })).toMatchObject({ impressions: f.views, reach: f.reach });
    const p = emulatedPostFigures(post.id, Date.parse(post.createdAt), now);
    expect(await metrics().post(cred, post.id)).toMatchObject({ impressions: p.views, reach: p.reach });
    expect((await linkedinPlatform.createReader(pageSettings(emu)).standing(cred)).missing).toEqual([]);
  });

  it('a Page connected before (no rw_organization_admin): null statistics, no failure, and standing says why', async () => {
    const org = `urn:li:organization:${orgId}`;
    emu.seedPost(org, 'Earlier', new Date(emu.clock.now() - 3600_000));
    const old = pageCred(PAGE_SCOPES);
    expect(await metrics().account(old, { day: new Date(emu.clock.now()).toISOString().slice(0, 10) })).toEqual({
      followers: emulatedFollowers(org, emu.clock.now()),
      reach: null,
      impressions: null,
      engagement: null,
    });
    expect((await linkedinPlatform.createReader(pageSettings(emu)).standing(old)).missing).toEqual([
      'the rw_organization_admin permission (reports will lack reach and impressions until reconnected)',
    ]);
  });

  it("a member's own profile has no statistics Raize may read: every figure null, no call made", async () => {
    const cred = { accessToken: emu.grant(admin).accessToken };
    const before = emu.server.requests.length;
    expect(await metrics().account(cred, { day: '2026-03-02' })).toEqual({
      followers: null,
      reach: null,
      impressions: null,
      engagement: null,
    });
    expect(emu.server.requests.length).toBe(before);
  });
});
