import type { TokenPrice } from '../http/token-cost';

/**
 * OpenRouter passes the underlying vendor's list price through (https://openrouter.ai/models, per model page;
 * https://openrouter.ai/docs/faq#pricing-and-fees). Used only when an answer lacks `usage.cost`, the credits
 * OpenRouter itself reports (https://openrouter.ai/docs/use-cases/usage-accounting). Per million tokens, keyed by
 * model-id prefix (longest match wins).
 */
export const OPENROUTER_PRICES: Readonly<Record<string, TokenPrice>> = {
  'openai/gpt-4.1-mini': { inputUsdPerMTok: 0.4, outputUsdPerMTok: 1.6 },
  'openai/gpt-4.1': { inputUsdPerMTok: 2, outputUsdPerMTok: 8 },
  'openai/gpt-4o-mini': { inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 },
  'openai/gpt-4o': { inputUsdPerMTok: 2.5, outputUsdPerMTok: 10 },
  'anthropic/claude-haiku-4.5': { inputUsdPerMTok: 1, outputUsdPerMTok: 5 },
  'anthropic/claude-sonnet-4': { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
  'anthropic/claude-opus-4': { inputUsdPerMTok: 15, outputUsdPerMTok: 75 },
  'google/gemini-2.5-flash': { inputUsdPerMTok: 0.3, outputUsdPerMTok: 2.5 },
  'google/gemini-2.5-pro': { inputUsdPerMTok: 1.25, outputUsdPerMTok: 10 },
  'meta-llama/llama-3.3-70b-instruct': { inputUsdPerMTok: 0.13, outputUsdPerMTok: 0.39 },
};

/** Unknown models are charged like the dearest listed one: a budget must never look roomier than it is. */
export const OPENROUTER_FALLBACK_PRICE: TokenPrice = { inputUsdPerMTok: 15, outputUsdPerMTok: 75 };
