import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ProviderError } from '../../../services/core/providers/provider.types';
import type { ProviderCallContext, RenderStatus, VideoRequest } from '../../../services/core/providers/provider.types';
import { createKieVideoProvider, kieCostMicros, parseKieCallback } from '../../../services/core/providers/kie';
import { startKieEmulator } from '../../../services/emulators/providers/kie.emulator';
import type { KieEmulator } from '../../../services/emulators/providers/kie.emulator';

// Kie.ai Veo adapter against the emulator of Kie's documented wire format: async task, polling, callback, and the
// `{code,msg,data}` envelope whose code can say "failed" under HTTP 200.
const KEY = 'kie-test-key-client-a-0123456789';
const PROMPT = 'A slow pan over the secret Zephyr prototype at dawn';
const REQ: VideoRequest = { prompt: PROMPT, durationSeconds: 8, aspect: '9:16' };
let kie: KieEmulator;

function ctx(over: Partial<ProviderCallContext> = {}, apiKey = KEY): ProviderCallContext {
  return {
    agencyId: 'agency-1',
    clientId: 'client-1',
    credential: { provider: 'kie', apiKey, credentialRefId: 'cred-kie', scope: 'client' },
    timeoutMs: 5_000,
    baseUrl: kie.url,
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

/** A local HTTP receiver standing in for Raize's future callback ingest. */
async function receiver(): Promise<{
  url: string;
  bodies: unknown[];
  next(): Promise<unknown>;
  close(): Promise<void>;
}> {
  const bodies: unknown[] = [];
  const waiters: ((b: unknown) => void)[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
      bodies.push(body);
      waiters.shift()?.(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/kie`,
    bodies,
    next: () =>
      bodies.length > waiters.length ? Promise.resolve(bodies[bodies.length - 1]) : new Promise((r) => waiters.push(r)),
    close: () => new Promise((r) => server.close(() => r())),
  };
}

beforeAll(async () => {
  kie = await startKieEmulator({ keys: [KEY], pollsUntilDone: 2 });
});
afterAll(() => kie.close());
beforeEach(() => kie.server.reset());

const video = createKieVideoProvider();

describe('Kie.ai Veo video', () => {
  it('starts a task with the documented request: path, Bearer key, prompt, model, aspectRatio', async () => {
    const job = await video.startVideo(ctx(), REQ);
    const req = kie.server.last();
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/api/v1/veo/generate');
    expect(req?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(req?.json).toEqual({ prompt: PROMPT, model: 'veo3_fast', aspectRatio: '9:16' });
    expect(job.provider).toBe('kie');
    expect(job.jobId).toMatch(/^veo_task_[0-9a-f]{16}$/);
    expect(kie.jobs.has(job.jobId)).toBe(true);
  });

  it('polls record-info pending → pending → done, downloads the result without the key, and reports usage', async () => {
    const job = await video.startVideo(ctx(), { ...REQ, model: 'veo3' });
    const seen: RenderStatus['state'][] = [];
    let status: RenderStatus = await video.pollVideo(ctx(), job);
    seen.push(status.state);
    while (status.state === 'pending' && seen.length < 10) {
      status = await video.pollVideo(ctx(), job);
      seen.push(status.state);
    }
    expect(seen).toEqual(['pending', 'pending', 'done']);
    const polls = kie.server.requests.filter((r) => r.path === '/api/v1/veo/record-info');
    expect(polls).toHaveLength(3);
    for (const p of polls) {
      expect(p.method).toBe('GET');
      expect(p.query.get('taskId')).toBe(job.jobId);
      expect(p.headers.authorization).toBe(`Bearer ${KEY}`);
    }
    const download = kie.server.last(`/files/${job.jobId}.mp4`);
    expect(download?.method).toBe('GET');
    // A result URL is another host's signed link: the vendor key must not travel there.
    expect(download?.headers.authorization).toBeUndefined();
    if (status.state !== 'done') throw new Error('not done');
    expect(status.media.contentType).toBe('video/mp4');
    expect(status.media.bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
    expect(status.model).toBe('veo3');
    expect(status.usage).toEqual({ videoSeconds: 8, costMicros: kieCostMicros('veo3', 8) });
    expect(status.usage.costMicros).toBe(1_250_000);
  });

  it('a task that fails on content policy is failed with refused=true; another failure is refused=false', async () => {
    kie.server.inject({ kind: 'job_fail', reason: 'content' }, { match: { path: '/api/v1/veo/generate' } });
    const policy = await video.startVideo(ctx(), REQ);
    kie.server.inject({ kind: 'job_fail' }, { match: { path: '/api/v1/veo/generate' } });
    const broken = await video.startVideo(ctx(), REQ);
    await kie.settle(policy.jobId);
    await kie.settle(broken.jobId);
    const refused = await video.pollVideo(ctx(), policy);
    const failed = await video.pollVideo(ctx(), broken);
    expect(refused).toEqual({
      state: 'failed',
      refused: true,
      reason: 'kie refused the render by its content policy (code 400)',
    });
    expect(failed).toEqual({ state: 'failed', refused: false, reason: 'kie render failed (code 501)' });
  });

  it('POSTs the documented callback to callBackUrl, and parseKieCallback reads it', async () => {
    const hook = await receiver();
    try {
      const withCallback = createKieVideoProvider({ callbackUrl: hook.url });
      const job = await withCallback.startVideo(ctx(), REQ);
      expect(kie.server.last('/api/v1/veo/generate')?.json).toMatchObject({ callBackUrl: hook.url });
      await kie.settle(job.jobId);
      const body = await hook.next();
      expect(body).toEqual({
        code: 200,
        msg: 'Veo3 video generated successfully.',
        data: {
          taskId: job.jobId,
          info: { resultUrls: [`${kie.url}/files/${job.jobId}.mp4`], resolution: '1080p' },
          fallbackFlag: false,
        },
      });
      expect(parseKieCallback(body)).toEqual({
        jobId: job.jobId,
        outcome: 'done',
        resultUrls: [`${kie.url}/files/${job.jobId}.mp4`],
      });

      kie.server.inject({ kind: 'job_fail', reason: 'content' }, { match: { path: '/api/v1/veo/generate' } });
      const refusedJob = await withCallback.startVideo(ctx(), REQ);
      await kie.settle(refusedJob.jobId);
      const failBody = await hook.next();
      expect(failBody).toMatchObject({ code: 400, data: { taskId: refusedJob.jobId } });
      expect(parseKieCallback(failBody)).toEqual({
        jobId: refusedJob.jobId,
        outcome: 'failed',
        code: 400,
        refused: true,
      });
    } finally {
      await hook.close();
    }
  });

  it('parseKieCallback rejects a body that is not the documented shape', () => {
    for (const bad of [
      null,
      'x',
      { code: 200 },
      { code: 200, data: { taskId: 'veo_task_1' } },
      { code: '200', data: {} },
    ]) {
      expect(() => parseKieCallback(bad)).toThrow(ProviderError);
    }
  });

  it('[C-51] HTTP 429 with Retry-After is rate_limited with the wait', async () => {
    kie.server.rateLimit('30');
    const err = await failure(video.startVideo(ctx(), REQ));
    expect(err.failure).toBe('rate_limited');
    expect(err.details).toMatchObject({ status: 429, retryAfterMs: 30_000, vendorCode: '429' });
  });

  it('[C-51] envelope code 429 under HTTP 200 is rate_limited too', async () => {
    kie.server.inject({ kind: 'custom', name: 'code:429' });
    const err = await failure(video.startVideo(ctx(), REQ));
    expect(err.failure).toBe('rate_limited');
    expect(err.details).toMatchObject({ status: 200, vendorCode: '429' });
  });

  it.each([
    ['HTTP 500', { kind: 'status', status: 500 } as const],
    ['HTTP 503', { kind: 'status', status: 503 } as const],
    ['code 455 (maintenance) under HTTP 200', { kind: 'custom', name: 'code:455' } as const],
    ['code 500 under HTTP 200', { kind: 'custom', name: 'code:500' } as const],
  ])('[C-51] %s is unavailable', async (_label, fault) => {
    kie.server.inject(fault);
    const err = await failure(video.startVideo(ctx(), REQ));
    expect(err.failure).toBe('unavailable');
    expect(err.retryable).toBe(true);
  });

  it('[C-51] an outage while polling is unavailable, and the task is still there after it', async () => {
    const job = await video.startVideo(ctx(), REQ);
    kie.server.inject({ kind: 'status', status: 500 }, { match: { path: '/api/v1/veo/record-info' } });
    expect((await failure(video.pollVideo(ctx(), job))).failure).toBe('unavailable');
    expect((await video.pollVideo(ctx(), job)).state).toBe('pending');
  });

  it('[C-51] a hang is cut at the deadline and is unavailable', async () => {
    kie.server.inject({ kind: 'hang' });
    const err = await failure(video.startVideo(ctx({ timeoutMs: 300 }), REQ));
    expect(err.failure).toBe('unavailable');
  });

  it('a content-policy rejection at submit (code 400) is refused', async () => {
    kie.server.inject({ kind: 'refuse' });
    const err = await failure(video.startVideo(ctx(), REQ));
    expect(err.failure).toBe('refused');
    expect(err.details.vendorCode).toBe('400');
  });

  it('a wrong key (401) and no credits (code 402) are unauthorized: an operator must act', async () => {
    const wrong = await failure(video.startVideo(ctx({}, 'kie-revoked'), REQ));
    expect(wrong.failure).toBe('unauthorized');
    expect(wrong.details.status).toBe(401);
    kie.server.inject({ kind: 'custom', name: 'code:402' });
    const broke = await failure(video.startVideo(ctx(), REQ));
    expect(broke.failure).toBe('unauthorized');
    expect(broke.message).toMatch(/insufficient credits/);
    expect(broke.retryable).toBe(false);
  });

  it('validation errors (code 422), a disabled feature (505) and a non-JSON body are bad_request', async () => {
    kie.server.inject({ kind: 'custom', name: 'code:505' });
    expect((await failure(video.startVideo(ctx(), REQ))).failure).toBe('bad_request');
    const invalid = await failure(video.startVideo(ctx(), { ...REQ, model: 'veo9' }));
    expect(invalid).toMatchObject({ failure: 'bad_request', details: { vendorCode: '422' } });
    kie.server.inject({ kind: 'garbage' });
    expect((await failure(video.startVideo(ctx(), REQ))).failure).toBe('bad_request');
  });

  it('a square video is refused before any request: Veo renders none', async () => {
    const err = await failure(video.startVideo(ctx(), { ...REQ, aspect: '1:1' }));
    expect(err.failure).toBe('bad_request');
    expect(kie.server.requests).toHaveLength(0);
  });

  it('[C-13] neither errors nor failed statuses carry the key or the prompt', async () => {
    const shown: string[] = [];
    kie.server.rateLimit('1');
    shown.push((await failure(video.startVideo(ctx(), REQ))).message);
    kie.server.inject({ kind: 'refuse' });
    shown.push((await failure(video.startVideo(ctx(), REQ))).message);
    shown.push((await failure(video.startVideo(ctx({}, 'kie-revoked-key'), REQ))).message);
    kie.server.inject({ kind: 'job_fail', reason: 'content' }, { match: { path: '/api/v1/veo/generate' } });
    const job = await video.startVideo(ctx(), REQ);
    await kie.settle(job.jobId);
    const status = await video.pollVideo(ctx(), job);
    if (status.state !== 'failed') throw new Error('expected failed');
    shown.push(status.reason);
    for (const s of shown) {
      expect(s).not.toContain(KEY);
      expect(s).not.toContain('kie-revoked-key');
      expect(s).not.toContain('Zephyr');
      // Kie's own message is not copied either (it could quote the prompt).
      expect(s).not.toContain('flagged by Website');
    }
  });
});
