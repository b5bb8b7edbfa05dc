import type { AppConfig } from '../config/app-config';
import { logger } from '../telemetry/logger';
import { startMetricsServer } from './metrics-server';
import { startProcessMetrics } from './metrics-exporter';
import { installTemporalSdkMetrics } from './temporal-sdk-metrics';

/**
 * The worker's scrape endpoint on RAIZE_METRICS_PORT: what this process recorded (guard decisions, connector calls,
 * provider calls) and the Temporal SDK's metrics. Call before the first Temporal connection.
 */
export async function startWorkerMetrics(config: AppConfig): Promise<{ port: number; close(): Promise<void> }> {
  const o = config.observability;
  if (o.metricsPort === undefined) throw new Error('RAIZE_METRICS_PORT is not set');
  const temporalSdk = await installTemporalSdkMetrics();
  const own = startProcessMetrics(o.serviceName ?? 'raize-worker');
  const server = await startMetricsServer({
    host: o.metricsHost ?? '127.0.0.1',
    port: o.metricsPort,
    env: config.env,
    token: o.metricsToken,
    sources: [
      { name: 'raize', read: () => own.scrape() },
      { name: 'temporal_sdk', read: temporalSdk },
    ],
  });
  logger.info(
    { 'raize.operation': 'metrics.listen' },
    `worker metrics on ${o.metricsHost ?? '127.0.0.1'}:${server.port}/metrics`,
  );
  return {
    port: server.port,
    async close() {
      await server.close();
      await own.shutdown();
    },
  };
}
