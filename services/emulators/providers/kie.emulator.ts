/**
 * Kie.ai Veo 3 API emulator (test infrastructure), built from the public reference:
 * - https://docs.kie.ai/veo3-api/quickstart (base URL, `Authorization: Bearer <key>`, `{code,msg,data}` envelope)
 * - https://docs.kie.ai/veo3-api/generate-veo-3-video (POST /api/v1/veo/generate: prompt, model veo3|veo3_fast,
 *   aspectRatio, callBackUrl… → `{code:200,msg:"success",data:{taskId}}`; response codes 401, 402, 404, 422, 429,
 *   455, 500, 501, 505 in the envelope)
 * - https://docs.kie.ai/veo3-api/get-veo-3-video-details (GET /api/v1/veo/record-info?taskId=…: successFlag 0
 *   generating, 1 success, 2 failed, 3 generation failed; response.resultUrls; errorCode, errorMessage)
 * - https://docs.kie.ai/veo3-api/generate-veo-3-video-callbacks (the POST to callBackUrl: code 200 with
 *   data.info.resultUrls; 400 content policy, 422, 500, 501 failures)
 * Result files are served at /files/<taskId>.mp4 without auth, as Kie's CDN links are.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { EmulatorServer, postCallback } from '../emulator-server';
import type { EmulatorReply, EmulatorRequest } from '../emulator-server';

const generateBody = z.object({
  prompt: z.string().min(1),
  model: z.enum(['veo3', 'veo3_fast']).optional(),
  aspectRatio: z.enum(['16:9', '9:16', 'Auto']).optional(),
  callBackUrl: z.string().url().optional(),
  imageUrls: z.array(z.string().url()).optional(),
  watermark: z.string().optional(),
  seeds: z.number().int().optional(),
  enableFallback: z.boolean().optional(),
  enableTranslation: z.boolean().optional(),
});

/** The messages Kie documents for each envelope code. */
export const KIE_MESSAGES: Record<number, string> = {
  400: 'Your prompt was flagged by Website as violating content policies',
  401: 'You do not have access permissions',
  402: 'Insufficient credits',
  404: 'Not found',
  422: 'Validation error',
  429: 'Rate limited',
  455: 'Service unavailable',
  500: 'Server error',
  501: 'Video generation task failed',
  505: 'Feature disabled',
};

interface KieJob {
  taskId: string;
  params: z.infer<typeof generateBody>;
  polls: number;
  /** set when the job ends (by polls or settle) */
  outcome?: { ok: true } | { ok: false; code: number; msg: string };
  /** how the job will end */
  fail?: { code: number; msg: string };
  callbackSent: boolean;
}

export interface KieEmulatorOptions {
  keys: string[];
  /** polls answered "generating" before a job ends (default 2) */
  pollsUntilDone?: number;
}

export interface KieEmulator {
  server: EmulatorServer;
  url: string;
  jobs: Map<string, KieJob>;
  /** ends a job now (as its fault says) and POSTs the callback if it has a callBackUrl */
  settle(taskId: string): Promise<void>;
  /** callback deliveries, oldest first */
  callbacks: { url: string; ok: boolean; status?: number }[];
  close(): Promise<void>;
}

/** A minimal ISO BMFF file: an `ftyp` box and an empty `mdat`; enough for a sniffer, not a player. */
export function tinyMp4(tag: string): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypisom', 'latin1'),
    Buffer.from([0, 0, 2, 0]),
  ]);
  const brands = Buffer.from('isommp41', 'latin1');
  const payload = Buffer.from(tag, 'utf8');
  const mdatHeader = Buffer.alloc(8);
  mdatHeader.writeUInt32BE(8 + payload.length);
  mdatHeader.write('mdat', 4, 'latin1');
  return Buffer.concat([ftyp, brands, mdatHeader, payload]);
}

/**
 * Fault knobs beyond the shared ones (all answered under HTTP 200, as Kie does): `refuse` on generate answers code
 * 400 with the content-policy message; `job_fail` on generate makes the job end failed (reason `content` → code 400
 * policy message, successFlag 3; else code 501, successFlag 2); `custom` `code:<n>` answers the envelope code n.
 */
