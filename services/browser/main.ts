import { NativeConnection } from '@temporalio/worker';
import { loadAppConfig } from '../core/config/app-config';
import { loadTemporalConfig } from '../core/config/temporal-config';
import { logger } from '../core/telemetry/logger';
import { startTracing } from '../core/telemetry/otel-sdk';
import { isPlatformId, type PlatformId } from '../../workflows/contracts/vocabulary/platform-id';
import { createWorkerDeps } from '../worker/worker-deps';
import { startBrowserRunner } from './runner/runner.app';

function platformsFromEnv(raw: string | undefined): PlatformId[] {
  const list = (raw ?? 'sandbox')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const unknown = list.filter((p) => !isPlatformId(p));
  if (unknown.length) throw new Error(`RAIZE_BROWSER_PLATFORMS: unknown platform(s) ${unknown.join(', ')}`);
  return list as PlatformId[];
}

function slotsFromEnv(raw: string | undefined): number {
  const n = Number(raw ?? 2);
  if (!Number.isInteger(n) || n < 1 || n > 32) throw new Error('RAIZE_BROWSER_SLOTS: a whole number from 1 to 32');
  return n;
}

/**
 * The browser runner process (issue #17): Debian's Chromium, the profiles it holds decrypted only here, one
 * Temporal worker on its own task queue. SIGTERM stops routing to it first, then drains and closes the browser.
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  const tracing = startTracing(config.observability, 'raize-browser');
  const platforms = platformsFromEnv(process.env.RAIZE_BROWSER_PLATFORMS);
  const slots = slotsFromEnv(process.env.RAIZE_BROWSER_SLOTS);
  const taskQueueBase =
    process.env.RAIZE_TASK_QUEUE ?? config.taskQueueOverride ?? loadTemporalConfig().taskQueues.publish;
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const built = await createWorkerDeps(config, { taskQueue: process.env.RAIZE_TASK_QUEUE });
  const runner = await startBrowserRunner({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: built.dataConverter,
    deps: built.deps,
    taskQueueBase,
    runnerId: process.env.RAIZE_BROWSER_RUNNER_ID,
    platforms,
    slotsPerPlatform: slots,
    // New profiles are walked within a minute, then every six hours (RAIZE_BROWSER_SELF_CHECK_SECONDS).
    selfCheckEveryMs: 60_000,
    selfCheckRecheckSeconds: Number(process.env.RAIZE_BROWSER_SELF_CHECK_SECONDS ?? 6 * 3600),
  });
  logger.info({ 'raize.operation': 'browser.runner', 'raize.lane': 'browser' }, 'browser runner ready');
  process.send?.({ ready: true });
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await runner.close();
  await built.close();
  await built.ds.destroy();
  await connection.close();
  await tracing.shutdown();
  logger.info('browser runner stopped');
}

main().catch((err: Error) => {
  // Start-up errors are configuration or connection problems whose messages name variables, not values.
  console.error(`browser runner failed to start: ${err.message}`);
  process.exit(1);
});
