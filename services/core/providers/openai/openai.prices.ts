import type { TokenPrice } from '../http/token-cost';

/**
 * OpenAI list prices (standard tier, no cached input), from https://platform.openai.com/docs/pricing and
 * https://openai.com/api/pricing/ . Text per million tokens, keyed by model-id prefix (longest match wins).
 */
export const OPENAI_TEXT_PRICES: Readonly<Record<string, TokenPrice>> = {
  'gpt-5-nano': { inputUsdPerMTok: 0.05, outputUsdPerMTok: 0.4 },
  'gpt-5-mini': { inputUsdPerMTok: 0.25, outputUsdPerMTok: 2 },
  'gpt-5': { inputUsdPerMTok: 1.25, outputUsdPerMTok: 10 },
  'gpt-4.1-nano': { inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.4 },
  'gpt-4.1-mini': { inputUsdPerMTok: 0.4, outputUsdPerMTok: 1.6 },
  'gpt-4.1': { inputUsdPerMTok: 2, outputUsdPerMTok: 8 },
  'gpt-4o-mini': { inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 },
  'gpt-4o': { inputUsdPerMTok: 2.5, outputUsdPerMTok: 10 },
  'o4-mini': { inputUsdPerMTok: 1.1, outputUsdPerMTok: 4.4 },
  o3: { inputUsdPerMTok: 2, outputUsdPerMTok: 8 },
  o1: { inputUsdPerMTok: 15, outputUsdPerMTok: 60 },
};

/** Unknown models are charged like the dearest listed one (o1): a budget must never look roomier than it is. */
export const OPENAI_TEXT_FALLBACK_PRICE: TokenPrice = { inputUsdPerMTok: 15, outputUsdPerMTok: 60 };

export type OpenAiImageQuality = 'low' | 'medium' | 'high' | 'standard' | 'hd';

/**
 * Per image in US dollars by model, quality and size (the pricing page's image-generation table). A model not
 * listed is charged at OPENAI_IMAGE_FALLBACK_USD, the dearest listed image.
 */
export const OPENAI_IMAGE_PRICES: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, number>>>>>> =
  {
    'gpt-image-1-mini': {
      low: { '1024x1024': 0.005, '1024x1536': 0.006, '1536x1024': 0.006 },
      medium: { '1024x1024': 0.011, '1024x1536': 0.015, '1536x1024': 0.015 },
      high: { '1024x1024': 0.036, '1024x1536': 0.052, '1536x1024': 0.052 },
    },
    'gpt-image-1': {
      low: { '1024x1024': 0.011, '1024x1536': 0.016, '1536x1024': 0.016 },
      medium: { '1024x1024': 0.042, '1024x1536': 0.063, '1536x1024': 0.063 },
      high: { '1024x1024': 0.167, '1024x1536': 0.25, '1536x1024': 0.25 },
    },
    'dall-e-3': {
      standard: { '1024x1024': 0.04, '1024x1792': 0.08, '1792x1024': 0.08 },
      hd: { '1024x1024': 0.08, '1024x1792': 0.12, '1792x1024': 0.12 },
    },
  };
export const OPENAI_IMAGE_FALLBACK_USD = 0.25;

/** The price of one image in micro-dollars; the model is matched by longest prefix like the text table. */
export function openAiImageCostMicros(model: string, quality: string, size: string): number {
  let best: string | undefined;
  for (const prefix of Object.keys(OPENAI_IMAGE_PRICES)) {
    if (model.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  const usd =
    (best !== undefined ? OPENAI_IMAGE_PRICES[best]?.[quality]?.[size] : undefined) ?? OPENAI_IMAGE_FALLBACK_USD;
  return Math.round(usd * 1_000_000);
}
