import { providerRequest } from '../http/provider-http';
import { downloadRender } from '../kie/download-render';
import { PRESENTER_ID } from '../settings/avatar-presenter';
import type { AvatarProvider, AvatarRequest, ProviderCallContext, RenderJob, RenderStatus } from '../provider.types';
import { ProviderError } from '../provider.types';
import { classifyHeyGenError, isHeyGenRefusal } from './heygen.errors';
import { heygenCostMicros } from './heygen.prices';
import { generateAnswer, videoStatusAnswer } from './heygen.wire';
import type { HeyGenVideoStatus } from './heygen.wire';

/** https://developers.heygen.com/studio-api: "POST https://api.heygen.com/v2/video/generate". */
export const HEYGEN_BASE_URL = 'https://api.heygen.com';
/** The render path this adapter drives (scene-based Studio API, Avatar III/IV); reported as the result's model. */
export const HEYGEN_MODEL = 'heygen-studio-v2';
const GENERATE = 'POST /v2/video/generate';
const STATUS = 'GET /v1/video_status.get';
const DIMENSIONS: Readonly<Record<AvatarRequest['aspect'], { width: number; height: number }>> = {
  '16:9': { width: 1280, height: 720 },
  '9:16': { width: 720, height: 1280 },
  '1:1': { width: 720, height: 720 },
};
// HeyGen's ids are opaque tokens: the same pattern the AI settings hold a client's presenter to.
const ID = PRESENTER_ID;

export interface HeyGenAvatarOptions {
  /** the client's avatar and voice when the request names none */
  defaultAvatarId?: string;
  defaultVoiceId?: string;
  /** where HeyGen POSTs `avatar_video.success|fail` (`callback_url`); polling still decides */
  callbackUrl?: string;
}

/** HeyGen avatar video: POST /v2/video/generate, then video_status.get until completed or failed. */
export function createHeyGenAvatarProvider(opts: HeyGenAvatarOptions = {}): AvatarProvider {
  return {
    id: 'heygen',
    async startAvatar(ctx: ProviderCallContext, req: AvatarRequest): Promise<RenderJob> {
      const avatarId = req.avatarId ?? opts.defaultAvatarId;
      const voiceId = req.voiceId ?? opts.defaultVoiceId;
      if (!avatarId || !voiceId || !ID.test(avatarId) || !ID.test(voiceId)) {
        throw new ProviderError('heygen', 'bad_request', 'heygen: an avatar id and a voice id are required');
      }
      if (req.script.trim() === '') throw new ProviderError('heygen', 'bad_request', 'heygen: the script is empty');
      const answer = await providerRequest(
        'heygen',
        ctx,
        {
          method: 'POST',
          url: `${base(ctx)}/v2/video/generate`,
          route: GENERATE,
          headers: { 'x-api-key': ctx.credential.apiKey },
          json: {
            video_inputs: [
              {
                character: { type: 'avatar', avatar_id: avatarId, avatar_style: 'normal' },
                voice: { type: 'text', input_text: req.script, voice_id: voiceId },
              },
            ],
            dimension: DIMENSIONS[req.aspect],
            ...(opts.callbackUrl ? { callback_url: opts.callbackUrl } : {}),
          },
        },
        classifyHeyGenError,
      );
      const parsed = generateAnswer.safeParse(answer.json);
      const videoId = parsed.success ? parsed.data.data?.video_id : undefined;
      const error = parsed.success ? parsed.data.error : undefined;
      if (error) {
        // An error object under a 2xx: classified like one under a 4xx, never read as success.
        const failure = classifyHeyGenError(answer.status, answer.json) ?? 'bad_request';
        throw new ProviderError('heygen', failure, `heygen ${GENERATE} answered an error under ${answer.status}`, {
          status: answer.status,
          ...(error.code !== null && error.code !== undefined && { vendorCode: String(error.code) }),
        });
      }
      if (!videoId) {
        throw new ProviderError('heygen', 'bad_request', `heygen ${GENERATE} answered no video_id`, {
          status: answer.status,
        });
      }
      return { provider: 'heygen', jobId: videoId };
    },

    async pollAvatar(ctx: ProviderCallContext, job: RenderJob): Promise<RenderStatus> {
      const answer = await providerRequest(
        'heygen',
        ctx,
        {
          method: 'GET',
          url: `${base(ctx)}/v1/video_status.get?video_id=${encodeURIComponent(job.jobId)}`,
          route: STATUS,
          headers: { 'x-api-key': ctx.credential.apiKey },
        },
        classifyHeyGenError,
      );
      const parsed = videoStatusAnswer.safeParse(answer.json);
      if (!parsed.success)
        throw new ProviderError('heygen', 'bad_request', `heygen ${STATUS} answered no video status`);
      const video = parsed.data.data;
      if (video.status === 'failed') return failedStatus(video);
      if (video.status !== 'completed') return { state: 'pending' };
      if (!video.video_url)
        throw new ProviderError('heygen', 'bad_request', `heygen ${STATUS} completed without a URL`);
      const media = await downloadRender('heygen', ctx, video.video_url);
      const videoSeconds = video.duration ?? 0;
      return {
        state: 'done',
        media,
        model: HEYGEN_MODEL,
        usage: { videoSeconds, costMicros: heygenCostMicros(videoSeconds) },
      };
    },
  };
}

function base(ctx: ProviderCallContext): string {
  return (ctx.baseUrl ?? HEYGEN_BASE_URL).replace(/\/+$/, '');
}

function failedStatus(video: HeyGenVideoStatus): RenderStatus {
  const code = video.error?.code ?? undefined;
  const refused = isHeyGenRefusal(code, video.error?.message ?? video.error?.detail);
  // The vendor's text is not copied (it can quote the script); the code says which failure it was.
  const reason = refused
    ? `heygen refused the render by its moderation${code !== undefined ? ` (code ${code})` : ''}`
    : `heygen render failed${code !== undefined ? ` (code ${code})` : ''}`;
  return { state: 'failed', reason, refused };
}
