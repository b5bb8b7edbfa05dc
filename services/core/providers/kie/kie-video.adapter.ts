import { providerRequest } from '../http/provider-http';
import { retryAfterMsFrom } from '../http/rate-limit-headers';
import type { ProviderCallContext, RenderJob, RenderStatus, VideoProvider, VideoRequest } from '../provider.types';
import { ProviderError } from '../provider.types';
import { downloadRender } from './download-render';
import { isPolicyMessage, kieCodeError, kieFailureOfCode } from './kie.codes';
import { KIE_VEO_CLIP_SECONDS, kieCostMicros } from './kie.prices';
import { kieEnvelope, kieGenerateData, kieRecordInfo } from './kie.wire';
import type { KieRecordInfo } from './kie.wire';

/** https://docs.kie.ai/veo3-api/quickstart: "API Base URL: https://api.kie.ai". */
export const KIE_BASE_URL = 'https://api.kie.ai';
export const KIE_DEFAULT_MODEL = 'veo3_fast';
const GENERATE = 'POST /api/v1/veo/generate';
const RECORD_INFO = 'GET /api/v1/veo/record-info';
// Veo renders 16:9 natively and 9:16 by Kie's re-framing; there is no square output.
const ASPECTS: Readonly<Record<VideoRequest['aspect'], string | undefined>> = {
  '16:9': '16:9',
  '9:16': '9:16',
  '1:1': undefined,
};

export interface KieVideoOptions {
  defaultModel?: string;
  /** where Kie POSTs the task's end (`callBackUrl`); polling still decides, the callback only wakes the poller early */
  callbackUrl?: string;
}

/** Kie.ai Veo 3: an async task, started then polled (or announced by the callback). */
export function createKieVideoProvider(opts: KieVideoOptions = {}): VideoProvider {
  const defaultModel = opts.defaultModel ?? KIE_DEFAULT_MODEL;
  return {
    id: 'kie',
    async startVideo(ctx: ProviderCallContext, req: VideoRequest): Promise<RenderJob> {
      const aspectRatio = ASPECTS[req.aspect];
      if (!aspectRatio) throw new ProviderError('kie', 'bad_request', `kie: Veo renders no ${req.aspect} video`);
      const answer = await kieCall(ctx, GENERATE, {
        method: 'POST',
        url: `${base(ctx)}/api/v1/veo/generate`,
        json: {
          prompt: req.prompt,
          model: req.model ?? defaultModel,
          aspectRatio,
          ...(opts.callbackUrl ? { callBackUrl: opts.callbackUrl } : {}),
        },
      });
      const data = kieGenerateData.safeParse(answer.data);
      if (!data.success) throw new ProviderError('kie', 'bad_request', `kie ${GENERATE} answered no taskId`);
      return { provider: 'kie', jobId: data.data.taskId };
    },

    async pollVideo(ctx: ProviderCallContext, job: RenderJob): Promise<RenderStatus> {
      const answer = await kieCall(ctx, RECORD_INFO, {
        method: 'GET',
        url: `${base(ctx)}/api/v1/veo/record-info?taskId=${encodeURIComponent(job.jobId)}`,
      });
      const parsed = kieRecordInfo.safeParse(answer.data);
      if (!parsed.success) throw new ProviderError('kie', 'bad_request', `kie ${RECORD_INFO} answered no task record`);
      const record = parsed.data;
      if (record.successFlag === 0) return { state: 'pending' };
      if (record.successFlag !== 1) return failedStatus(record);
      const url = record.response?.resultUrls?.[0];
      if (!url)
        throw new ProviderError('kie', 'bad_request', `kie ${RECORD_INFO} answered success without a result URL`);
      const media = await downloadRender('kie', ctx, url);
      const model = modelOf(record) ?? defaultModel;
      return {
        state: 'done',
        media,
        model,
        usage: { videoSeconds: KIE_VEO_CLIP_SECONDS, costMicros: kieCostMicros(model, KIE_VEO_CLIP_SECONDS) },
      };
    },
  };
}

function base(ctx: ProviderCallContext): string {
  return (ctx.baseUrl ?? KIE_BASE_URL).replace(/\/+$/, '');
}

/** One exchange, then the envelope: a `code` other than 200 is a failure even under HTTP 200. */
async function kieCall(
  ctx: ProviderCallContext,
  route: string,
  call: { method: 'GET' | 'POST'; url: string; json?: unknown },
): Promise<{ data: unknown }> {
  let errorCode: number | undefined;
  const answer = await providerRequest(
    'kie',
    ctx,
    { ...call, route, headers: { authorization: `Bearer ${ctx.credential.apiKey}` } },
    (_status, body) => {
      const env = kieEnvelope.safeParse(body);
      errorCode = env.success ? env.data.code : undefined;
      return env.success ? kieFailureOfCode(env.data.code, env.data.msg) : undefined;
    },
  ).catch((err: unknown) => {
    // The shared layer reads `error.code`; Kie's code sits at the top of its envelope.
    if (err instanceof ProviderError && errorCode !== undefined && err.details.vendorCode === undefined) {
      throw new ProviderError('kie', err.failure, err.message, { ...err.details, vendorCode: String(errorCode) });
    }
    throw err;
  });
  const env = kieEnvelope.safeParse(answer.json);
  if (!env.success) throw new ProviderError('kie', 'bad_request', `kie ${route} answered no {code,msg,data} envelope`);
  if (env.data.code !== 200) {
    const retryAfterMs = env.data.code === 429 ? retryAfterMsFrom(answer.headers) : undefined;
    throw kieCodeError(route, env.data.code, env.data.msg, {
      status: answer.status,
      ...(retryAfterMs !== undefined && { retryAfterMs }),
    });
  }
  return { data: env.data.data };
}

/** A failed task: a refusal when Kie says the content policy stopped it (code 400 with a policy message). */
function failedStatus(record: KieRecordInfo): RenderStatus {
  const code = record.errorCode ?? undefined;
  const refused = isPolicyMessage(record.errorMessage);
  // The vendor's message is not copied: it may quote the prompt. The code and the class say enough.
  const reason = refused
    ? `kie refused the render by its content policy${code !== undefined ? ` (code ${code})` : ''}`
    : `kie render failed${code !== undefined ? ` (code ${code})` : ''}`;
  return { state: 'failed', reason, refused };
}

/** The model the task ran with, from the `paramJson` Kie echoes back (the poll does not know the request). */
function modelOf(record: KieRecordInfo): string | undefined {
  if (!record.paramJson) return undefined;
  try {
    const params = JSON.parse(record.paramJson) as unknown;
    const model = typeof params === 'object' && params !== null ? (params as { model?: unknown }).model : undefined;
    return typeof model === 'string' && /^[A-Za-z0-9._-]{1,64}$/.test(model) ? model : undefined;
  } catch {
    return undefined;
  }
}
