import { wallClock } from '../../../../services/core/util/local-time';
import type { YouTubeRig } from './youtube-test-kit';
import { collect, failure, memoryResume, thumbnailOf, videoOf, youtubeRig } from './youtube-test-kit';

const TEXT = 'Error classes\nas YouTube documents them';
const UPLOAD_SCOPE = 'https://www.googleapis.com/auth/youtube.upload';

describe('YouTube connector: documented errors, as the emulator answers them', () => {
  let rig: YouTubeRig;
  beforeEach(async () => {
    rig = await youtubeRig({ appAudited: true, dailyQuota: 10_000 });
  });
  afterEach(() => rig.emu.close());
  const publish = () => rig.publish({ text: TEXT, media: [videoOf(1000)] });

  it('the project’s daily quota spent: rate_limited, quota_exhausted, retry at midnight Pacific; nothing uploaded', async () => {
    rig.emu.setQuotaUsed(10_000 - 1000);
    const err = await failure(publish());
    expect(err).toMatchObject({
      kind: 'rate_limited',
      details: { status: 403, platformCode: 'quotaExceeded', health: 'quota_exhausted' },
    });
    const at = new Date(err.details.retryAt!);
    const la = wallClock(at, 'America/Los_Angeles');
    expect([la.hour, la.minute, la.second]).toEqual([0, 0, 0]);
    expect(at.getTime() - Date.now()).toBeGreaterThan(0);
    expect(at.getTime() - Date.now()).toBeLessThanOrEqual(25 * 3600 * 1000);
    expect(Math.abs(err.details.retryAfterSeconds! - (at.getTime() - Date.now()) / 1000)).toBeLessThan(5);
    expect(rig.emu.posts(rig.channelId)).toEqual([]);
    // The quota rolls with the emulator's day: the same call works a day later (with a token of that day).
    rig.emu.clock.advance(24 * 3600);
    rig.cred.accessToken = rig.emu.grant(rig.channelId).accessToken;
    await publish();
    expect(rig.emu.posts(rig.channelId)).toHaveLength(1);
  });

  it('the channel’s upload cap (uploadLimitExceeded): rate_limited, daily_limit, retryAt a day later', async () => {
    rig.emu.failNext('videos.insert', 'uploadLimitExceeded');
    const err = await failure(publish());
    expect(err).toMatchObject({
      kind: 'rate_limited',
      details: { status: 400, platformCode: 'uploadLimitExceeded', health: 'daily_limit', retryAfterSeconds: 86400 },
    });
    expect(Date.parse(err.details.retryAt!) - Date.now()).toBeGreaterThan(86_000_000);
  });

  it('a rate limit with a reset: 429 with Retry-After, then the same call works', async () => {
    rig.emu.server.rateLimit('90', 1);
    const err = await failure(publish());
    expect(err).toMatchObject({ kind: 'rate_limited', details: { status: 429, retryAfterSeconds: 90 } });
    await publish();
    expect(rig.emu.posts(rig.channelId)).toHaveLength(1);
  });

  it('403 rateLimitExceeded without Retry-After waits the default', async () => {
    rig.emu.failNext('channels.list', 'rateLimitExceeded');
    const err = await failure(rig.reader().identity(rig.cred));
    expect(err).toMatchObject({ kind: 'rate_limited', details: { retryAfterSeconds: 60, health: 'rate_limited' } });
  });

  it('invalid metadata the platform refuses (invalidTitle, invalidDescription, mediaBodyRequired) is permanent', async () => {
    for (const reason of ['invalidTitle', 'invalidDescription', 'invalidCategoryId'] as const) {
      rig.emu.failNext('videos.insert', reason);
      expect(await failure(publish())).toMatchObject({
        kind: 'permanent',
        details: { status: 400, platformCode: reason },
      });
    }
    rig.emu.failNext('videos.upload', 'mediaBodyRequired');
    expect(await failure(publish())).toMatchObject({
      kind: 'permanent',
      details: { platformCode: 'mediaBodyRequired', health: 'media_rejected' },
    });
  });

  it('a token without the read scope: insufficientPermissions is auth + missing_permissions, and standing names it', async () => {
    const cred = { accessToken: rig.emu.grant(rig.channelId, [UPLOAD_SCOPE]).accessToken };
    const err = await failure(rig.reader().identity(cred));
    expect(err).toMatchObject({
      kind: 'auth',
      details: { status: 403, platformCode: 'insufficientPermissions', health: 'missing_permissions' },
    });
    const standing = await rig.reader().standing(cred);
    expect(standing.scopes).toEqual([UPLOAD_SCOPE]);
    expect(standing.missing).toEqual(["the permission to read the channel's videos (youtube.readonly)"]);
  });

  it('forbidden on the upload is permanent + missing_permissions', async () => {
    rig.emu.failNext('videos.insert', 'forbidden');
    expect(await failure(publish())).toMatchObject({
      kind: 'permanent',
      details: { status: 403, platformCode: 'forbidden', health: 'missing_permissions' },
    });
  });

  it('a revoked token: every call is auth (401 authError), and no upload happens', async () => {
    rig.emu.tokens.revokeAccount(rig.channelId);
    expect(await failure(publish())).toMatchObject({
      kind: 'auth',
      details: { status: 401, platformCode: 'authError', health: 'token_expired' },
    });
    expect(await failure(rig.reader().identity(rig.cred))).toMatchObject({ kind: 'auth' });
    expect(rig.emu.posts(rig.channelId)).toEqual([]);
  });

  it('a sunset API version: the emulator retires v3, every call is api_version_sunset', async () => {
    rig.emu.retireApiVersion();
    const calls = [
      () => publish(),
      () => rig.reader().identity(rig.cred),
      () => collect(rig.reader().ownPostsSince(rig.cred, new Date(0))),
    ];
    for (const call of calls)
      expect(await failure(call())).toMatchObject({
        kind: 'permanent',
        details: { status: 410, platformCode: 'deprecated', health: 'api_version_sunset' },
      });
  });

  it('a thumbnail that hits the thumbnail rate limit is a warning, the post stands', async () => {
    rig.emu.failNext('thumbnails.set', 'uploadRateLimitExceeded');
    const out = await rig.publish({ text: TEXT, media: [videoOf(1000), thumbnailOf()] });
    expect(out.warnings).toEqual([
      'the thumbnail was not set: POST /upload/youtube/v3/thumbnails/set answered 429 (uploadRateLimitExceeded)',
    ]);
    expect(rig.emu.posts(rig.channelId)).toHaveLength(1);
  });

  it('a 5xx on a read is transient with platform_unavailable', async () => {
    rig.emu.failNext('videos.list', 'backendError');
    expect(await failure(rig.reader().readPost(rig.cred, 'abc'))).toMatchObject({
      kind: 'transient',
      details: { status: 503, health: 'platform_unavailable' },
    });
  });

  it('5xx answers that outlast the retries leave the outcome unknown (the session is kept for the next attempt)', async () => {
    rig.emu.failNext('videos.upload', 'backendError', { times: 10 });
    const resume = memoryResume();
    const err = await failure(rig.publish({ text: TEXT, media: [videoOf(1000)] }, { resume }));
    expect(err).toMatchObject({ kind: 'outcome_unknown', details: { status: 503 } });
    expect(resume.values['youtube.uploadSession']).toMatch(/upload_id=/);
    // the first PUT, then a status query after each 503 until the three retries are spent
    expect(rig.emu.server.requests.filter((r) => r.method === 'PUT').map((r) => r.headers['content-range'])).toEqual([
      'bytes 0-999/1000',
      'bytes */1000',
      'bytes */1000',
      'bytes */1000',
    ]);
  });
});
