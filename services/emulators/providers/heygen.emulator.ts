/**
 * HeyGen API emulator (test infrastructure), built from the public reference:
 * - https://developers.heygen.com/studio-api (POST /v2/video/generate: `X-Api-Key`, video_inputs[] of character
 *   {type avatar, avatar_id, avatar_style} and voice {type text, input_text, voice_id}, dimension {width,height},
 *   callback_id, callback_url → `{error:null,data:{video_id}}`)
 * - https://docs.heygen.com/reference/video-status (GET /v1/video_status.get?video_id=…: `{code:100,data:{id,status,
 *   video_url,duration,error,…},message}`, status pending | processing | waiting | completed | failed)
 * - https://developers.heygen.com/docs/error-codes and https://docs.heygen.com/reference/errors (`{error:{code,
 *   message}}`; 400105 BLOCKED_WORDS_DETECTED; 40119 video too long)
 * - https://docs.heygen.com/docs/using-heygens-webhook-events (avatar_video.success {video_id,url,callback_id},
 *   avatar_video.fail {video_id,msg,callback_id})
 * Rendered files are served at /video/<id>.mp4 without auth, as HeyGen's signed links are.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { EmulatorServer, postCallback } from '../emulator-server';
import type { EmulatorReply, EmulatorRequest } from '../emulator-server';
import { tinyMp4 } from './kie.emulator';

const videoInput = z.object({
  character: z
    .object({
      type: z.enum(['avatar', 'talking_photo']),
      avatar_id: z.string().min(1).optional(),
      talking_photo_id: z.string().min(1).optional(),
      avatar_style: z.enum(['normal', 'closeUp', 'circle']).optional(),
    })
    .refine((c) => (c.type === 'avatar' ? !!c.avatar_id : !!c.talking_photo_id), 'avatar_id is required'),
  voice: z
    .object({
      type: z.enum(['text', 'audio', 'silence']),
      input_text: z.string().min(1).max(5000).optional(),
      voice_id: z.string().min(1).optional(),
      audio_url: z.string().url().optional(),
    })
    .refine((v) => v.type !== 'text' || (!!v.input_text && !!v.voice_id), 'input_text and voice_id are required'),
});
const generateBody = z.object({
  video_inputs: z.array(videoInput).min(1).max(50),
  dimension: z.object({ width: z.number().int().positive(), height: z.number().int().positive() }).optional(),
  title: z.string().optional(),
  test: z.boolean().optional(),
  caption: z.boolean().optional(),
  callback_id: z.string().optional(),
  callback_url: z.string().url().optional(),
  folder_id: z.string().optional(),
});

interface HeyGenJob {
  id: string;
  body: z.infer<typeof generateBody>;
  polls: number;
  /** seconds, from the script's words */
  duration: number;
  fail?: { code: number; message: string };
  outcome?: 'completed' | 'failed';
  callbackSent: boolean;
}

export interface HeyGenEmulatorOptions {
  keys: string[];
  /** polls answered pending, then processing, … before the render ends (default 2) */
  pollsUntilDone?: number;
}

export interface HeyGenEmulator {
  server: EmulatorServer;
  url: string;
  jobs: Map<string, HeyGenJob>;
  /** ends a render now and POSTs the webhook event if it has a callback_url */
  settle(videoId: string): Promise<void>;
  callbacks: { url: string; ok: boolean; status?: number }[];
  close(): Promise<void>;
}

const BLOCKED = { code: 400105, message: 'Blocked words detected' };
const TOO_LONG = {
  code: 40119,
  message: 'Video is too long (> 3600.0s). Please upgrade your plan to generate longer videos',
};

/**
 * Fault knobs beyond the shared ones: `refuse` on generate answers 400 with 400105 BLOCKED_WORDS_DETECTED;
 * `job_fail` on generate makes the render end failed (reason `content` → 400105, else 40119).
 */
