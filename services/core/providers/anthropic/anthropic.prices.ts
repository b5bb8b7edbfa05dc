import type { TokenPrice } from '../http/token-cost';

/**
 * Anthropic list prices per million tokens (base input / output, no caching, no batch), from
 * https://docs.anthropic.com/en/docs/about-claude/pricing . Keys are model-id prefixes; the longest match wins.
 */
export const ANTHROPIC_PRICES: Readonly<Record<string, TokenPrice>> = {
  'claude-opus-4-6': { inputUsdPerMTok: 5, outputUsdPerMTok: 25 },
  'claude-opus-4-5': { inputUsdPerMTok: 5, outputUsdPerMTok: 25 },
  'claude-opus-4-1': { inputUsdPerMTok: 15, outputUsdPerMTok: 75 },
  'claude-opus-4': { inputUsdPerMTok: 15, outputUsdPerMTok: 75 },
  'claude-sonnet-4': { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
  'claude-3-7-sonnet': { inputUsdPerMTok: 3, outputUsdPerMTok: 15 },
  'claude-haiku-4-5': { inputUsdPerMTok: 1, outputUsdPerMTok: 5 },
  'claude-3-5-haiku': { inputUsdPerMTok: 0.8, outputUsdPerMTok: 4 },
  'claude-3-haiku': { inputUsdPerMTok: 0.25, outputUsdPerMTok: 1.25 },
};

/** Unknown models are charged like the dearest one (Opus 4/4.1), so a budget never looks roomier than it is. */
export const ANTHROPIC_FALLBACK_PRICE: TokenPrice = { inputUsdPerMTok: 15, outputUsdPerMTok: 75 };
