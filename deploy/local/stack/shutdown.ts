import type { Progress } from './progress';

interface Stoppable {
  stop(): Promise<void>;
  kill(): void;
}

const EXIT_CODE: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Ctrl-C, SIGTERM or a closed terminal stop the stack in order and exit. `npm run` forwards the signal it
 * receives too, so the same Ctrl-C can arrive twice: only a signal more than two seconds after the first
 * one counts as "kill everything now".
 */
export class Shutdown {
  private target?: Stoppable;
  private first?: { signal: NodeJS.Signals; at: number };

  constructor(private readonly progress: Progress) {}

  get requested(): boolean {
    return this.first !== undefined;
  }

  install(): void {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => this.onSignal(signal));
  }

  /** What a signal stops; set as soon as there is anything to stop, before the stack is fully up. */
  attach(target: Stoppable): void {
    this.target = target;
  }

  /** Stops the attached stack (once) and exits with the given code. */
  async exit(code: number): Promise<never> {
    await this.target?.stop().catch((err: Error) => this.progress.warn(`while stopping: ${err.message}`));
    process.exit(code);
  }

  private onSignal(signal: NodeJS.Signals): void {
    if (!this.first) {
      this.first = { signal, at: Date.now() };
      this.progress.warn(`${signal} received: stopping the stack (press Ctrl-C again to kill it at once)`);
      void this.exit(EXIT_CODE[signal] ?? 1);
      return;
    }
    if (Date.now() - this.first.at < 2000) return;
    this.progress.warn(`${signal} received again: killing every process of the stack`);
    this.target?.kill();
    process.exit(EXIT_CODE[signal] ?? 1);
  }
}
