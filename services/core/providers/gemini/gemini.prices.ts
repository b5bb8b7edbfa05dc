import type { TokenPrice } from '../http/token-cost';
import { priceOfModel, tokenCostMicros } from '../http/token-cost';

/**
 * Gemini API list prices per million tokens, paid tier, prompts up to 200k tokens, from
 * https://ai.google.dev/gemini-api/docs/pricing . Image output is billed as tokens too: one 1024px image is 1290
 * output tokens at the image model's output price ($0.039 an image). Keys are model-id prefixes; the longest wins.
 */
export const GEMINI_PRICES: Readonly<Record<string, TokenPrice>> = {
  'gemini-2.5-pro': { inputUsdPerMTok: 1.25, outputUsdPerMTok: 10 },
  'gemini-2.5-flash': { inputUsdPerMTok: 0.3, outputUsdPerMTok: 2.5 },
  'gemini-2.5-flash-lite': { inputUsdPerMTok: 0.1, outputUsdPerMTok: 0.4 },
  'gemini-2.5-flash-image': { inputUsdPerMTok: 0.3, outputUsdPerMTok: 30 },
};

/** An unknown model is priced as the dearest known input and output, so a budget never looks roomier than it is. */
export const GEMINI_FALLBACK_PRICE: TokenPrice = { inputUsdPerMTok: 1.25, outputUsdPerMTok: 30 };

export function geminiCostMicros(model: string, inputTokens: number, outputTokens: number): number {
  return tokenCostMicros(priceOfModel(GEMINI_PRICES, GEMINI_FALLBACK_PRICE, model), inputTokens, outputTokens);
}
