import type { ConnectorCredential, PlatformSettings } from '../../../../services/core/connectors/connector.types';
import { createXWriter } from '../../../../services/core/connectors/x/x.writer';
import { xPlatform } from '../../../../services/core/connectors/x/x.platform';
import { X_COSTS_USD_MICROS } from '../../../../services/core/connectors/x/x-costs';
import type { XEmulator } from '../../../../services/emulators/platforms/x/x.emulator';
import { startXEmulator } from '../../../../services/emulators/platforms/x/x.emulator';
import { collect, cred, failure, memoryResume, mp4, noSleep, png, sha256, unique } from './x-test-kit';

const CHUNK = 64 * 1024;
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
const writer = (s: PlatformSettings = settings) => createXWriter(s, { chunkBytes: CHUNK });
const reader = () => xPlatform.createReader(settings);

describe('X writer against the emulator: publishing', () => {
  it('publishes text with a link: the read-back shows the link as sent, the cost is the link rate', async () => {
    const text = unique('Launch day: https://raize.example/launch?utm=x&ref=1 — fish & chips <3');
    const out = await writer().publish(me, { text, media: [] }, 'k-1', { sleep: noSleep });
    const held = emu.posts(accountId);
    expect(held).toHaveLength(1);
    // X shows a t.co link and HTML entities; the connector gives back what we sent.
    expect(String(held[0]!.extra.shownText)).toMatch(/https:\/\/t\.co\/\w+/);
    expect(String(held[0]!.extra.shownText)).toContain('&amp;');
    expect(out).toMatchObject({
      replayed: false,
      post: { postId: held[0]!.id, text, authorExternalId: accountId, requestKey: null },
    });
    expect(out.post.url).toBe(`https://x.com/i/web/status/${held[0]!.id}`);
    expect(out.usage).toEqual([
      { unit: 'usd_micros', amount: X_COSTS_USD_MICROS.postCreateWithUrl, operation: 'POST /2/tweets with a link' },
    ]);
    expect(emu.server.last('/2/tweets')!.json).toEqual({ text });
    expect((await reader().readPost(me, out.post.postId))!.text).toBe(text);
  });

  it('publishes two images through the chunked upload: one post holding exactly our bytes', async () => {
    const a = png(8, 8, [10, 20, 30]);
    const b = png(16, 16, [200, 100, 0]);
    const text = unique('Two pictures');
    const out = await writer().publish(me, { text, media: [a, b] }, 'k-2', { sleep: noSleep });
    const held = emu.posts(accountId);
    expect(held).toHaveLength(1);
    expect(held[0]!.media.map((m) => [m.contentType, m.sha256, m.size])).toEqual([
      ['image/png', a.checksum, a.size],
      ['image/png', b.checksum, b.size],
    ]);
    const inits = emu.server.requests.filter((r) => r.path === '/2/media/upload/initialize');
    expect(inits.map((r) => r.json)).toEqual([
      { media_type: 'image/png', total_bytes: a.size, media_category: 'tweet_image' },
      { media_type: 'image/png', total_bytes: b.size, media_category: 'tweet_image' },
    ]);
    // The media link X appends is not part of the text; the media keys are ours.
    expect(out.post.text).toBe(text);
    expect(out.post.raw.mediaKeys).toBe(
      emu
        .uploads()
        .map((u) => u.mediaKey)
        .join(','),
    );
    expect(out.usage?.[0]?.amount).toBe(X_COSTS_USD_MICROS.postCreate);
  });

  it('publishes a video: chunks in order, status polls honouring check_after_secs, heartbeats on each', async () => {
    emu.setVideoPolls(3);
    const video = mp4(CHUNK * 3 + 1000);
    const waits: number[] = [];
    let beats = 0;
    const out = await writer().publish(me, { text: unique('A clip'), media: [video] }, 'k-3', {
      sleep: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      onProgress: () => beats++,
    });
    expect(emu.appends().map((a) => [a.segment, a.bytes])).toEqual([
      [0, CHUNK],
      [1, CHUNK],
      [2, CHUNK],
      [3, 1000],
    ]);
    expect(emu.statusPolls()).toBe(4);
    expect(waits).toEqual([1000, 1000, 1000, 1000]);
    expect(beats).toBeGreaterThanOrEqual(4 + 4);
    expect(emu.posts(accountId)[0]!.media).toEqual([
      { contentType: 'video/mp4', sha256: video.checksum, size: video.size },
    ]);
    expect(emu.uploads()[0]!.category).toBe('tweet_video');
    expect(out.post.raw.mediaKeys).toMatch(/^7_/);
  });

  it('a video X fails to process is permanent media_rejected, and nothing is posted', async () => {
    emu.failNextProcessing();
    const err = await failure(
      writer().publish(me, { text: unique('Broken clip'), media: [mp4(5000)] }, 'k-4', { sleep: noSleep }),
    );
    expect(err).toMatchObject({
      kind: 'permanent',
      details: { health: 'media_rejected', platformCode: 'processing_failed' },
    });
    expect(emu.posts(accountId)).toEqual([]);
  });

  it('refuses a post X would refuse before any call: too long as X counts it, or a video with photos', async () => {
    const long = `${'a'.repeat(260)} https://raize.example/x`;
    expect(await failure(writer().publish(me, { text: long, media: [] }, 'k-5'))).toMatchObject({ kind: 'permanent' });
    const mixed = await failure(writer().publish(me, { text: 'mixed', media: [png(), mp4(3000)] }, 'k-6'));
    expect(mixed).toMatchObject({ kind: 'permanent', details: { health: 'media_rejected' } });
    expect(emu.server.requests).toEqual([]);
  });

  it('[C-22] the post’s answer is lost after X made it: the next call with the resume memory finds it, no second post', async () => {
    const resume = memoryResume();
    const text = unique('Lost answer with a picture');
    const image = png();
    emu.loseNextPostAnswer();
    const since = new Date(Date.now() - 5000);
    const first = await failure(
      writer({ ...settings, timeoutMs: 1500 }).publish(me, { text, media: [image] }, 'k-7', { resume, sleep: noSleep }),
    );
    expect(first).toMatchObject({ kind: 'outcome_unknown', details: { transport: 'timeout' } });
    expect(emu.posts(accountId)).toHaveLength(1);

    const again = await writer().publish(me, { text, media: [image] }, 'k-7', { resume, sleep: noSleep });
    expect(again.replayed).toBe(true);
    expect(again.post.postId).toBe(emu.posts(accountId)[0]!.id);
    expect(emu.posts(accountId)).toHaveLength(1);
    expect(emu.server.requests.filter((r) => r.path === '/2/tweets')).toHaveLength(1);
    // The lost attempt's cost was never recorded; the finding attempt reports it.
    expect(again.usage?.[0]?.amount).toBe(X_COSTS_USD_MICROS.postCreate);
    expect((await collect(reader().ownPostsSince(me, since))).map((p) => [p.postId, p.text])).toEqual([
      [again.post.postId, text],
    ]);
  });

  it('[C-22] the post request dropped before X took it: the next call posts once, reusing the uploaded media', async () => {
    const resume = memoryResume();
    const text = unique('Dropped before the write');
    emu.server.inject({ kind: 'drop' }, { match: { method: 'POST', path: '/2/tweets' } });
    expect(
      await failure(writer().publish(me, { text, media: [png()] }, 'k-8', { resume, sleep: noSleep })),
    ).toMatchObject({ kind: 'outcome_unknown' });
    expect(emu.posts(accountId)).toEqual([]);
    const out = await writer().publish(me, { text, media: [png()] }, 'k-8', { resume, sleep: noSleep });
    expect(out.replayed).toBe(false);
    expect(emu.posts(accountId)).toHaveLength(1);
    expect(emu.server.requests.filter((r) => r.path === '/2/media/upload/initialize')).toHaveLength(1);
  });

  it('an upload cut mid-way carries on from the last confirmed chunk on the next call', async () => {
    emu.setVideoPolls(0);
    const resume = memoryResume();
    const video = mp4(CHUNK * 3 + 10);
    const text = unique('Resumed upload');
    let beats = 0;
    // Each confirmed chunk beats once: after the second, the connection of the next request is cut.
    const onProgress = () => {
      if (++beats === 2) emu.server.inject({ kind: 'drop' }, { match: { method: 'POST', path: '/2/media/upload/*' } });
    };
    const err = await failure(
      writer().publish(me, { text, media: [video] }, 'k-9', { resume, sleep: noSleep, onProgress }),
    );
    // An upload step without an answer made nothing public: a plain retry, not an unknown outcome.
    expect(err).toMatchObject({ kind: 'transient', details: { transport: 'network' } });
    expect(resume.values['x.media.0.segments']).toBe('2');
    const out = await writer().publish(me, { text, media: [video] }, 'k-9', { resume, sleep: noSleep });
    expect(emu.appends().map((a) => a.segment)).toEqual([0, 1, 2, 3]);
    expect(emu.server.requests.filter((r) => r.path === '/2/media/upload/initialize')).toHaveLength(1);
    expect(emu.posts(accountId)[0]!.media[0]!.sha256).toBe(sha256(video.bytes));
    expect(out.post.postId).toBe(emu.posts(accountId)[0]!.id);
  });
});

