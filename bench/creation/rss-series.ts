const MB = 1024 * 1024;
const round1 = (v: number) => Math.round(v * 10) / 10;

export interface RssSummary {
  samples: number;
  min_mb: number;
  median_mb: number;
  max_mb: number;
}

/**
 * This process's RSS on a fixed interval (the worker runs in this process). The episode bench's ResourceSampler
 * keeps peak and mean only; the issue asks how the worker's memory moves over a plan, so this keeps every sample.
 */
export class RssSeries {
  private timer: NodeJS.Timeout | undefined;
  private samples: number[] = [];

  constructor(private readonly intervalMs = 200) {}

  start(): void {
    this.samples = [process.memoryUsage().rss];
    this.timer = setInterval(() => this.samples.push(process.memoryUsage().rss), this.intervalMs);
    this.timer.unref();
  }

  stop(): RssSummary {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.samples.push(process.memoryUsage().rss);
    const sorted = [...this.samples].sort((a, b) => a - b);
    return {
      samples: sorted.length,
      min_mb: round1(sorted[0] / MB),
      median_mb: round1(sorted[Math.floor((sorted.length - 1) / 2)] / MB),
      max_mb: round1(sorted[sorted.length - 1] / MB),
    };
  }
}

export function rssNowMb(): number {
  return round1(process.memoryUsage().rss / MB);
}
