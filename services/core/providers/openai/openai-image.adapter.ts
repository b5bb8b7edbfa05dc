import { providerRequest } from '../http/provider-http';
import type { ImageProvider, ImageRequest, ImageResult, ProviderCallContext } from '../provider.types';
import { ProviderError } from '../provider.types';
import { sniffImageType } from './image-sniff';
import { imagesResponseSchema } from './openai-image.wire';
import { classifyOpenAi } from './openai.errors';
import { openAiImageCostMicros } from './openai.prices';
import { OPENAI_BASE_URL } from './openai-text.adapter';

export const OPENAI_DEFAULT_IMAGE_MODEL = 'gpt-image-1';
const ROUTE = 'POST /v1/images/generations';

/**
 * Images through POST /v1/images/generations (https://platform.openai.com/docs/api-reference/images/create), the
 * bytes inline as `b64_json`: a hosted URL would be one more server-side fetch of a vendor-given address, and
 * dall-e's URLs expire after an hour anyway.
 */
export function createOpenAiImageProvider(): ImageProvider {
  return { id: 'openai', generateImage };
}

async function generateImage(ctx: ProviderCallContext, req: ImageRequest): Promise<ImageResult> {
  const model = req.model ?? OPENAI_DEFAULT_IMAGE_MODEL;
  const dalle = model.startsWith('dall-e');
  const size = sizeFor(req.width, req.height, dalle);
  const quality = dalle ? 'standard' : 'medium';
  const answer = await providerRequest(
    'openai',
    ctx,
    {
      method: 'POST',
      url: `${(ctx.baseUrl ?? OPENAI_BASE_URL).replace(/\/+$/, '')}/v1/images/generations`,
      route: ROUTE,
      headers: { authorization: `Bearer ${ctx.credential.apiKey}` },
      // gpt-image-* always answer b64_json and refuse response_format; dall-e-* answer URLs unless asked.
      json: dalle
        ? { model, prompt: req.prompt, n: 1, size, quality, response_format: 'b64_json' }
        : { model, prompt: req.prompt, n: 1, size, quality, output_format: 'png' },
    },
    classifyOpenAi,
  );
  const parsed = imagesResponseSchema.safeParse(answer.json);
  if (!parsed.success) throw new ProviderError('openai', 'bad_request', `openai ${ROUTE} answered an unexpected shape`);
  const bytes = Buffer.from(parsed.data.data[0]!.b64_json, 'base64');
  const contentType = sniffImageType(bytes);
  if (!contentType)
    throw new ProviderError('openai', 'bad_request', `openai ${ROUTE} answered bytes that are no image`);
  const usage = parsed.data.usage;
  return {
    bytes,
    contentType,
    model,
    usage: {
      images: 1,
      ...(usage && { inputTokens: usage.input_tokens, outputTokens: usage.output_tokens }),
      costMicros: openAiImageCostMicros(model, quality, size),
    },
  };
}

/**
 * The vendor offers three shapes per model, not arbitrary sizes: the one whose orientation matches the request.
 * The caller crops or scales to the platform's exact size (the image is larger than any feed shows).
 */
export function sizeFor(width: number, height: number, dalle: boolean): string {
  const ratio = width / height;
  const wide = dalle ? '1792x1024' : '1536x1024';
  const tall = dalle ? '1024x1792' : '1024x1536';
  if (ratio > 1.15) return wide;
  if (ratio < 0.87) return tall;
  return '1024x1024';
}