describe('X reader against the emulator', () => {
  it('ownPostsSince pages past the first page, newest first, down to since, only this account', async () => {
    emu.setRateLimit('POST /2/tweets', 1000);
    emu.setUserDailyLimit(1000);
    const post = (token: string, text: string) =>
      fetch(`${emu.url}/2/tweets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ text }),
      }).then((r) => expect(r.status).toBe(201));
    for (let i = 0; i < 3; i++) await post(me.accessToken, `old ${i}`);
    emu.clock.advance(120);
    const since = new Date(emu.clock.now() - 1000);
    for (let i = 0; i < 130; i++) await post(me.accessToken, `new ${i}`);
    await post(emu.grant(emu.accounts()[1]!.id).accessToken, 'not mine');
    let pages = 0;
    const found = await collect(reader().ownPostsSince(me, since, { onProgress: () => pages++ }));
    expect(found.map((p) => p.text)).toEqual(Array.from({ length: 130 }, (_, i) => `new ${129 - i}`));
    expect(pages).toBe(2);
    const first = emu.server.requests.find((r) => r.path.endsWith('/tweets') && r.method === 'GET')!;
    expect(first.query.get('start_time')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(first.query.get('tweet.fields')).toBe('created_at,author_id,entities,attachments');
    expect((await collect(reader().ownPostsSince(me, new Date(0)))).length).toBe(133);
  });

  it('readPost of a missing post is null (X answers 200 with an error entry)', async () => {
    expect(await reader().readPost(me, '1999999999999999999')).toBeNull();
  });
});
