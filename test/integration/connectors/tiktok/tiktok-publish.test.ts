import { createHash } from 'node:crypto';
import type { ConnectorCredential } from '../../../../services/core/connectors/connector.types';
import { tiktokPlatform } from '../../../../services/core/connectors/tiktok/tiktok.platform';
import type { TikTokEmulator } from '../../../../services/emulators/platforms/tiktok/tiktok.emulator';
import { startTikTokEmulator } from '../../../../services/emulators/platforms/tiktok/tiktok.emulator';
import {
  collect,
  failure,
  fakeMp4,
  fastSleep,
  matching,
  memoryResume,
  videoOf,
  videoPost,
  writer,
} from './tiktok-test-kit';

const MiB = 1024 * 1024;
let emu: TikTokEmulator;
let brand: string;
let second: string;
let cred: ConnectorCredential;

beforeEach(async () => {
  emu = await startTikTokEmulator();
  [brand, second] = emu.accounts().map((a) => a.id) as [string, string];
  cred = { accessToken: emu.grant(brand).accessToken };
});
afterEach(() => emu.close());

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const paths = () => emu.server.requests.map((r) => `${r.method} ${r.path}`);

describe('TikTok Direct Post with FILE_UPLOAD, against the emulator', () => {
  it('publishes one video: creator_info first, init, the upload, status until PUBLISH_COMPLETE; the post reads back', async () => {
    const content = videoPost('Launch day 🚀 #raize', 300_000);
    const { sleep, slept } = fastSleep();
    let beats = 0;
    const out = await writer(emu.settings()).publish(cred, content, 'k-1', { sleep, onProgress: () => beats++ });

    const held = emu.posts(brand);
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({
      text: 'Launch day 🚀 #raize',
      media: [{ contentType: 'video/mp4', sha256: content.media[0]!.checksum, size: 300_000 }],
      extra: { privacy_level: 'PUBLIC_TO_EVERYONE', disable_comment: false },
    });
    expect(out.post).toMatchObject({
      postId: held[0]!.id,
      url: `https://www.tiktok.com/@raize.brand/video/${held[0]!.id}`,
      text: 'Launch day 🚀 #raize',
      authorExternalId: brand,
      requestKey: null,
    });
    expect(out.warnings).toBeUndefined();
    expect(out.requestId).toMatch(/^2026/);
    expect(paths()).toEqual([
      'GET /v2/user/info/',
      'POST /v2/post/publish/creator_info/query/',
      'POST /v2/post/publish/video/init/',
      'PUT /video/',
      'POST /v2/post/publish/status/fetch/',
      'POST /v2/post/publish/status/fetch/',
      'POST /v2/video/query/',
    ]);
    const init = emu.server.last('/v2/post/publish/video/init/')!;
    expect(init.json).toEqual({
      post_info: {
        title: 'Launch day 🚀 #raize',
        privacy_level: 'PUBLIC_TO_EVERYONE',
        disable_comment: false,
        disable_duet: false,
        disable_stitch: false,
      },
      source_info: { source: 'FILE_UPLOAD', video_size: 300_000, chunk_size: 300_000, total_chunk_count: 1 },
    });
    const put = emu.server.last('/video/')!;
    expect(put.headers).toMatchObject({ 'content-type': 'video/mp4', 'content-range': 'bytes 0-299999/300000' });
    // The upload URL carries its own token: the user's bearer token does not travel with the video.
    expect(put.headers.authorization).toBeUndefined();
    expect(slept).toEqual([3000]);
    expect(beats).toBeGreaterThanOrEqual(3);

    const read = await tiktokPlatform.createReader(emu.settings()).readPost(cred, out.post.postId);
    expect(read).toMatchObject({ postId: out.post.postId, text: 'Launch day 🚀 #raize', authorExternalId: brand });
  });

  it('uploads a larger video in chunks, in order, with their ranges; the platform holds the same bytes', async () => {
    const bytes = fakeMp4(12 * MiB + 7);
    const content = { text: 'chunked', media: [videoOf(bytes)] };
    await writer(emu.settings(), { chunkBytes: 5 * MiB }).publish(cred, content, 'k-2', fastSleep());
    const puts = emu.server.requests.filter((r) => r.path === '/video/');
    expect(puts.map((r) => r.headers['content-range'])).toEqual([
      `bytes 0-${5 * MiB - 1}/${bytes.length}`,
      `bytes ${5 * MiB}-${bytes.length - 1}/${bytes.length}`,
    ]);
    expect(emu.server.last('/v2/post/publish/video/init/')!.json).toMatchObject({
      source_info: { chunk_size: 5 * MiB, total_chunk_count: 2, video_size: bytes.length },
    });
    expect(emu.posts(brand).map((p) => p.media[0]!.sha256)).toEqual([sha(bytes)]);
  });

  it('polls while TikTok processes, a heartbeat each time, and stops at the receipt', async () => {
    emu.setProcessing({ polls: 4 });
    const { sleep, slept } = fastSleep();
    let beats = 0;
    await writer(emu.settings()).publish(cred, videoPost('slow'), 'k-3', { sleep, onProgress: () => beats++ });
    expect(paths().filter((p) => p.endsWith('/status/fetch/'))).toHaveLength(5);
    expect(slept).toEqual([3000, 3000, 3000, 3000]);
    expect(beats).toBe(1 + 5);
    expect(emu.posts(brand)).toHaveLength(1);
  });

  it('still processing after its polls: an unknown outcome, and the next attempt finishes the same publish', async () => {
    emu.setProcessing({ polls: 50, seconds: 3600 });
    const resume = memoryResume();
    const w = writer(emu.settings(), { maxPolls: 2 });
    const err = await failure(w.publish(cred, videoPost('moderated'), 'k-4', { ...fastSleep(), resume }));
    expect(err).toMatchObject({ kind: 'outcome_unknown', details: { platformCode: 'PROCESSING_UPLOAD' } });
    expect(emu.posts(brand)).toEqual([]);
    emu.clock.advance(3600);
    const out = await w.publish(cred, videoPost('moderated'), 'k-4', { ...fastSleep(), resume });
    expect(emu.posts(brand).map((p) => p.id)).toEqual([out.post.postId]);
    expect(emu.publishes()).toHaveLength(1);
  });

  it('drafts: the inbox upload carries no post_info, the draft lands in the inbox and nothing is posted', async () => {
    const draftCred = {
      accessToken: emu.grant(brand, ['user.info.basic', 'user.info.profile', 'video.upload']).accessToken,
    };
    const settings = { ...emu.settings(), tiktokPostMode: 'draft' as const };
    const content = videoPost('a draft');
    const out = await writer(settings).publish(draftCred, content, 'k-5', fastSleep());
    expect(emu.server.last('/v2/post/publish/inbox/video/init/')!.json).toEqual({
      source_info: { source: 'FILE_UPLOAD', video_size: 300_000, chunk_size: 300_000, total_chunk_count: 1 },
    });
    expect(paths()).not.toContain('POST /v2/post/publish/creator_info/query/');
    expect(emu.posts(brand)).toEqual([]);
    expect(emu.drafts(brand).map((d) => d.media[0]!.sha256)).toEqual([content.media[0]!.checksum]);
    expect(out.post).toMatchObject({ postId: matching(/^publish_id:v_inbox_file~/), url: '', text: '' });
    expect(out.warnings).toEqual([matching(/inbox as a draft/)]);
    expect(await tiktokPlatform.createReader(settings).readPost(cred, out.post.postId)).toBeNull();
  });

  it('a drafts setting without the video.upload scope is refused as missing permissions', async () => {
    const err = await failure(
      writer({ ...emu.settings(), tiktokPostMode: 'draft' }).publish(
        { accessToken: emu.grant(brand, ['user.info.basic', 'user.info.profile', 'video.publish']).accessToken },
        videoPost('x'),
        'k-6',
        fastSleep(),
      ),
    );
    expect(err).toMatchObject({
      kind: 'permanent',
      details: { health: 'missing_permissions', platformCode: 'scope_not_authorized' },
    });
  });
});

