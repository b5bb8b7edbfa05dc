/**
 * One line per step, each stamped with the time since the launcher started, so a slow step shows up
 * without a profiler ("worker ready (+21.4s, took 18.9s)").
 */
export class Progress {
  private readonly t0 = Date.now();

  constructor(private readonly out: NodeJS.WritableStream = process.stdout) {}

  private stamp(): string {
    return `[${((Date.now() - this.t0) / 1000).toFixed(1).padStart(5)}s]`;
  }

  info(message: string): void {
    this.out.write(`${this.stamp()}   ${message}\n`);
  }

  warn(message: string): void {
    this.out.write(`${this.stamp()} ! ${message}\n`);
  }

  /** Prints "▸ label", runs the step, then "✓ label: detail (took Ns)" or "✗ label: error". */
  async step<T>(label: string, run: () => Promise<T>, detail?: (result: T) => string | undefined): Promise<T> {
    const started = Date.now();
    this.out.write(`${this.stamp()} ▸ ${label}\n`);
    try {
      const result = await run();
      const extra = detail?.(result);
      this.out.write(
        `${this.stamp()} ✓ ${label}${extra ? `: ${extra}` : ''} (took ${((Date.now() - started) / 1000).toFixed(1)}s)\n`,
      );
      return result;
    } catch (err) {
      this.out.write(`${this.stamp()} ✗ ${label}: ${(err as Error).message}\n`);
      throw new ReportedError(err as Error);
    }
  }
}

/** An error the progress log has already printed; the top level only sets the exit code. */
export class ReportedError extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
    this.name = 'ReportedError';
  }
}
