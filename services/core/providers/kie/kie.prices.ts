/**
 * Kie.ai list prices for Veo 3, USD per generated clip (https://kie.ai/pricing, Veo 3.1 rows: Quality 250
 * credits, Fast 60 credits at $0.005 a credit). Veo renders fixed 8-second clips, so the per-second price is the
 * clip price over 8.
 */
export const KIE_VEO_CLIP_SECONDS = 8;
export const KIE_PRICES_PER_CLIP_USD: Readonly<Record<string, number>> = {
  veo3: 1.25,
  veo3_fast: 0.3,
};
/** An unknown model is priced as the dearest known one, so a budget is never undercounted. */
const FALLBACK_PER_CLIP_USD = 1.25;

export function kieCostMicros(model: string, videoSeconds: number): number {
  const perClip = KIE_PRICES_PER_CLIP_USD[model] ?? FALLBACK_PER_CLIP_USD;
  return Math.ceil(((perClip * 1_000_000) / KIE_VEO_CLIP_SECONDS) * videoSeconds);
}
