import type { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/app-config';
import { createMcpToolClient } from '../core/gateway/mcp-tool-client';
import type { ToolClient } from '../core/gateway/tool-client.port';
import type { SecretsPort } from '../core/secrets/secrets.port';

/** The lanes whose AI steps reach their tools only through the gateway: they need RAIZE_GATEWAY_URL. */
export const GATEWAY_LANES = ['planning', 'creation', 'engagement'] as const;

/**
 * The worker's MCP client of the tool gateway (RAIZE_GATEWAY_URL). Without a URL every call is refused with the
 * reason, so an AI step parks (or hands its message to a human) instead of reaching a provider some other way; the
 * worker process refuses to start the lanes that need it (services/worker/main.ts).
 */
export function createWorkerTools(
  config: Pick<AppConfig, 'gateway'>,
  ds: DataSource,
  secrets: SecretsPort,
): ToolClient {
  if (config.gateway.url) return createMcpToolClient({ url: config.gateway.url, ds, secrets });
  const refusal = {
    ok: false as const,
    code: 'unavailable',
    message: 'this worker was started without RAIZE_GATEWAY_URL; AI steps park until it has the tool gateway',
  };
  return { call: async () => refusal, list: async () => [], close: async () => undefined };
}
