import type { ConnectorCredential, ConnectorReader } from '../../../../services/core/connectors/connector.types';
import { tiktokPlatform } from '../../../../services/core/connectors/tiktok/tiktok.platform';
import type { TikTokEmulator } from '../../../../services/emulators/platforms/tiktok/tiktok.emulator';
import { startTikTokEmulator } from '../../../../services/emulators/platforms/tiktok/tiktok.emulator';
import { collect, failure, matching } from './tiktok-test-kit';

let emu: TikTokEmulator;
let brand: string;
let second: string;
let token: string;
let cred: ConnectorCredential;
let reader: ConnectorReader;

beforeEach(async () => {
  emu = await startTikTokEmulator();
  [brand, second] = emu.accounts().map((a) => a.id) as [string, string];
  token = emu.grant(brand).accessToken;
  cred = { accessToken: token };
  reader = tiktokPlatform.createReader(emu.settings());
});
afterEach(() => emu.close());

describe('TikTok reader against the emulator', () => {
  it('identity is the open_id, with the @username and display name', async () => {
    expect(await reader.identity(cred)).toEqual({
      externalAccountId: brand,
      handle: '@raize.brand',
      displayName: 'Raize Brand',
    });
    expect(emu.server.last()!.query.get('fields')).toBe('open_id,union_id,display_name,username');
  });

  it('[C-19] a token that now resolves to another account: identity reports the other account', async () => {
    expect((await reader.identity(cred)).externalAccountId).toBe(brand);
    emu.tokens.repoint(token, second);
    expect(await reader.identity(cred)).toMatchObject({ externalAccountId: second, handle: '@second.brand' });
  });

  it('identity without user.info.profile (the username): missing permissions, not a wrong account', async () => {
    const basic = { accessToken: emu.grant(brand, ['user.info.basic', 'video.publish', 'video.list']).accessToken };
    expect(await failure(reader.identity(basic))).toMatchObject({
      kind: 'permanent',
      details: { health: 'missing_permissions', platformCode: 'scope_not_authorized' },
    });
  });

  it('readPost reads a public video by id; another account’s or an unknown id is null', async () => {
    const mine = emu.seedPost(brand, 'caption with #tags and a long enough text '.repeat(6));
    const theirs = emu.seedPost(second, 'not mine');
    const read = await reader.readPost(cred, mine.id);
    expect(read).toMatchObject({
      postId: mine.id,
      text: mine.text,
      authorExternalId: brand,
      url: `https://www.tiktok.com/@raize.brand/video/${mine.id}`,
      requestKey: null,
      createdAt: new Date(Math.floor(Date.parse(mine.createdAt) / 1000) * 1000).toISOString(),
    });
    // The caption is longer than the emulator's title: read from video_description.
    expect(mine.text.length).toBeGreaterThan(150);
    expect(await reader.readPost(cred, theirs.id)).toBeNull();
    expect(await reader.readPost(cred, '7000000000000000001')).toBeNull();
    expect(await reader.readPost(cred, 'not-an-id')).toBeNull();
  });

  it('ownPostsSince walks pages of 20 newest first down to since, public posts only', async () => {
    const t0 = emu.clock.now();
    for (let i = 0; i < 3; i++) emu.seedPost(brand, `old ${i}`, { createdAt: new Date(t0 - 3600_000 + i * 1000) });
    const since = new Date(t0 - 60_000);
    for (let i = 0; i < 25; i++) emu.seedPost(brand, `new ${i}`, { createdAt: new Date(t0 - 50_000 + i * 1000) });
    emu.seedPost(brand, 'private', { privacyLevel: 'SELF_ONLY', createdAt: new Date(t0) });
    emu.seedPost(second, 'theirs', { createdAt: new Date(t0) });
    let pages = 0;
    const found = await collect(reader.ownPostsSince(cred, since, { onProgress: () => pages++ }));
    expect(found.map((p) => p.text)).toEqual(Array.from({ length: 25 }, (_, i) => `new ${24 - i}`));
    expect(new Set(found.map((p) => p.authorExternalId))).toEqual(new Set([brand]));
    expect(pages).toBe(2);
    expect((await collect(reader.ownPostsSince(cred, new Date(0)))).length).toBe(28);
  });

  it('a read whose answer was lost is transient (TikTok reads are POSTs, nothing was changed)', async () => {
    emu.seedPost(brand, 'x');
    emu.server.inject({ kind: 'drop' }, { match: { method: 'POST', path: '/v2/video/list/' } });
    expect(await failure(collect(reader.ownPostsSince(cred, new Date(0))))).toMatchObject({
      kind: 'transient',
      details: { transport: 'network' },
    });
  });

  it('standing of an audited app and a creator who may post: nothing to report', async () => {
    expect(await reader.standing(cred)).toEqual({ quotas: [], restrictions: [], missing: [] });
  });

  it('standing of an unaudited app: private_only, in an operator’s words', async () => {
    emu.setAppAudited(false);
    const s = await tiktokPlatform.createReader(emu.settings()).standing(cred);
    expect(s.restrictions).toEqual([
      { code: 'private_only', message: matching(/has not audited.*private.*5 creators/) },
    ]);
  });

  it('standing says when the daily cap is reached, when the creator is banned, and which scopes are missing', async () => {
    emu.setDailyPostCap(0);
    expect((await reader.standing(cred)).restrictions.map((r) => r.code)).toEqual(['daily_limit']);
    emu.setDailyPostCap(15);
    emu.creator(brand).banned = true;
    expect((await reader.standing(cred)).restrictions.map((r) => r.code)).toEqual(['cannot_post']);
    emu.creator(brand).banned = false;
    const narrow = { accessToken: emu.grant(brand, ['user.info.basic', 'user.info.profile']).accessToken };
    expect((await reader.standing(narrow)).missing).toEqual([
      'the video.publish scope (posting videos)',
      'the video.list scope (reading back posts)',
      'the user.info.stats scope (reports will lack the follower count until reconnected)',
    ]);
  });
});
