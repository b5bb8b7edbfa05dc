import { join } from 'node:path';
import { NativeConnection } from '@temporalio/worker';
import { loadAppConfig } from '../core/config/app-config';
import type { Lane } from '../core/config/temporal-config';
import { LANES } from '../core/config/temporal-config';
import { logger } from '../core/telemetry/logger';
import { startTracing } from '../core/telemetry/otel-sdk';
import { startWorkerMetrics } from '../core/metrics/worker-metrics';
import { ensureAccountTokenWorkflows } from '../../activities/tokens';
import { crashPointInterceptors } from './crash-point';
import { createLaneWorkers, runnableLanes, startLaneLoops } from './lane-workers';
import { ensureWorkflowBundle } from './workflow-bundle';
import { createWorkerDeps } from './worker-deps';
import { GATEWAY_LANES } from './worker-tools';

/** The worker process: every lane with something to run (or RAIZE_LANES=publish,engagement), one bundle, graceful shutdown. */
async function main(): Promise<void> {
  const config = loadAppConfig();
  // Before any worker or client exists: activities, workflow spans and log lines all carry their trace (C-50).
  const tracing = startTracing(config.observability, 'raize-worker');
  const lanes = (process.env.RAIZE_LANES?.split(',').filter(Boolean) as Lane[] | undefined) ?? [...LANES];
  const unknown = lanes.filter((l) => !LANES.includes(l));
  if (unknown.length) throw new Error(`RAIZE_LANES: unknown lane(s) ${unknown.join(', ')}`);
  if (!runnableLanes(lanes).length)
    throw new Error(
      `RAIZE_LANES: lane(s) ${lanes.join(', ')} have nothing to run yet (services/worker/lane-workers.ts)`,
    );
  const needGateway = lanes.filter((l) => (GATEWAY_LANES as readonly string[]).includes(l));
  if (needGateway.length && !config.gateway.url)
    throw new Error(
      `RAIZE_GATEWAY_URL: required for the ${needGateway.join(', ')} lane(s), whose AI steps reach their tools only ` +
        'through the MCP tool gateway (or set RAIZE_LANES to lanes without AI steps)',
    );
  // Test-only crash points (RAIZE_CRASH_AT), refused outside test and development before anything starts.
  const activityInterceptors = crashPointInterceptors(process.env);
  // First of all that touches Temporal: the SDK's metrics are fixed when its runtime is installed (docs/metrics.md).
  const metrics = config.observability.metricsPort !== undefined ? await startWorkerMetrics(config) : undefined;
  const bundlePath = await ensureWorkflowBundle(
    process.env.RAIZE_WORKFLOW_BUNDLE ?? join(config.dataDir, 'workflow-bundle.js'),
    !process.env.RAIZE_WORKFLOW_BUNDLE,
  );
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const { deps, ds, dataConverter, close } = await createWorkerDeps(config, {
    connectorTimeoutMs: process.env.RAIZE_CONNECTOR_TIMEOUT_MS
      ? Number(process.env.RAIZE_CONNECTOR_TIMEOUT_MS)
      : undefined,
    taskQueue: process.env.RAIZE_TASK_QUEUE,
  });
  const workers = await createLaneWorkers({
    connection,
    namespace: config.temporal.namespace,
    bundlePath,
    deps,
    dataConverter,
    lanes,
    taskQueueFor: process.env.RAIZE_TASK_QUEUE ? () => process.env.RAIZE_TASK_QUEUE! : undefined,
    activityInterceptors,
  });
  logger.info({ 'raize.lane': runnableLanes(lanes).join(',') }, 'worker started');
  // Accounts connected before the token lifecycle existed (or whose workflow ended) get theirs; starting one that
  // runs is a no-op. A failure here is logged, not fatal: the next start tries again.
  if (lanes.includes('publish'))
    void ensureAccountTokenWorkflows({ ds, temporal: deps.temporal, taskQueue: deps.taskQueues.publish })
      .then((r) =>
        logger.info(
          { 'raize.operation': 'tokens.bootstrap', 'raize.outcome': `${r.accounts} accounts` },
          'account token workflows ensured',
        ),
      )
      .catch((err: Error) =>
        logger.warn({ 'error.kind': err.name, 'raize.operation': 'tokens.bootstrap' }, 'token workflows not ensured'),
      );
  // Background loops of the lanes this process hosts (outbound webhooks on the engagement lane).
  const loops = startLaneLoops(lanes, deps);
  process.send?.({ ready: true });
  const stop = () => {
    workers.forEach((w) => w.shutdown());
    void Promise.all(loops.map((l) => l.stop()));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await Promise.all(workers.map((w) => w.run()));
  await Promise.all(loops.map((l) => l.stop()));
  await close();
  await ds.destroy();
  await connection.close();
  await tracing.shutdown();
  await metrics?.close();
  logger.info('worker stopped');
}

main().catch((err: Error) => {
  // Start-up errors are configuration or connection problems whose messages name variables, not values.
  console.error(`worker failed to start: ${err.message}`);
  process.exit(1);
});
