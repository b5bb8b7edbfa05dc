import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProviderError } from '../../../services/core/providers/provider.types';
import type { AvatarRequest, ProviderCallContext, RenderStatus } from '../../../services/core/providers/provider.types';
import {
  createHeyGenAvatarProvider,
  heygenCostMicros,
  parseHeyGenCallback,
} from '../../../services/core/providers/heygen';
import { startHeyGenEmulator } from '../../../services/emulators/providers/heygen.emulator';
import type { HeyGenEmulator } from '../../../services/emulators/providers/heygen.emulator';

// HeyGen avatar adapter against the emulator of HeyGen's documented wire format: generate, video_status.get
// polling, webhook events, and the documented error bodies.
const KEY = 'hg-test-key-client-a-0123456789';
const SCRIPT = 'Meet Zephyr, our quietest running shoe yet, available from Monday in every store near you.';
const REQ: AvatarRequest = {
  script: SCRIPT,
  avatarId: 'Daisy-inskirt-20220818',
  voiceId: '2d5b0e6cf36f460aa7fc47e3eee4ba54',
  aspect: '9:16',
};
let heygen: HeyGenEmulator;

function ctx(over: Partial<ProviderCallContext> = {}, apiKey = KEY): ProviderCallContext {
  return {
    agencyId: 'agency-1',
    clientId: 'client-1',
    credential: { provider: 'heygen', apiKey, credentialRefId: 'cred-hg', scope: 'client' },
    timeoutMs: 5_000,
    baseUrl: heygen.url,
    ...over,
  };
}

async function failure(p: Promise<unknown>): Promise<ProviderError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(err)}`);
  return err;
}

/** A local HTTP receiver standing in for Raize's future webhook ingest. */
async function receiver(): Promise<{ url: string; next(): Promise<unknown>; close(): Promise<void> }> {
  const queue: unknown[] = [];
  const waiters: ((b: unknown) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      const waiter = waiters.shift();
      if (waiter) waiter(body);
      else queue.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/heygen`,
    next: () => (queue.length ? Promise.resolve(queue.shift()) : new Promise((r) => waiters.push(r))),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

beforeAll(async () => {
  heygen = await startHeyGenEmulator({ keys: [KEY], pollsUntilDone: 2 });
});
afterAll(() => heygen.close());
beforeEach(() => heygen.server.reset());

const avatar = createHeyGenAvatarProvider();

