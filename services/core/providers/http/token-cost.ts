/** List price of a model per million tokens, in US dollars (what the vendors' pricing pages show). */
export interface TokenPrice {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
}

/**
 * The price of a model from a vendor's table by longest prefix (vendors append dates to model ids:
 * `claude-sonnet-4-5-20250929`). An unknown model is charged at `fallback`, which each table sets to its dearest
 * model: a budget must never look roomier than it is.
 */
export function priceOfModel(
  table: Readonly<Record<string, TokenPrice>>,
  fallback: TokenPrice,
  model: string,
): TokenPrice {
  let best: string | undefined;
  for (const prefix of Object.keys(table)) {
    if (model.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best === undefined ? fallback : (table[best] ?? fallback);
}

/** USD per million tokens is micro-dollars per token, so the cost in micros is a plain weighted sum. */
export function tokenCostMicros(price: TokenPrice, inputTokens: number, outputTokens: number): number {
  return Math.round(inputTokens * price.inputUsdPerMTok + outputTokens * price.outputUsdPerMTok);
}
