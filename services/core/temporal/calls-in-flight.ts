import type { WorkflowClientInterceptor } from '@temporalio/client';
import { interceptEveryCall } from './every-client-call';

/**
 * Counts a client's calls under way, so the connection closes only once they have answered. A call cut off by
 * closing the connection is retried by the SDK from a timer, on a closed channel, where nobody catches the error.
 */
export class CallsInFlight {
  private count = 0;
  private waiting: (() => void)[] = [];
  readonly interceptor: WorkflowClientInterceptor = interceptEveryCall((call) => this.track(call));

  private async track<T>(call: () => Promise<T>): Promise<T> {
    this.count++;
    try {
      return await call();
    } finally {
      if (--this.count === 0) for (const done of this.waiting.splice(0)) done();
    }
  }

  /** Resolves when no call is under way, or after `maxMs` at the latest. */
  async settled(maxMs: number): Promise<void> {
    if (this.count === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.waiting.push(resolve)),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, maxMs))),
    ]);
    clearTimeout(timer);
  }
}
