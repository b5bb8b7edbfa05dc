import { loadAppConfig } from '../core/config/app-config';
import { logger } from '../core/telemetry/logger';
import { startTracing } from '../core/telemetry/otel-sdk';
import { loadIngestConfig } from './ingest-config';
import { startIngest } from './ingest.app';

/** The ingest process (its own port, so a flood of webhooks never slows the API): configuration from the environment. */
async function main(): Promise<void> {
  const config = loadIngestConfig();
  // Engagement episodes started from a webhook continue the ingest's trace (docs/observability.md).
  startTracing(loadAppConfig().observability, 'raize-ingest');
  const ingest = await startIngest(config);
  logger.info(
    { 'raize.operation': 'ingest.start', 'raize.outcome': config.sources.join(',') },
    `ingest ready on ${ingest.url}`,
  );
  process.send?.({ ready: true, url: ingest.url });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    ingest.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  // Start-up errors are configuration or connection problems whose messages name variables, not values.
  console.error(`ingest failed to start: ${err.message}`);
  process.exit(1);
});