describe('an unaudited app (private_only)', () => {
  beforeEach(() => emu.setAppAudited(false));

  it('posts SELF_ONLY to a private account and says so; the private post has no id, its receipt stands for it', async () => {
    const secondCred = { accessToken: emu.grant(second).accessToken };
    const settings = { ...emu.settings(), tiktokPrivacyLevel: 'FOLLOWER_OF_CREATOR' as const };
    expect(settings.appAudited).toBe(false);
    const out = await writer(settings).publish(secondCred, videoPost('only me'), 'k-7', fastSleep());
    expect(emu.server.last('/v2/post/publish/video/init/')!.json).toMatchObject({
      post_info: { privacy_level: 'SELF_ONLY' },
    });
    expect(emu.posts(second).map((p) => p.extra.privacy_level)).toEqual(['SELF_ONLY']);
    expect(out.warnings).toEqual([
      matching(/not audited.*SELF_ONLY.*instead of FOLLOWER_OF_CREATOR/),
      matching(/no post id for a post that is not public/),
    ]);
    expect(out.post).toMatchObject({
      postId: matching(/^publish_id:v_pub_file~/),
      url: '',
      authorExternalId: second,
    });
    const reader = tiktokPlatform.createReader(settings);
    expect(await reader.readPost(secondCred, out.post.postId)).toBeNull();
    expect(await collect(reader.ownPostsSince(secondCred, new Date(0)))).toEqual([]);
  });

  it('a public account is refused by TikTok: permanent, private_only, nothing posted', async () => {
    const err = await failure(writer(emu.settings()).publish(cred, videoPost('public?'), 'k-8', fastSleep()));
    expect(err).toMatchObject({
      kind: 'permanent',
      details: {
        health: 'private_only',
        platformCode: 'unaudited_client_can_only_post_to_private_accounts',
        status: 403,
      },
    });
    expect(emu.posts(brand)).toEqual([]);
  });

  it('a creator past the unaudited cap of active creators (5 a day; 1 here) waits for the day', async () => {
    emu.setActiveCreatorCap(1);
    emu.creator(brand).privateAccount = true;
    await writer(emu.settings()).publish(cred, videoPost('first creator'), 'k-9', fastSleep());
    const err = await failure(
      writer(emu.settings()).publish(
        { accessToken: emu.grant(second).accessToken },
        videoPost('second creator'),
        'k-10',
        fastSleep(),
      ),
    );
    expect(err).toMatchObject({
      kind: 'rate_limited',
      details: { health: 'private_only', platformCode: 'reached_active_user_cap' },
    });
  });
});