export async function startKieEmulator(opts: KieEmulatorOptions): Promise<KieEmulator> {
  const keys = new Set(opts.keys);
  const pollsUntilDone = opts.pollsUntilDone ?? 2;
  const jobs = new Map<string, KieJob>();
  const callbacks: KieEmulator['callbacks'] = [];
  let url = '';

  const end = async (job: KieJob): Promise<void> => {
    if (job.outcome) return;
    job.outcome = job.fail ? { ok: false, ...job.fail } : { ok: true };
    if (job.params.callBackUrl && !job.callbackSent) {
      job.callbackSent = true;
      const payload = job.outcome.ok
        ? {
            code: 200,
            msg: 'Veo3 video generated successfully.',
            data: {
              taskId: job.taskId,
              info: { resultUrls: [fileUrl(url, job)], resolution: '1080p' },
              fallbackFlag: false,
            },
          }
        : { code: job.outcome.code, msg: job.outcome.msg, data: { taskId: job.taskId, fallbackFlag: false } };
      const sent = await postCallback(job.params.callBackUrl, payload);
      callbacks.push({ url: job.params.callBackUrl, ...sent });
    }
  };

  const server = await EmulatorServer.start({
    name: 'kie',
    errorBody: (status, message) => ({ code: status, msg: KIE_MESSAGES[status] ?? message, data: null }),
    authenticate(req) {
      if (req.path.startsWith('/files/')) return undefined;
      const auth = req.headers.authorization ?? '';
      const key = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
      if (!keys.has(key)) return { status: 401, json: envelope(401) };
      return undefined;
    },
    routes: [
      { method: 'POST', path: '/api/v1/veo/generate', handle: (req) => generate(req, jobs) },
      {
        method: 'GET',
        path: '/api/v1/veo/record-info',
        handle: async (req) => {
          const job = jobs.get(req.query.get('taskId') ?? '');
          if (!job) return { status: 200, json: envelope(404) };
          job.polls += 1;
          if (!job.outcome && job.polls > pollsUntilDone) await end(job);
          return { status: 200, json: { code: 200, msg: 'success', data: record(url, job) } };
        },
      },
      {
        method: 'GET',
        path: /^\/files\/(?<taskId>[A-Za-z0-9_]+)\.mp4$/,
        handle: (req) => {
          const job = jobs.get(req.params.taskId ?? '');
          if (!job?.outcome?.ok) return { status: 404, body: 'not found' };
          return { status: 200, headers: { 'content-type': 'video/mp4' }, body: tinyMp4(job.taskId) };
        },
      },
    ],
  });
  url = server.url;
  return {
    server,
    url,
    jobs,
    callbacks,
    async settle(taskId) {
      const job = jobs.get(taskId);
      if (!job) throw new Error(`kie emulator: no task ${taskId}`);
      await end(job);
    },
    close: () => server.close(),
  };
}

function envelope(code: number, data: unknown = null): unknown {
  return { code, msg: KIE_MESSAGES[code] ?? 'error', data };
}

function generate(req: EmulatorRequest, jobs: Map<string, KieJob>): EmulatorReply {
  const fault = req.fault;
  if (fault?.kind === 'custom' && fault.name.startsWith('code:')) {
    return { status: 200, json: envelope(Number(fault.name.slice('code:'.length))) };
  }
  const parsed = generateBody.safeParse(req.json);
  if (req.jsonError || !parsed.success) return { status: 200, json: envelope(422) };
  if (fault?.kind === 'refuse') return { status: 200, json: envelope(400) };
  const taskId = `veo_task_${randomBytes(8).toString('hex')}`;
  const fail =
    fault?.kind === 'job_fail'
      ? fault.reason === 'content'
        ? { code: 400, msg: KIE_MESSAGES[400]! }
        : { code: 501, msg: KIE_MESSAGES[501]! }
      : undefined;
  jobs.set(taskId, { taskId, params: parsed.data, polls: 0, fail, callbackSent: false });
  return { status: 200, json: { code: 200, msg: 'success', data: { taskId } } };
}

function fileUrl(base: string, job: KieJob): string {
  return `${base}/files/${job.taskId}.mp4`;
}

function record(base: string, job: KieJob): unknown {
  const outcome = job.outcome;
  return {
    taskId: job.taskId,
    paramJson: JSON.stringify({ prompt: job.params.prompt, model: job.params.model ?? 'veo3_fast' }),
    completeTime: outcome ? '2025-06-06 10:30:00' : null,
    response: outcome?.ok ? { taskId: job.taskId, resultUrls: [fileUrl(base, job)], resolution: '1080p' } : null,
    successFlag: !outcome ? 0 : outcome.ok ? 1 : outcome.code === 400 ? 3 : 2,
    errorCode: outcome && !outcome.ok ? outcome.code : null,
    errorMessage: outcome && !outcome.ok ? outcome.msg : '',
    createTime: '2025-06-06 10:25:00',
    fallbackFlag: false,
  };
}
