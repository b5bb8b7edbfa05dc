import type { ConnectorCredential, PlatformSettings } from '../../../../services/core/connectors/connector.types';
import { createXWriter } from '../../../../services/core/connectors/x/x.writer';
import { xPlatform } from '../../../../services/core/connectors/x/x.platform';
import type { XEmulator } from '../../../../services/emulators/platforms/x/x.emulator';
import { startXEmulator } from '../../../../services/emulators/platforms/x/x.emulator';
import { asMedia, cred, failure, noSleep, png, unique } from './x-test-kit';

let emu: XEmulator;
let settings: PlatformSettings;
let me: ConnectorCredential;
let accountId: string;

beforeAll(async () => {
  emu = await startXEmulator();
});
afterAll(() => emu.close());
beforeEach(() => {
  emu.reset();
  settings = emu.settings();
  accountId = emu.accounts()[0]!.id;
  me = cred(emu.grant(accountId).accessToken);
});
const writer = () => createXWriter(settings);
const reader = () => xPlatform.createReader(settings);
const publish = (text: string, c: ConnectorCredential = me) =>
  writer().publish(c, { text, media: [] }, 'k', { sleep: noSleep });

describe('X errors, as the connector maps what the emulator answers', () => {
  it('[C-52] a spent 15-minute window is rate_limited until x-rate-limit-reset, and works after it', async () => {
    emu.setRateLimit('POST /2/tweets', 1);
    await publish(unique('first'));
    const err = await failure(publish(unique('second')));
    expect(err).toMatchObject({ kind: 'rate_limited', details: { status: 429, health: 'rate_limited' } });
    expect(err.details.retryAfterSeconds).toBeGreaterThan(890);
    expect(err.details.retryAfterSeconds).toBeLessThanOrEqual(901);
    expect(Date.parse(err.details.retryAt!)).toBeGreaterThan(Date.now() + 890_000);
    expect(emu.posts(accountId)).toHaveLength(1);
    emu.clock.advance(901);
    // The window rolled over on X's clock.
    await publish(unique('third'));
    expect(emu.posts(accountId)).toHaveLength(2);
  });

  it('the 24-hour post limit is a daily limit with retryAt when the oldest post leaves the window', async () => {
    emu.setUserDailyLimit(1);
    await publish(unique('only one today'));
    const firstAt = Date.parse(emu.posts(accountId)[0]!.createdAt);
    const err = await failure(publish(unique('one too many')));
    expect(err).toMatchObject({
      kind: 'rate_limited',
      details: { health: 'daily_limit', platformCode: 'user_24hour_limit' },
    });
    expect(Math.abs(Date.parse(err.details.retryAt!) - (firstAt + 24 * 3600_000))).toBeLessThan(2000);
  });

  it('a duplicate of a recent post is permanent duplicate_content; nothing is posted twice', async () => {
    const text = unique('same words');
    await publish(text);
    expect(await failure(publish(text))).toMatchObject({
      kind: 'permanent',
      details: { status: 403, platformCode: 'duplicate_content' },
    });
    expect(emu.posts(accountId)).toHaveLength(1);
  });

  it('a token without media.write cannot upload: permanent missing_permissions', async () => {
    const noMedia = cred(emu.grant(accountId, ['tweet.read', 'tweet.write', 'users.read']).accessToken);
    const err = await failure(
      writer().publish(noMedia, { text: unique('pic'), media: [png()] }, 'k', { sleep: noSleep }),
    );
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 403, health: 'missing_permissions' } });
    const noRead = cred(emu.grant(accountId, ['tweet.write']).accessToken);
    expect(await reader().standing(noRead)).toEqual({
      quotas: [],
      restrictions: [],
      missing: ['the tweet.read and users.read scopes'],
    });
    expect(await reader().standing(me)).toEqual({ quotas: [], restrictions: [], missing: [] });
  });

  it('bytes that are not the announced type are refused by X: media_rejected', async () => {
    const lying = asMedia(png().bytes, 'image/jpeg');
    const err = await failure(
      writer().publish(me, { text: unique('not a jpeg'), media: [lying] }, 'k', { sleep: noSleep }),
    );
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 400, health: 'media_rejected' } });
  });

  it('a retired API (410 on every v2 endpoint) is permanent api_version_sunset, for reads and writes', async () => {
    emu.retireApi();
    expect(await failure(reader().identity(me))).toMatchObject({
      kind: 'permanent',
      details: { status: 410, health: 'api_version_sunset' },
    });
    expect(await failure(publish(unique('into the void')))).toMatchObject({
      details: { health: 'api_version_sunset' },
    });
    expect(xPlatform.apiVersion).toEqual({
      version: 'v2',
      sunsetsAt: null,
      source: 'https://docs.x.com/x-api/introduction',
    });
  });

  it('an expired access token is auth + token_expired; a revoked one too, and its refresh says token_revoked', async () => {
    emu.tokens.expire(me.accessToken);
    expect(await failure(reader().identity(me))).toMatchObject({
      kind: 'auth',
      details: { status: 401, health: 'token_expired' },
    });
    const pair = emu.grant(accountId);
    emu.tokens.revokeAccount(accountId);
    expect(await failure(publish(unique('revoked'), cred(pair.accessToken)))).toMatchObject({
      kind: 'auth',
      details: { status: 401 },
    });
    const refused = await failure(
      xPlatform.oauth(settings).refresh({ accessToken: pair.accessToken, refreshToken: pair.refreshToken }),
    );
    expect(refused).toMatchObject({
      kind: 'auth',
      details: { status: 400, health: 'token_revoked', platformCode: 'invalid_request' },
    });
  });

  it('a 5xx is transient for a read and an unknown outcome for the post', async () => {
    emu.server.inject({ kind: 'status', status: 503 }, { match: { method: 'GET', path: '/2/users/me' } });
    expect(await failure(reader().identity(me))).toMatchObject({
      kind: 'transient',
      details: { health: 'platform_unavailable' },
    });
    emu.server.inject({ kind: 'status', status: 500 }, { match: { method: 'POST', path: '/2/tweets' } });
    expect(await failure(publish(unique('five hundred')))).toMatchObject({
      kind: 'outcome_unknown',
      details: { status: 500 },
    });
  });
});
