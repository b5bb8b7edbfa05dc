export interface LatencySummary {
  n: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  mean_ms: number;
  min_ms: number;
  max_ms: number;
}

/** Nearest-rank percentiles (the same rank rule as the policy bench), in milliseconds with one decimal. */
export function summarize(samplesMs: number[]): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, p50_ms: NaN, p95_ms: NaN, p99_ms: NaN, mean_ms: NaN, min_ms: NaN, max_ms: NaN };
  const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
  const r = (v: number) => Math.round(v * 10) / 10;
  const mean = sorted.reduce((a, b) => a + b, 0) / n;
  return {
    n,
    p50_ms: r(rank(0.5)),
    p95_ms: r(rank(0.95)),
    p99_ms: r(rank(0.99)),
    mean_ms: r(mean),
    min_ms: r(sorted[0]),
    max_ms: r(sorted[n - 1]),
  };
}
