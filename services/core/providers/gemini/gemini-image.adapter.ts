import type { ImageProvider, ImageRequest, ImageResult, ProviderCallContext } from '../provider.types';
import { ProviderError } from '../provider.types';
import { generateContent, refusalOf, usageTokens } from './gemini.client';
import { geminiCostMicros } from './gemini.prices';

export const GEMINI_DEFAULT_IMAGE_MODEL = 'gemini-2.5-flash-image';

/** The aspect ratios `imageConfig.aspectRatio` accepts (https://ai.google.dev/gemini-api/docs/image-generation). */
const ASPECTS = ['1:1', '2:3', '3:2', '3:4', '4:3', '4:5', '5:4', '9:16', '16:9', '21:9'] as const;
const IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/webp']);
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

type Aspect = (typeof ASPECTS)[number];
const ratio = (aspect: Aspect): number => {
  const [w, h] = aspect.split(':').map(Number);
  return w / h;
};

/** The documented ratio nearest to the asked size (Gemini takes a ratio, not pixels). */
export function nearestAspect(width: number, height: number): Aspect {
  const off = (a: Aspect): number => Math.abs(Math.log(ratio(a)) - Math.log(width / height));
  return ASPECTS.reduce<Aspect>((best, a) => (off(a) < off(best) ? a : best), '1:1');
}

/** Gemini's native image generation: generateContent with an image model answering `inlineData` parts. */
export function createGeminiImageProvider(opts: { defaultModel?: string } = {}): ImageProvider {
  const defaultModel = opts.defaultModel ?? GEMINI_DEFAULT_IMAGE_MODEL;
  return {
    id: 'gemini',
    async generateImage(ctx: ProviderCallContext, req: ImageRequest): Promise<ImageResult> {
      if (!(req.width > 0 && req.height > 0)) {
        throw new ProviderError('gemini', 'bad_request', 'gemini: image width and height must be positive');
      }
      const model = req.model ?? defaultModel;
      const answer = await generateContent(ctx, model, {
        contents: [{ role: 'user', parts: [{ text: req.prompt }] }],
        generationConfig: {
          responseModalities: ['TEXT', 'IMAGE'],
          imageConfig: { aspectRatio: nearestAspect(req.width, req.height) },
        },
      });
      const refusal = refusalOf(answer);
      if (refusal) throw refusal;
      const image = (answer.candidates?.[0]?.content?.parts ?? []).find((p) => p.inlineData)?.inlineData;
      if (!image) {
        const finish = answer.candidates?.[0]?.finishReason ?? 'none';
        throw new ProviderError('gemini', 'bad_request', `gemini answered no image (${finish})`);
      }
      if (!IMAGE_TYPES.has(image.mimeType) || !BASE64.test(image.data)) {
        throw new ProviderError('gemini', 'bad_request', 'gemini answered an image part that is not a base64 image');
      }
      const bytes = Buffer.from(image.data, 'base64');
      if (bytes.length === 0) throw new ProviderError('gemini', 'bad_request', 'gemini answered an empty image');
      const { inputTokens, outputTokens } = usageTokens(answer);
      return {
        bytes,
        contentType: image.mimeType,
        model: answer.modelVersion ?? model,
        usage: { inputTokens, outputTokens, images: 1, costMicros: geminiCostMicros(model, inputTokens, outputTokens) },
      };
    },
  };
}