export async function startHeyGenEmulator(opts: HeyGenEmulatorOptions): Promise<HeyGenEmulator> {
  const keys = new Set(opts.keys);
  const pollsUntilDone = opts.pollsUntilDone ?? 2;
  const jobs = new Map<string, HeyGenJob>();
  const callbacks: HeyGenEmulator['callbacks'] = [];
  let url = '';

  const end = async (job: HeyGenJob): Promise<void> => {
    if (job.outcome) return;
    job.outcome = job.fail ? 'failed' : 'completed';
    const target = job.body.callback_url;
    if (!target || job.callbackSent) return;
    job.callbackSent = true;
    const callback_id = job.body.callback_id ?? null;
    const payload = job.fail
      ? { event_type: 'avatar_video.fail', event_data: { video_id: job.id, msg: job.fail.message, callback_id } }
      : { event_type: 'avatar_video.success', event_data: { video_id: job.id, url: videoUrl(url, job), callback_id } };
    callbacks.push({ url: target, ...(await postCallback(target, payload)) });
  };

  const server = await EmulatorServer.start({
    name: 'heygen',
    errorBody: (status, message) => ({ error: { code: codeOfStatus(status), message }, data: null }),
    authenticate(req) {
      if (req.path.startsWith('/video/')) return undefined;
      const key = req.headers['x-api-key'];
      if (!key || !keys.has(key)) {
        return { status: 401, json: { error: { code: 'unauthorized', message: 'Invalid API key' }, data: null } };
      }
      return undefined;
    },
    routes: [
      { method: 'POST', path: '/v2/video/generate', handle: (req) => generate(req, jobs) },
      {
        method: 'GET',
        path: '/v1/video_status.get',
        handle: async (req) => {
          const job = jobs.get(req.query.get('video_id') ?? '');
          if (!job)
            return { status: 404, json: { error: { code: 'not_found', message: 'Video not found' }, data: null } };
          job.polls += 1;
          if (!job.outcome && job.polls > pollsUntilDone) await end(job);
          return { status: 200, json: { code: 100, data: status(url, job), message: 'Success' } };
        },
      },
      {
        method: 'GET',
        path: /^\/video\/(?<id>[a-f0-9]+)\.mp4$/,
        handle: (req) => {
          const job = jobs.get(req.params.id ?? '');
          if (job?.outcome !== 'completed') return { status: 404, body: 'not found' };
          return { status: 200, headers: { 'content-type': 'video/mp4' }, body: tinyMp4(job.id) };
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
    async settle(videoId) {
      const job = jobs.get(videoId);
      if (!job) throw new Error(`heygen emulator: no video ${videoId}`);
      await end(job);
    },
    close: () => server.close(),
  };
}

function codeOfStatus(status: number): string {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limit_exceeded';
  if (status >= 500) return 'internal_error';
  return 'invalid_parameter';
}

function generate(req: EmulatorRequest, jobs: Map<string, HeyGenJob>): EmulatorReply {
  const parsed = generateBody.safeParse(req.json);
  if (req.jsonError || !parsed.success) {
    const issue = parsed.success ? undefined : parsed.error.issues[0];
    return {
      status: 400,
      json: {
        error: { code: 'invalid_parameter', message: issue?.message ?? 'Invalid JSON', param: issue?.path.join('.') },
        data: null,
      },
    };
  }
  if (req.fault?.kind === 'refuse') return { status: 400, json: { error: BLOCKED, data: null } };
  const id = randomBytes(16).toString('hex');
  const script = parsed.data.video_inputs.map((v) => v.voice.input_text ?? '').join(' ');
  // About 2.5 spoken words a second, in tenths of a second as HeyGen reports.
  const duration = Math.max(1, Math.round((script.split(/\s+/).filter(Boolean).length / 2.5) * 10) / 10);
  const fail = req.fault?.kind === 'job_fail' ? (req.fault.reason === 'content' ? BLOCKED : TOO_LONG) : undefined;
  jobs.set(id, { id, body: parsed.data, polls: 0, duration, fail, callbackSent: false });
  return { status: 200, json: { error: null, data: { video_id: id } } };
}

function videoUrl(base: string, job: HeyGenJob): string {
  return `${base}/video/${job.id}.mp4?Expires=1893456000&Signature=emulated`;
}

function status(base: string, job: HeyGenJob): unknown {
  const running = job.polls <= 1 ? 'pending' : 'processing';
  const done = job.outcome === 'completed';
  return {
    callback_id: job.body.callback_id ?? null,
    caption_url: null,
    duration: done ? job.duration : null,
    error: job.outcome === 'failed' && job.fail ? { ...job.fail, detail: job.fail.message } : null,
    gif_url: null,
    id: job.id,
    status: job.outcome ?? running,
    thumbnail_url: null,
    video_url: done ? videoUrl(base, job) : null,
    video_url_caption: null,
  };
}
