import 'reflect-metadata';
import { loadAppConfig } from '../core/config/app-config';
import { logger } from '../core/telemetry/logger';
import { createApi } from './create-api';

async function main(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApi();
  await app.listen(config.api.port, config.api.host);
  logger.info({ url: `${config.api.publicUrl}/graphql` }, 'api listening');
  process.send?.({ ready: true, url: config.api.publicUrl });
}

main().catch((err: Error) => {
  logger.error({ err: err.message }, 'api failed to start');
  process.exit(1);
});
