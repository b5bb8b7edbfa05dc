import { loadAppConfig } from '../core/config/app-config';
import { DEFAULT_GATEWAY_PORT } from '../core/config/gateway-port';
import { logger } from '../core/telemetry/logger';
import { startTracing } from '../core/telemetry/otel-sdk';
import { startGateway } from './create-gateway';
import { createGatewayDeps } from './gateway-deps';
import { TOOL_HANDLERS } from './tools';

/** The MCP tool gateway process (issue #16): configuration from the environment, graceful stop on SIGTERM. */
async function main(): Promise<void> {
  const config = loadAppConfig();
  startTracing(config.observability, 'raize-gateway');
  const port = Number(process.env.RAIZE_GATEWAY_PORT ?? DEFAULT_GATEWAY_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error('RAIZE_GATEWAY_PORT must be a port number (0-65535)');
  const { deps, policy, close } = await createGatewayDeps(config);
  const gateway = await startGateway({
    deps,
    policy,
    handlers: TOOL_HANDLERS,
    host: process.env.RAIZE_GATEWAY_HOST ?? '127.0.0.1',
    port,
  });
  logger.info(
    { 'raize.operation': 'gateway.start', 'raize.outcome': `${gateway.registry.tools.size} tools` },
    `gateway ready on ${gateway.url}`,
  );
  process.send?.({ ready: true, url: gateway.url });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    gateway
      .close()
      .then(close)
      .then(
        () => process.exit(0),
        () => process.exit(1),
      );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: Error) => {
  // Start-up errors are configuration or connection problems whose messages name variables, not values.
  console.error(`gateway failed to start: ${err.message}`);
  process.exit(1);
});
