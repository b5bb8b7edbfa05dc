/**
 * HeyGen API list price, USD per second of rendered avatar video (https://www.heygen.com/api-pricing: the Pro API
 * plan's $99 buys 100 credits, one credit per minute of avatar video, so $0.99 a minute).
 */
export const HEYGEN_USD_PER_SECOND = 0.99 / 60;

export function heygenCostMicros(videoSeconds: number): number {
  return Math.ceil(HEYGEN_USD_PER_SECOND * 1_000_000 * videoSeconds);
}
