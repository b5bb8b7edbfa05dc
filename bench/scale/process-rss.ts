import { readFileSync } from 'node:fs';

const round1 = (v: number) => Math.round(v * 10) / 10;

/** VmRSS of a process in MB, from /proc; null once it has exited. */
export function rssMb(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? round1(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

export interface RssWindow {
  samples: number;
  first_mb: number;
  min_mb: number;
  median_mb: number;
  max_mb: number;
  last_mb: number;
  /** least-squares slope over the window, MB per minute: ~0 when flat */
  slope_mb_per_min: number;
}

/**
 * Another process's RSS every `intervalMs` (the worker runs in a process of its own): a series per named window, so
 * the report can say what it was idle, while posts were scheduled, and while they all waited.
 */
export class ProcessRss {
  private timer: NodeJS.Timeout | undefined;
  private points: { t: number; mb: number }[] = [];

  constructor(
    private readonly pid: () => number | undefined,
    private readonly intervalMs = 1000,
  ) {}

  start(): void {
    this.stop();
    this.points = [];
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): RssWindow {
    if (this.timer) {
      clearInterval(this.timer);
      this.timer = undefined;
      this.sample();
    }
    return summarize(this.points);
  }

  private sample(): void {
    const mb = rssMb(this.pid());
    if (mb !== null) this.points.push({ t: performance.now(), mb });
  }
}

function summarize(points: { t: number; mb: number }[]): RssWindow {
  const n = points.length;
  if (!n)
    return { samples: 0, first_mb: NaN, min_mb: NaN, median_mb: NaN, max_mb: NaN, last_mb: NaN, slope_mb_per_min: NaN };
  const sorted = points.map((p) => p.mb).sort((a, b) => a - b);
  const t0 = points[0].t;
  const xs = points.map((p) => (p.t - t0) / 60_000);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = points.reduce((a, p) => a + p.mb, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  const sxy = xs.reduce((a, x, i) => a + (x - mx) * (points[i].mb - my), 0);
  return {
    samples: n,
    first_mb: points[0].mb,
    min_mb: sorted[0],
    median_mb: sorted[Math.floor((n - 1) / 2)],
    max_mb: sorted[n - 1],
    last_mb: points[n - 1].mb,
    slope_mb_per_min: sxx > 0 ? round1(sxy / sxx) : 0,
  };
}
