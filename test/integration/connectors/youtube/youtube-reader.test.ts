import { createYouTubeReader } from '../../../../services/core/connectors/youtube/youtube.reader';
import type { YouTubeRig } from './youtube-test-kit';
import { collect, failure, videoOf, youtubeRig } from './youtube-test-kit';

describe('YouTube reader: identity, read-back, reconciliation and standing against the emulator', () => {
  let rig: YouTubeRig;
  beforeEach(async () => {
    rig = await youtubeRig({ appAudited: false, testingMode: true, dailyQuota: 20_000 });
  });
  afterEach(() => rig.emu.close());

  it('identity is the channel the token acts for: its id, handle and title', async () => {
    expect(await rig.reader().identity(rig.cred)).toEqual({
      externalAccountId: rig.channelId,
      handle: '@raizedemobrand',
      displayName: 'Raize Demo Brand',
    });
    const sent = rig.emu.server.last('/youtube/v3/channels')!;
    expect(Object.fromEntries(sent.query)).toEqual({ part: 'id,snippet', mine: 'true' });
  });

  it('[C-19] a token that now resolves to another channel makes identity() return that channel', async () => {
    rig.emu.tokens.repoint(rig.cred.accessToken, rig.otherChannelId);
    const me = await rig.reader().identity(rig.cred);
    expect(me.externalAccountId).toBe(rig.otherChannelId);
    expect(me.externalAccountId).not.toBe(rig.channelId);
  });

  it('ownPostsSince pages through the uploads playlist, newest first, past the first page, down to since', async () => {
    // 64 uploads are far beyond a day's 20,000 units: the meter is put back before each one.
    const upload = async (text: string, cred = rig.cred) => {
      rig.emu.setQuotaUsed(0);
      await rig.publish({ text, media: [videoOf(100)] }, {}, {}, cred);
    };
    for (let i = 0; i < 3; i++) await upload(`old ${i}`);
    rig.emu.clock.advance(120);
    const since = new Date(rig.emu.clock.now() - 60_000);
    for (let i = 0; i < 60; i++) await upload(`new ${i}`);
    const other = { accessToken: rig.emu.grant(rig.otherChannelId).accessToken };
    await upload('not mine', other);
    // The other channel's private upload is invisible to this token, and never counted as ours.
    expect(await rig.reader().readPost(rig.cred, rig.emu.posts(rig.otherChannelId)[0]!.id)).toBeNull();

    let pages = 0;
    const found = await collect(rig.reader().ownPostsSince(rig.cred, since, { onProgress: () => pages++ }));
    expect(found.map((p) => p.text)).toEqual([...Array.from({ length: 60 }, (_, i) => `new ${59 - i}`)]);
    expect(found.every((p) => p.authorExternalId === rig.channelId && p.requestKey === null)).toBe(true);
    expect(pages).toBe(2);
    const playlistCalls = rig.emu.server.requests.filter((r) => r.path === '/youtube/v3/playlistItems');
    expect(playlistCalls.map((r) => r.query.get('maxResults'))).toEqual(['50', '50']);
    expect((await collect(rig.reader().ownPostsSince(rig.cred, new Date(0)))).length).toBe(63);
  });

  it('ownPostsSince of a channel without uploads is empty; a cancelled walk stops', async () => {
    expect(await collect(rig.reader().ownPostsSince(rig.cred, new Date(0)))).toEqual([]);
    const caller = new AbortController();
    caller.abort();
    expect(
      await failure(collect(rig.reader().ownPostsSince(rig.cred, new Date(0), { signal: caller.signal }))),
    ).toMatchObject({ kind: 'transient', details: { transport: 'cancelled' } });
  });

  it('standing: the project’s units today with its limit and reset, private_only and app_in_testing, no missing scope', async () => {
    const asked: Date[] = [];
    const reader = createYouTubeReader(rig.settings(), {
      usedToday: (since) => {
        asked.push(since);
        return Promise.resolve(3200);
      },
    });
    const s = await reader.standing(rig.cred);
    expect(s.quotas).toEqual([
      {
        id: 'youtube.units_today',
        label: 'YouTube API units used today (whole project)',
        used: 3200,
        limit: 20_000,
        unit: 'quota_units',
        resetsAt: expect.any(String) as string,
      },
    ]);
    const resets = Date.parse(s.quotas[0]!.resetsAt!);
    expect(resets - asked[0]!.getTime()).toBeGreaterThanOrEqual(23 * 3600_000);
    expect(resets - asked[0]!.getTime()).toBeLessThanOrEqual(25 * 3600_000);
    expect(s.restrictions.map((r) => r.code)).toEqual(['private_only', 'app_in_testing']);
    expect(s.missing).toEqual([]);
    expect(s.scopes).toEqual([
      'https://www.googleapis.com/auth/youtube.upload',
      'https://www.googleapis.com/auth/youtube.readonly',
    ]);
    // The token went in a POST body, never in a URL.
    const info = rig.emu.server.last('/tokeninfo')!;
    expect(info.method).toBe('POST');
    expect(info.query.toString()).toBe('');
  });

  it('standing of an audited production project has no restrictions; a dead token is auth', async () => {
    const reader = rig.reader({ appAudited: true, appInTesting: false });
    expect((await reader.standing(rig.cred)).restrictions).toEqual([]);
    rig.emu.tokens.revokeAccount(rig.channelId);
    expect(await failure(reader.standing(rig.cred))).toMatchObject({
      kind: 'auth',
      details: { platformCode: 'invalid_token' },
    });
  });
});