describe('refused before uploading, from creator_info', () => {
  it('a video longer than this creator may post: no init, no upload', async () => {
    const secondCred = { accessToken: emu.grant(second).accessToken };
    const settings = { ...emu.settings(), tiktokPrivacyLevel: 'SELF_ONLY' as const };
    const err = await failure(
      writer(settings).publish(secondCred, videoPost('long', 1000, { durationSeconds: 181 }), 'k-11', fastSleep()),
    );
    expect(err).toMatchObject({ kind: 'permanent', details: { health: 'media_rejected' } });
    expect(err.message).toMatch(/lasts 181 s; this creator may post at most 180 s/);
    expect(paths()).not.toContain('POST /v2/post/publish/video/init/');
  });

  it('a privacy level the account does not offer: named, no init', async () => {
    const err = await failure(
      writer(emu.settings()).publish(
        { accessToken: emu.grant(second).accessToken },
        videoPost('pub'),
        'k-12',
        fastSleep(),
      ),
    );
    expect(err.details.platformCode).toBe('privacy_level_option_mismatch');
    expect(err.message).toMatch(/does not offer PUBLIC_TO_EVERYONE/);
    expect(paths()).not.toContain('POST /v2/post/publish/video/init/');
  });

  it('a creator TikTok bans from posting: cannot_post', async () => {
    emu.creator(brand).banned = true;
    expect(await failure(writer(emu.settings()).publish(cred, videoPost('x'), 'k-13', fastSleep()))).toMatchObject({
      kind: 'permanent',
      details: { health: 'cannot_post', platformCode: 'spam_risk_user_banned_from_posting' },
    });
  });

  it('a photo or a caption over 2,200 characters never reaches TikTok', async () => {
    const photo = { text: 'p', media: [videoOf(fakeMp4(100), { kind: 'image', contentType: 'image/jpeg' })] };
    expect((await failure(writer(emu.settings()).publish(cred, photo, 'k-14'))).details.health).toBe('media_rejected');
    expect((await failure(writer(emu.settings()).publish(cred, videoPost('a'.repeat(2201)), 'k-15'))).kind).toBe(
      'permanent',
    );
    expect(emu.server.requests).toEqual([]);
  });
});

