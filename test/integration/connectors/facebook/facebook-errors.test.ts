import { facebookPlatform } from '../../../../services/core/connectors/facebook/facebook.platform';
import type { FacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import { startFacebookEmulator } from '../../../../services/emulators/platforms/facebook/facebook.emulator';
import type { FacebookFault } from '../../../../services/emulators/platforms/facebook/facebook-graph-errors';
import { ALEX, BAKERY, COFFEE, connector, credFor, failureOf, png } from './facebook-fixtures';

let emu: FacebookEmulator;

beforeAll(async () => {
  emu = await startFacebookEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.server.reset());

const feed = (page: string) => ({ method: 'POST', path: `/v25.0/${page}/feed` });
let n = 0;
const post = () => ({ text: `Error case ${++n}`, media: [] });

describe('Facebook Pages connector: identity, standing and the documented errors', () => {
  it('identity is the Page behind the Page token (the id the fingerprint compares)', async () => {
    const { reader } = connector(emu);
    expect(await reader.identity(credFor(emu, COFFEE))).toEqual({
      externalAccountId: COFFEE,
      handle: 'raizecoffee',
      displayName: 'Raize Coffee',
    });
  });

  it('[C-19] a token that now resolves to another Page makes identity() return that Page', async () => {
    const { reader } = connector(emu);
    const cred = credFor(emu, COFFEE);
    emu.tokens.repoint(cred.accessToken, BAKERY);
    expect((await reader.identity(cred)).externalAccountId).toBe(BAKERY);
  });

  it('a revoked token (password changed) is auth with token_revoked; an expired one token_expired', async () => {
    const { reader } = connector(emu);
    const cred = credFor(emu, BAKERY);
    emu.failNext('token_expired', { path: '/v25.0/me' });
    expect(await failureOf(reader.identity(cred))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_expired', platformCode: '190/463' },
    });
    emu.revokeUser(ALEX, 460);
    const err = await failureOf(reader.identity(cred));
    expect(err).toMatchObject({ kind: 'auth', details: { health: 'token_revoked', platformCode: '190/460' } });
    expect(err.message).not.toContain(cred.accessToken);
  });

  it('standing: the permissions from debug_token and the Page’s call meter from x-business-use-case-usage', async () => {
    const { reader } = connector(emu);
    const cred = credFor(emu, COFFEE);
    emu.clock.advance(2 * 3600);
    emu.setPageCallLimit(10);
    const standing = await reader.standing(cred).finally(() => emu.setPageCallLimit(4800));
    expect(standing.missing).toEqual([]);
    expect(standing.scopes).toEqual([
      'pages_show_list',
      'pages_manage_posts',
      'pages_read_engagement',
      'read_insights',
    ]);
    expect(standing.quotas).toHaveLength(1);
    expect(standing.quotas[0]).toMatchObject({ id: 'facebook.page_calls', limit: 100, unit: 'requests' });
    // GET /me was the Page's first call of ten allowed this hour: 10 %.
    expect(standing.quotas[0]!.used).toBe(10);
    // The app token inspects the Page token: the app secret never travels as a user credential elsewhere.
    const debug = emu.server.last('/v25.0/debug_token')!;
    expect(debug.headers.authorization).toBe(`Bearer ${emu.app.clientId}|${emu.app.clientSecret}`);
  });

  it('standing of a Page token without pages_manage_posts names what is missing', async () => {
    const { reader } = connector(emu);
    const t = emu.grant(COFFEE, ['pages_show_list', 'pages_read_engagement']);
    const standing = await reader.standing({ accessToken: t.accessToken });
    expect(standing.missing).toEqual([
      'the pages_manage_posts permission (publish as the Page)',
      'the read_insights permission (reports will lack reach and impressions until reconnected)',
    ]);
  });

  it('publishing without the permission Facebook wants answers code 200 → permanent, missing_permissions', async () => {
    const { writer } = connector(emu);
    const t = emu.grant(COFFEE, ['pages_show_list', 'pages_read_engagement']);
    const err = await failureOf(writer.publish({ accessToken: t.accessToken }, post(), 'k-perm'));
    expect(err).toMatchObject({ kind: 'permanent', details: { platformCode: '200', health: 'missing_permissions' } });
    expect(emu.posts(COFFEE).some((p) => p.text === `Error case ${n}`)).toBe(false);
  });

  it.each<[FacebookFault, string, Record<string, unknown>]>([
    ['permission', 'permanent', { platformCode: '200', health: 'missing_permissions' }],
    ['missing_task', 'permanent', { platformCode: '10', health: 'missing_permissions' }],
    ['action_blocked', 'permanent', { platformCode: '368', health: 'action_blocked' }],
    ['duplicate', 'permanent', { platformCode: '506' }],
    ['link_unreadable', 'permanent', { platformCode: '1609005' }],
    ['transient', 'outcome_unknown', { platformCode: '2', status: 500 }],
    ['unknown', 'outcome_unknown', { platformCode: '1' }],
    ['token_expired', 'auth', { platformCode: '190/463', health: 'token_expired' }],
    ['password_changed', 'auth', { platformCode: '190/460', health: 'token_revoked' }],
    ['version_retired', 'permanent', { platformCode: '2635', health: 'api_version_sunset' }],
  ])('POST /{page-id}/feed answering the documented %s error → %s', async (fault, kind, details) => {
    const { writer } = connector(emu);
    const cred = credFor(emu, BAKERY);
    emu.failNext(fault, feed(BAKERY));
    const err = await failureOf(writer.publish(cred, post(), `k-${fault}`));
    expect(err.kind).toBe(kind);
    expect(err.details).toMatchObject(details);
    expect(err.message.startsWith('POST /{page-id}/feed: ')).toBe(true);
  });

  it('a temporary error on a read is transient with platform_unavailable', async () => {
    const { reader } = connector(emu);
    emu.failNext('transient', { path: '/v25.0/me' });
    expect(await failureOf(reader.identity(credFor(emu, COFFEE)))).toMatchObject({
      kind: 'transient',
      details: { health: 'platform_unavailable' },
    });
  });

  it('media Facebook refuses (324 image, 6000/1363023 video) is permanent with media_rejected', async () => {
    const { writer } = connector(emu);
    const cred = credFor(emu, COFFEE);
    emu.failNext('invalid_image', { method: 'POST', path: `/v25.0/${COFFEE}/photos` });
    expect(await failureOf(writer.publish(cred, { text: 'pic', media: [png(31)] }, 'k-img'))).toMatchObject({
      kind: 'permanent',
      details: { health: 'media_rejected', platformCode: '324' },
    });
  });

  it.each<['app' | 'user' | 'page' | 'buc', number, string]>([
    ['buc', 15 * 60, '80001'],
    ['page', 7 * 60, '32'],
    ['app', 300, '4'],
    ['user', 300, '17'],
  ])('a %s throttle is rate_limited, waiting %s s (usage headers, else the fallback)', async (scope, seconds, code) => {
    const { writer } = connector(emu);
    emu.throttleNext(scope, scope === 'buc' ? 15 : 7, feed(COFFEE));
    const err = await failureOf(writer.publish(credFor(emu, COFFEE), post(), `k-${scope}`));
    expect(err).toMatchObject({ kind: 'rate_limited', details: { platformCode: code, health: 'rate_limited' } });
    expect(err.details.retryAfterSeconds).toBe(seconds);
  });

  it('the Page call limit: throttled with the time to regain access, then open again once the hour rolls', async () => {
    const { reader } = connector(emu);
    const cred = credFor(emu, BAKERY);
    emu.clock.advance(2 * 3600);
    emu.setPageCallLimit(2);
    try {
      await reader.identity(cred);
      emu.clock.advance(600);
      await reader.identity(cred);
      const err = await failureOf(reader.identity(cred));
      expect(err).toMatchObject({ kind: 'rate_limited', details: { platformCode: '80001' } });
      expect(err.details.retryAfterSeconds).toBe(50 * 60);
      emu.clock.advance(50 * 60 + 1);
      expect((await reader.identity(cred)).externalAccountId).toBe(BAKERY);
    } finally {
      emu.setPageCallLimit(4800);
    }
  });

  it('a retired API version is refused (#2635) → permanent with api_version_sunset', async () => {
    const other = await startFacebookEmulator();
    try {
      const { reader, writer } = connector(other);
      const cred = credFor(other, COFFEE);
      other.retireVersion('v25.0');
      expect(await failureOf(reader.identity(cred))).toMatchObject({
        kind: 'permanent',
        details: { health: 'api_version_sunset', platformCode: '2635' },
      });
      expect((await failureOf(writer.publish(cred, post(), 'k-old'))).details.health).toBe('api_version_sunset');
      expect(other.posts(COFFEE)).toHaveLength(0);
    } finally {
      await other.close();
    }
  });

  it('the calendar retires the pinned version on its sunset day too', async () => {
    const other = await startFacebookEmulator();
    try {
      const { reader } = connector(other);
      const cred = credFor(other, COFFEE);
      other.clock.advance((Date.parse('2028-07-29T00:00:00Z') - other.clock.now()) / 1000 - 60);
      expect((await reader.identity(cred)).externalAccountId).toBe(COFFEE);
      other.clock.advance(120);
      expect((await failureOf(reader.identity(cred))).details.health).toBe('api_version_sunset');
    } finally {
      await other.close();
    }
  });

  it('an app that requires appsecret_proof refuses a connector configured without the app secret', async () => {
    const reader = facebookPlatform.createReader(emu.settings({ oauth: undefined }));
    const err = await failureOf(reader.identity(credFor(emu, COFFEE)));
    expect(err).toMatchObject({ kind: 'permanent', details: { platformCode: '100' } });
  });

  it('another Page’s post reads as null (Graph: no such object)', async () => {
    const { writer, reader } = connector(emu);
    const out = await writer.publish(credFor(emu, COFFEE), post(), 'k-own');
    expect(await reader.readPost(credFor(emu, COFFEE), out.post.postId)).not.toBeNull();
    expect(await reader.readPost(credFor(emu, BAKERY), out.post.postId)).toBeNull();
  });
});
