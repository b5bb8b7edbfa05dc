import { linkedinPlatform } from '../../../../services/core/connectors/linkedin/linkedin.platform';
import type { ConnectorCredential, PlatformSettings } from '../../../../services/core/connectors/connector.types';
import type { LinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { startLinkedInEmulator } from '../../../../services/emulators/platforms/linkedin/linkedin.emulator';
import { failure, memberCred, pageCred, pageSettings, writer } from './linkedin-test-kit';

let emu: LinkedInEmulator;
let settings: PlatformSettings;
let ada: string;
let cred: ConnectorCredential;

beforeEach(async () => {
  emu = await startLinkedInEmulator();
  settings = emu.settings();
  ada = emu.members()[0]!.urn;
  cred = memberCred(emu, ada);
});
afterEach(() => emu.close());

const publish = (text: string, c: ConnectorCredential = cred, s: PlatformSettings = settings) =>
  writer(s).publish(c, { text, media: [] }, `k-${text}`);

describe('LinkedIn errors, as the connector types them', () => {
  it('a retired API version answers 426: permanent with api_version_sunset, on writes and reads alike', async () => {
    const published = await publish('before the sunset');
    emu.retireVersion(linkedinPlatform.apiVersion.version);
    expect(await failure(publish('after the sunset'))).toMatchObject({
      kind: 'permanent',
      details: { status: 426, platformCode: 'NONEXISTENT_VERSION', health: 'api_version_sunset' },
    });
    expect(await failure(linkedinPlatform.createReader(settings).readPost(cred, published.post.postId))).toMatchObject({
      kind: 'permanent',
      details: { health: 'api_version_sunset' },
    });
    expect(emu.posts(ada)).toHaveLength(1);
  });

  it('the emulator refuses /rest/ calls without Linkedin-Version or the Rest.li protocol header (400)', async () => {
    const call = (headers: Record<string, string>) =>
      fetch(`${emu.url}/rest/posts?q=author&author=${encodeURIComponent(ada)}`, {
        headers: { authorization: `Bearer ${cred.accessToken}`, ...headers },
      });
    const noVersion = await call({ 'x-restli-protocol-version': '2.0.0' });
    expect([noVersion.status, ((await noVersion.json()) as { code: string }).code]).toEqual([400, 'VERSION_MISSING']);
    expect((await call({ 'linkedin-version': '202610' })).status).toBe(400);
    expect((await call({ 'linkedin-version': '202610', 'x-restli-protocol-version': '2.0.0' })).status).toBe(200);
  });

  it('401: an expired token is token_expired, a revoked one token_revoked (auth: the guard stops)', async () => {
    emu.tokens.expire(cred.accessToken);
    expect(await failure(publish('expired'))).toMatchObject({
      kind: 'auth',
      details: { status: 401, health: 'token_expired', platformCode: 'EXPIRED_ACCESS_TOKEN' },
    });
    const fresh = memberCred(emu, ada);
    emu.tokens.revokeAccount(ada);
    expect(await failure(linkedinPlatform.createReader(settings).identity(fresh))).toMatchObject({
      kind: 'auth',
      details: { health: 'token_revoked', platformCode: 'REVOKED_ACCESS_TOKEN' },
    });
  });

  it('403 ACCESS_DENIED: a missing scope, or a Page role the member lacks, is permanent with missing_permissions', async () => {
    const readOnly = memberCred(emu, ada, ['openid', 'profile', 'r_member_social']);
    expect(await failure(publish('no write scope', readOnly))).toMatchObject({
      kind: 'permanent',
      details: { status: 403, platformCode: 'ACCESS_DENIED', health: 'missing_permissions' },
    });
    // Grace is only an ANALYST of Acme: she may read its posts, not post as it.
    const grace = emu.members()[1]!.urn;
    const acme = emu.organizations()[0]!;
    expect(await failure(publish('not my Page', pageCred(emu, grace, acme.id), pageSettings(emu)))).toMatchObject({
      kind: 'permanent',
      details: { health: 'missing_permissions' },
    });
    expect(emu.posts(acme.urn)).toEqual([]);
  });

  it('422 duplicate: the same text again is refused, permanently and clearly; LinkedIn keeps one post', async () => {
    await writer(settings).publish(cred, { text: 'same words', media: [] }, 'k-1');
    const err = await failure(writer(settings).publish(cred, { text: 'same words', media: [] }, 'k-2'));
    expect(err).toMatchObject({ kind: 'permanent', details: { status: 422, platformCode: 'DUPLICATE_POST' } });
    expect(err.message).toMatch(/duplicate of a recent post/);
    expect(emu.posts(ada)).toHaveLength(1);
  });

  it('429: a daily limit waits until 00:00 UTC (daily_limit); a short one honours Retry-After', async () => {
    emu.throttleDaily('MEMBER', { path: '/rest/posts', method: 'POST' });
    const before = Date.now();
    const daily = await failure(publish('daily'));
    expect(daily).toMatchObject({
      kind: 'rate_limited',
      details: { health: 'daily_limit', platformCode: 'MEMBER_DAY' },
    });
    const midnight = new Date(before);
    midnight.setUTCHours(24, 0, 0, 0);
    expect(daily.details.retryAt).toBe(midnight.toISOString());
    expect(daily.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(daily.details.retryAfterSeconds).toBeLessThanOrEqual(Math.ceil((midnight.getTime() - before) / 1000));

    emu.server.inject(
      {
        kind: 'status',
        status: 429,
        headers: { 'retry-after': '7' },
        body: { status: 429, message: 'Too many requests' },
      },
      { match: { path: '/rest/posts', method: 'POST' } },
    );
    expect(await failure(publish('burst'))).toMatchObject({
      kind: 'rate_limited',
      details: { health: 'rate_limited', retryAfterSeconds: 7 },
    });
    expect(emu.posts(ada)).toEqual([]);
  });

  it('5xx: the post call is an unknown outcome (reconcile before retrying), a read is transient', async () => {
    emu.server.inject({ kind: 'status', status: 503 }, { match: { path: '/rest/posts', method: 'POST' } });
    expect(await failure(publish('maybe'))).toMatchObject({
      kind: 'outcome_unknown',
      details: { status: 503, health: 'platform_unavailable' },
    });
    emu.server.inject({ kind: 'status', status: 500 }, { match: { path: '/v2/userinfo' } });
    expect(await failure(linkedinPlatform.createReader(settings).identity(cred))).toMatchObject({ kind: 'transient' });
  });
});