describe('TikTok’s limits', () => {
  it('the daily cap stops for the day: rate_limited, daily_limit, retryAt a day later', async () => {
    emu.setDailyPostCap(1);
    await writer(emu.settings()).publish(cred, videoPost('one'), 'k-16', fastSleep());
    const before = Date.now();
    const err = await failure(writer(emu.settings()).publish(cred, videoPost('two'), 'k-17', fastSleep()));
    expect(err).toMatchObject({
      kind: 'rate_limited',
      details: { health: 'daily_limit', platformCode: 'spam_risk_too_many_posts' },
    });
    expect(Date.parse(err.details.retryAt!) - before).toBeGreaterThanOrEqual(24 * 3600_000 - 1000);
    expect(emu.posts(brand)).toHaveLength(1);
  });

  it('[C-52] init allows 6 calls a minute per token: the seventh waits a minute, then passes', async () => {
    const w = writer(emu.settings());
    for (let i = 0; i < 6; i++) await w.publish(cred, videoPost(`post ${i}`, 1000), `k-r${i}`, fastSleep());
    const err = await failure(w.publish(cred, videoPost('seventh', 1000), 'k-r6', fastSleep()));
    expect(err).toMatchObject({
      kind: 'rate_limited',
      details: { status: 429, retryAfterSeconds: 60, health: 'rate_limited' },
    });
    expect(emu.posts(brand)).toHaveLength(6);
    emu.clock.advance(60);
    await w.publish(cred, videoPost('seventh', 1000), 'k-r6', fastSleep());
    expect(emu.posts(brand)).toHaveLength(7);
  });

  it('[C-52] a 429 with Retry-After is honoured', async () => {
    emu.server.inject(
      { kind: 'status', status: 429, headers: { 'retry-after': '7' } },
      { match: { method: 'POST', path: '/v2/post/publish/video/init/' } },
    );
    expect(await failure(writer(emu.settings()).publish(cred, videoPost('x'), 'k-18', fastSleep()))).toMatchObject({
      kind: 'rate_limited',
      details: { retryAfterSeconds: 7, platformCode: 'rate_limit_exceeded' },
    });
  });
});

describe('a publish TikTok fails', () => {
  it('a fail_reason the platform reports: mapped, and the next attempt starts a new publish', async () => {
    emu.failNextPublish('frame_rate_check_failed');
    const resume = memoryResume();
    const w = writer(emu.settings());
    expect(await failure(w.publish(cred, videoPost('x'), 'k-19', { ...fastSleep(), resume }))).toMatchObject({
      kind: 'permanent',
      details: { health: 'media_rejected', platformCode: 'frame_rate_check_failed' },
    });
    expect(resume.values).toEqual({});
    await w.publish(cred, videoPost('x'), 'k-19', { ...fastSleep(), resume });
    expect(emu.publishes().map((p) => p.status)).toEqual(['FAILED', 'PUBLISH_COMPLETE']);
  });

  it('bytes that are not a video fail TikTok’s format check', async () => {
    const bytes = Buffer.from('not a video at all, just text');
    const err = await failure(
      writer(emu.settings()).publish(cred, { text: 't', media: [videoOf(bytes)] }, 'k-20', fastSleep()),
    );
    expect(err).toMatchObject({ details: { health: 'media_rejected', platformCode: 'file_format_check_failed' } });
    expect(emu.posts(brand)).toEqual([]);
  });

  it('an upload URL on a host that is not TikTok’s: nothing is uploaded', async () => {
    emu.setUploadOrigin('http://127.0.0.2:9');
    const err = await failure(writer(emu.settings()).publish(cred, videoPost('x'), 'k-21', fastSleep()));
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/not TikTok's/);
    expect(paths()).not.toContain('PUT /video/');
  });
});

