import 'reflect-metadata';
import { loadAppConfig } from '../core/config/app-config';
import { logger } from '../core/telemetry/logger';
import { startTracing } from '../core/telemetry/otel-sdk';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const config = loadAppConfig();
  // Before the app: every request, client call and log line of the process runs with a trace (C-50). The
  // TelemetryInterceptor flushes it when the app shuts down.
  startTracing(config.observability, 'raize-api');
  const app = await createApi();
  await app.listen(config.api.port, config.api.host);
  logger.info({ 'raize.operation': 'listen' }, `api listening on ${config.api.publicUrl}/graphql`);
  process.send?.({ ready: true, url: config.api.publicUrl });
}

main().catch((err: Error) => {
  console.error(`api failed to start: ${err.message}`);
  process.exit(1);
});
