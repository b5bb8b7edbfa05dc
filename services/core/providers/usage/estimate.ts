import type { AvatarRequest, ImageRequest, ProviderId, TextRequest, VideoRequest } from '../provider.types';
import { costOf, estimateTokens } from './price-table';

export interface CallEstimate {
  tokens: number;
  costMicros: number;
}

/** Upper bounds before a call: the whole prompt plus the maximum output, one image, the asked-for seconds. */
export const estimateText = (provider: ProviderId, req: TextRequest): CallEstimate => {
  const input = estimateTokens(req.system, req.prompt);
  return {
    tokens: input + req.maxOutputTokens,
    costMicros: costOf(provider, req.model, { inputTokens: input, outputTokens: req.maxOutputTokens, costMicros: 0 }),
  };
};

export const estimateImage = (provider: ProviderId, req: ImageRequest): CallEstimate => ({
  tokens: 0,
  costMicros: costOf(provider, req.model, { images: 1, costMicros: 0 }),
});

export const estimateVideo = (provider: ProviderId, req: VideoRequest): CallEstimate => ({
  tokens: 0,
  costMicros: costOf(provider, req.model, { videoSeconds: req.durationSeconds, costMicros: 0 }),
});

/** About 150 spoken words a minute. */
export const estimateAvatar = (provider: ProviderId, req: AvatarRequest): CallEstimate => ({
  tokens: 0,
  costMicros: costOf(provider, undefined, {
    videoSeconds: Math.ceil((req.script.split(/\s+/).filter(Boolean).length / 150) * 60),
    costMicros: 0,
  }),
});