describe('[C-22] the answer to the last step is lost: the retry asks TikTok first and posts once', () => {
  const content = videoPost('exactly once', 200_000);

  it('the last chunk arrived but its answer was lost: the retry follows the same publish to its post', async () => {
    emu.loseAnswer('/video/', 'PUT');
    const resume = memoryResume();
    const since = new Date(emu.clock.now() - 1000);
    const w = writer(emu.settings({ timeoutMs: 1500 }));
    expect(await failure(w.publish(cred, content, 'k-22', { ...fastSleep(), resume }))).toMatchObject({
      kind: 'outcome_unknown',
      details: { transport: 'timeout' },
    });
    expect(Object.keys(resume.values).sort()).toEqual(['tiktok.mode', 'tiktok.publish_id']);
    const out = await w.publish(cred, content, 'k-22', { ...fastSleep(), resume });
    expect(emu.posts(brand).map((p) => p.id)).toEqual([out.post.postId]);
    expect(paths().filter((p) => p.endsWith('/video/init/'))).toHaveLength(1);
    expect(paths().filter((p) => p === 'PUT /video/')).toHaveLength(1);
    const found = await collect(tiktokPlatform.createReader(emu.settings()).ownPostsSince(cred, since));
    expect(found.map((p) => [p.postId, p.text])).toEqual([[out.post.postId, 'exactly once']]);
  });

  it('the connection dropped before the last chunk was taken: the retry sees an incomplete upload and uploads anew', async () => {
    emu.server.inject({ kind: 'drop' }, { match: { method: 'PUT', path: '/video/' } });
    const resume = memoryResume();
    const w = writer(emu.settings());
    expect((await failure(w.publish(cred, content, 'k-23', { ...fastSleep(), resume }))).kind).toBe('outcome_unknown');
    const out = await w.publish(cred, content, 'k-23', { ...fastSleep(), resume });
    expect(emu.posts(brand).map((p) => p.id)).toEqual([out.post.postId]);
    expect(emu.publishes().map((p) => [p.status, p.uploadedBytes])).toEqual([
      ['PROCESSING_UPLOAD', 0],
      ['PUBLISH_COMPLETE', 200_000],
    ]);
  });

  it('status/fetch hangs after the upload: unknown, and the retry reads the receipt without posting again', async () => {
    emu.server.inject({ kind: 'hang' }, { match: { method: 'POST', path: '/v2/post/publish/status/fetch/' } });
    const resume = memoryResume();
    const w = writer(emu.settings({ timeoutMs: 1500 }));
    expect(await failure(w.publish(cred, content, 'k-24', { ...fastSleep(), resume }))).toMatchObject({
      kind: 'outcome_unknown',
    });
    const out = await w.publish(cred, content, 'k-24', { ...fastSleep(), resume });
    expect(emu.posts(brand).map((p) => p.id)).toEqual([out.post.postId]);
    expect(paths().filter((p) => p === 'PUT /video/')).toHaveLength(1);
  });

  it('an init whose answer was lost uploaded nothing: safe to try again (transient, not unknown)', async () => {
    emu.server.inject({ kind: 'drop' }, { match: { method: 'POST', path: '/v2/post/publish/video/init/' } });
    const resume = memoryResume();
    expect(
      await failure(writer(emu.settings()).publish(cred, content, 'k-25', { ...fastSleep(), resume })),
    ).toMatchObject({
      kind: 'transient',
    });
    expect(resume.values).toEqual({});
  });
});

describe('API version and odd answers', () => {
  it('a retired API version: api_version_sunset, from the first call', async () => {
    emu.retireVersion();
    expect(await failure(writer(emu.settings()).publish(cred, videoPost('x'), 'k-26', fastSleep()))).toMatchObject({
      kind: 'permanent',
      details: { health: 'api_version_sunset', status: 410 },
    });
    expect(await failure(tiktokPlatform.createReader(emu.settings()).identity(cred))).toMatchObject({
      details: { health: 'api_version_sunset' },
    });
  });

  it('post ids sent as JSON numbers past 2^53 are not trusted as rounded: the exact id comes from video/list', async () => {
    emu.sendPostIdsAsNumbers(true);
    const out = await writer(emu.settings()).publish(cred, videoPost('big ids'), 'k-27', fastSleep());
    const held = emu.posts(brand)[0]!;
    expect(Number.isSafeInteger(Number(held.id))).toBe(false);
    expect(out.post.postId).toBe(held.id);
    expect(paths()).toContain('POST /v2/video/list/');
  });
});
