import { createServer } from 'node:net';
import { Runtime } from '@temporalio/worker';

/** A port the loopback interface has free right now. */
async function freeLoopbackPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free loopback port for the Temporal SDK metrics');
  return address.port;
}

/**
 * The Temporal SDK's own metrics (workflow and activity task latencies, schedule-to-start, completions, slots):
 * its Prometheus exporter listens on a loopback port only, and the worker's metrics server passes its text on, so a
 * worker is one scrape target behind one access rule. Must run before the process's first NativeConnection: the
 * runtime's telemetry is fixed when it is installed.
 */
export async function installTemporalSdkMetrics(): Promise<() => Promise<string>> {
  const port = await freeLoopbackPort();
  Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${port}` } } } });
  return async () => {
    const res = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`the Temporal SDK metrics answered ${res.status}`);
    return res.text();
  };
}
