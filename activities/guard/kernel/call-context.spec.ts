import { MockActivityEnvironment } from '@temporalio/testing';
import { attemptContext } from './call-context';

describe('a guard attempt inside its activity', () => {
  it('heartbeats while a long platform call runs, so a cancel can reach it, and hands the call the cancellation', async () => {
    const env = new MockActivityEnvironment({ startToCloseTimeoutMs: 30_000, attempt: 3 });
    let heartbeats = 0;
    env.on('heartbeat', () => heartbeats++);
    const aborted = await env.run(async () => {
      const attempt = attemptContext('wf');
      expect(attempt.owner).toMatch(/:3$/);
      expect(attempt.leaseMs).toBe(32_000);
      const signal = attempt.call.signal!;
      // A call that only ends when its signal aborts, like fetch with the activity's cancellation.
      const call = new Promise<string>((resolve) => signal.addEventListener('abort', () => resolve('aborted')));
      setTimeout(() => env.cancel('CANCELLED'), 4_500);
      return attempt.keepAlive(call);
    });
    expect(aborted).toBe('aborted');
    expect(heartbeats).toBeGreaterThanOrEqual(2);
  });

  it('outside an activity it holds a fixed lease and does not heartbeat', async () => {
    const attempt = attemptContext('bench');
    expect(attempt.owner).toBe('bench:direct');
    await expect(attempt.keepAlive(Promise.resolve(7))).resolves.toBe(7);
  });
});
