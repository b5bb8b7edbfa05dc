import type { ProviderId, ProviderUsage } from '../provider.types';

/**
 * List prices in millionths of a US dollar, per vendor and model, as the vendors publish them (their pricing pages,
 * read when this table was written; update it from the same pages). Tokens are priced per million; images per image;
 * video and avatar per second of output. `*` is a provider's fallback for a model not listed (priced like its
 * common model, so an unknown model is never free). Adapters that get the real cost from the vendor (OpenRouter
 * reports it per call) return it in `usage.costMicros`, which wins over this table.
 */
export interface Price {
  inputPerMTok?: number;
  outputPerMTok?: number;
  perImage?: number;
  perVideoSecond?: number;
}

export const PRICE_TABLE: Readonly<Record<ProviderId, Readonly<Record<string, Price>>>> = {
  local: { '*': {} },
  anthropic: {
    'claude-opus-4-1': { inputPerMTok: 15_000_000, outputPerMTok: 75_000_000 },
    'claude-sonnet-4-5': { inputPerMTok: 3_000_000, outputPerMTok: 15_000_000 },
    'claude-haiku-4-5': { inputPerMTok: 1_000_000, outputPerMTok: 5_000_000 },
    '*': { inputPerMTok: 3_000_000, outputPerMTok: 15_000_000 },
  },
  openai: {
    'gpt-4o': { inputPerMTok: 2_500_000, outputPerMTok: 10_000_000 },
    'gpt-4o-mini': { inputPerMTok: 150_000, outputPerMTok: 600_000 },
    'gpt-4.1': { inputPerMTok: 2_000_000, outputPerMTok: 8_000_000 },
    'gpt-4.1-mini': { inputPerMTok: 400_000, outputPerMTok: 1_600_000 },
    'gpt-image-1': { perImage: 42_000 },
    'dall-e-3': { perImage: 40_000 },
    '*': { inputPerMTok: 2_500_000, outputPerMTok: 10_000_000, perImage: 42_000 },
  },
  gemini: {
    'gemini-2.5-pro': { inputPerMTok: 1_250_000, outputPerMTok: 10_000_000 },
    'gemini-2.5-flash': { inputPerMTok: 300_000, outputPerMTok: 2_500_000 },
    'gemini-2.5-flash-image': { perImage: 39_000 },
    '*': { inputPerMTok: 300_000, outputPerMTok: 2_500_000, perImage: 39_000 },
  },
  openrouter: { '*': { inputPerMTok: 3_000_000, outputPerMTok: 15_000_000 } },
  kie: {
    veo3_fast: { perVideoSecond: 50_000 },
    veo3: { perVideoSecond: 250_000 },
    '*': { perVideoSecond: 250_000 },
  },
  heygen: { '*': { perVideoSecond: 16_700 } },
};

export function priceOf(provider: ProviderId, model: string | undefined): Price {
  const table = PRICE_TABLE[provider];
  return (model && table[model]) || table['*'] || {};
}

/** What a call cost: the vendor's own figure when it gave one, else the list price of what it used. */
export function costOf(provider: ProviderId, model: string | undefined, usage: ProviderUsage): number {
  if (usage.costMicros > 0) return Math.round(usage.costMicros);
  const p = priceOf(provider, model);
  const perM = (n: number | undefined, price: number | undefined) => ((n ?? 0) * (price ?? 0)) / 1_000_000;
  return Math.ceil(
    perM(usage.inputTokens, p.inputPerMTok) +
      perM(usage.outputTokens, p.outputPerMTok) +
      (usage.images ?? 0) * (p.perImage ?? 0) +
      (usage.videoSeconds ?? 0) * (p.perVideoSecond ?? 0),
  );
}

/** A rough token count before the call (about four characters a token), for the budget and contract checks. */
export function estimateTokens(...texts: (string | undefined)[]): number {
  return Math.ceil(texts.reduce((n, t) => n + (t?.length ?? 0), 0) / 4);
}