describe('HeyGen avatar video', () => {
  it('starts a render with the documented request: path, X-Api-Key, video_inputs, dimension', async () => {
    const job = await avatar.startAvatar(ctx(), REQ);
    const req = heygen.server.last();
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v2/video/generate');
    expect(req?.headers['x-api-key']).toBe(KEY);
    expect(req?.json).toEqual({
      video_inputs: [
        {
          character: { type: 'avatar', avatar_id: REQ.avatarId, avatar_style: 'normal' },
          voice: { type: 'text', input_text: SCRIPT, voice_id: REQ.voiceId },
        },
      ],
      dimension: { width: 720, height: 1280 },
    });
    expect(job.provider).toBe('heygen');
    expect(job.jobId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('takes the avatar and voice from the options when the request names none, and refuses to guess', async () => {
    const withDefaults = createHeyGenAvatarProvider({ defaultAvatarId: 'Avatar_1', defaultVoiceId: 'Voice_1' });
    await withDefaults.startAvatar(ctx(), { script: SCRIPT, aspect: '16:9' });
    expect(heygen.server.last()?.json).toMatchObject({
      video_inputs: [{ character: { avatar_id: 'Avatar_1' }, voice: { voice_id: 'Voice_1' } }],
      dimension: { width: 1280, height: 720 },
    });
    heygen.server.reset();
    const err = await failure(avatar.startAvatar(ctx(), { script: SCRIPT, aspect: '1:1' }));
    expect(err.failure).toBe('bad_request');
    expect(heygen.server.requests).toHaveLength(0);
  });

  it('polls video_status.get pending → processing → completed, downloads without the key, reports duration and cost', async () => {
    const job = await avatar.startAvatar(ctx(), REQ);
    const states: RenderStatus['state'][] = [];
    let status: RenderStatus = await avatar.pollAvatar(ctx(), job);
    states.push(status.state);
    while (status.state === 'pending' && states.length < 10) {
      status = await avatar.pollAvatar(ctx(), job);
      states.push(status.state);
    }
    expect(states).toEqual(['pending', 'pending', 'done']);
    const polls = heygen.server.requests.filter((r) => r.path === '/v1/video_status.get');
    expect(polls.map((p) => p.query.get('video_id'))).toEqual([job.jobId, job.jobId, job.jobId]);
    expect(polls.every((p) => p.headers['x-api-key'] === KEY)).toBe(true);
    const download = heygen.server.last(`/video/${job.jobId}.mp4`);
    expect(download?.headers['x-api-key']).toBeUndefined();
    if (status.state !== 'done') throw new Error('not done');
    expect(status.media.contentType).toBe('video/mp4');
    // 15 words at the emulator's 2.5 words a second: HeyGen reports 6 s.
    expect(status.usage).toEqual({ videoSeconds: 6, costMicros: heygenCostMicros(6) });
    expect(status.usage.costMicros).toBe(99_000);
    expect(status.model).toBe('heygen-studio-v2');
  });

  it('a render failed by moderation is failed with refused=true; another failure is refused=false', async () => {
    heygen.server.inject({ kind: 'job_fail', reason: 'content' }, { match: { path: '/v2/video/generate' } });
    const blocked = await avatar.startAvatar(ctx(), REQ);
    heygen.server.inject({ kind: 'job_fail' }, { match: { path: '/v2/video/generate' } });
    const tooLong = await avatar.startAvatar(ctx(), REQ);
    await heygen.settle(blocked.jobId);
    await heygen.settle(tooLong.jobId);
    expect(await avatar.pollAvatar(ctx(), blocked)).toEqual({
      state: 'failed',
      refused: true,
      reason: 'heygen refused the render by its moderation (code 400105)',
    });
    expect(await avatar.pollAvatar(ctx(), tooLong)).toEqual({
      state: 'failed',
      refused: false,
      reason: 'heygen render failed (code 40119)',
    });
  });

  it('POSTs avatar_video.success / .fail to callback_url, and parseHeyGenCallback reads them', async () => {
    const hook = await receiver();
    try {
      const withCallback = createHeyGenAvatarProvider({ callbackUrl: hook.url });
      const job = await withCallback.startAvatar(ctx(), REQ);
      expect(heygen.server.last('/v2/video/generate')?.json).toMatchObject({ callback_url: hook.url });
      await heygen.settle(job.jobId);
      const success = await hook.next();
      const fileUrl = `${heygen.url}/video/${job.jobId}.mp4?Expires=1893456000&Signature=emulated`;
      expect(success).toEqual({
        event_type: 'avatar_video.success',
        event_data: { video_id: job.jobId, url: fileUrl, callback_id: null },
      });
      expect(parseHeyGenCallback(success)).toEqual({ jobId: job.jobId, outcome: 'done', url: fileUrl });

      heygen.server.inject({ kind: 'job_fail', reason: 'content' }, { match: { path: '/v2/video/generate' } });
      const failing = await withCallback.startAvatar(ctx(), REQ);
      await heygen.settle(failing.jobId);
      const fail = await hook.next();
      expect(fail).toEqual({
        event_type: 'avatar_video.fail',
        event_data: { video_id: failing.jobId, msg: 'Blocked words detected', callback_id: null },
      });
      expect(parseHeyGenCallback(fail)).toEqual({ jobId: failing.jobId, outcome: 'failed', refused: true });
    } finally {
      await hook.close();
    }
  });

  it('parseHeyGenCallback rejects other events and malformed bodies', () => {
    const bad = [
      null,
      { event_type: 'video_translate.success', event_data: { video_translate_id: 'x', url: 'u' } },
      { event_type: 'avatar_video.success', event_data: { video_id: 'v' } },
      { event_type: 'avatar_video.fail' },
    ];
    for (const body of bad) expect(() => parseHeyGenCallback(body)).toThrow(ProviderError);
  });

  it('[C-51] 429 with Retry-After is rate_limited with the wait', async () => {
    heygen.server.rateLimit('12');
    const err = await failure(avatar.startAvatar(ctx(), REQ));
    expect(err.failure).toBe('rate_limited');
    expect(err.details).toMatchObject({ status: 429, retryAfterMs: 12_000, vendorCode: 'rate_limit_exceeded' });
  });

  it.each([500, 502, 503])('[C-51] %i is unavailable', async (status) => {
    heygen.server.inject({ kind: 'status', status });
    expect((await failure(avatar.startAvatar(ctx(), REQ))).failure).toBe('unavailable');
  });

  it('[C-51] a hang while polling is cut at the deadline and is unavailable; the render is still there after', async () => {
    const job = await avatar.startAvatar(ctx(), REQ);
    heygen.server.inject({ kind: 'hang' }, { match: { path: '/v1/video_status.get' } });
    expect((await failure(avatar.pollAvatar(ctx({ timeoutMs: 300 }), job))).failure).toBe('unavailable');
    expect((await avatar.pollAvatar(ctx(), job)).state).toBe('pending');
  });

  it('blocked words at submit (400105) are refused, not a bad request', async () => {
    heygen.server.inject({ kind: 'refuse' });
    const err = await failure(avatar.startAvatar(ctx(), REQ));
    expect(err.failure).toBe('refused');
    expect(err.details).toMatchObject({ status: 400, vendorCode: '400105' });
  });

  it('an error object under HTTP 200 is never read as success: blocked words there are refused too', async () => {
    heygen.server.inject({
      kind: 'status',
      status: 200,
      body: { error: { code: 400105, message: 'Blocked words detected' }, data: null },
    });
    expect(await failure(avatar.startAvatar(ctx(), REQ))).toMatchObject({
      failure: 'refused',
      details: { status: 200, vendorCode: '400105' },
    });
  });

  it('a wrong key (401) and no credits (402 insufficient_credit) are unauthorized', async () => {
    const wrong = await failure(avatar.startAvatar(ctx({}, 'hg-revoked'), REQ));
    expect(wrong.failure).toBe('unauthorized');
    heygen.server.inject({
      kind: 'status',
      status: 402,
      body: { error: { code: 'insufficient_credit', message: 'Your account has 0 credits.' }, data: null },
    });
    expect((await failure(avatar.startAvatar(ctx(), REQ))).failure).toBe('unauthorized');
  });

  it('an invalid request (400 invalid_parameter) and a non-JSON body are bad_request', async () => {
    const invalid = await failure(avatar.startAvatar(ctx(), { ...REQ, avatarId: 'has spaces and /' }));
    expect(invalid.failure).toBe('bad_request');
    heygen.server.inject({
      kind: 'status',
      status: 400,
      body: { error: { code: 'invalid_parameter', message: 'dimension is invalid', param: 'dimension' }, data: null },
    });
    expect(await failure(avatar.startAvatar(ctx(), REQ))).toMatchObject({
      failure: 'bad_request',
      details: { vendorCode: 'invalid_parameter' },
    });
    heygen.server.inject({ kind: 'garbage' });
    expect((await failure(avatar.startAvatar(ctx(), REQ))).failure).toBe('bad_request');
  });

  it('[C-13] neither errors nor failed statuses carry the key or the script', async () => {
    const shown: string[] = [];
    heygen.server.rateLimit('1');
    shown.push((await failure(avatar.startAvatar(ctx(), REQ))).message);
    heygen.server.inject({ kind: 'refuse' });
    shown.push((await failure(avatar.startAvatar(ctx(), REQ))).message);
    shown.push((await failure(avatar.startAvatar(ctx({}, 'hg-revoked-key'), REQ))).message);
    heygen.server.inject({ kind: 'job_fail', reason: 'content' }, { match: { path: '/v2/video/generate' } });
    const job = await avatar.startAvatar(ctx(), REQ);
    await heygen.settle(job.jobId);
    const status = await avatar.pollAvatar(ctx(), job);
    if (status.state !== 'failed') throw new Error('expected failed');
    shown.push(status.reason);
    for (const s of shown) {
      expect(s).not.toContain(KEY);
      expect(s).not.toContain('hg-revoked-key');
      expect(s).not.toContain('Zephyr');
      expect(s).not.toContain(job.jobId);
    }
  });
});
