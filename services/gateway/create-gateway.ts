import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PolicyEngine } from '../core/policy/policy-engine';
import { logger } from '../core/telemetry/logger';
import { createAuthenticator } from './auth/authenticate';
import { loadRegistry } from './registry/load-registry';
import type { LoadedRegistry } from './registry/load-registry';
import { gatewayRequestHandler } from './server/gateway-http';
import type { GatewayDeps, ToolHandler } from './tool.types';

export interface StartGatewayOptions {
  deps: GatewayDeps;
  /** services/core/policy/policy-engine.ts: `raize/gateway/decision` must be in the wasm */
  policy: PolicyEngine;
  handlers: ToolHandler[];
  /** default 127.0.0.1 */
  host?: string;
  /** default 0 (ephemeral); main.ts uses RAIZE_GATEWAY_PORT, default DEFAULT_GATEWAY_PORT */
  port?: number;
  /** a tool running longer is aborted and refused (default 120 s) */
  toolTimeoutMs?: number;
}

export interface RunningGateway {
  /** http://host:port/mcp */
  url: string;
  port: number;
  registry: LoadedRegistry;
  close(): Promise<void>;
}

/**
 * Loads the signed registry (C-37; refused tools are logged and audited, and never served) and serves MCP over
 * Streamable HTTP, stateless, on POST /mcp. The registry is read once: a new tool version needs a restart.
 */
export async function startGateway(o: StartGatewayOptions): Promise<RunningGateway> {
  // Tools that ask the policy themselves (reply_propose's reply check) use the gateway's own engine unless given one.
  const deps: GatewayDeps = { ...o.deps, policy: o.deps.policy ?? o.policy };
  const registry = await loadRegistry(deps.ds, deps.secrets, o.handlers, { audit: deps.audit });
  const auth = createAuthenticator(deps.ds, deps.secrets, deps.now);
  const server = createServer(
    gatewayRequestHandler({ deps, policy: o.policy, registry, auth, toolTimeoutMs: o.toolTimeoutMs }),
  );
  // A slow client must not hold a socket forever; a tool call has its own, longer limit inside.
  server.requestTimeout = (o.toolTimeoutMs ?? 120_000) + 30_000;
  server.headersTimeout = 20_000;
  const host = o.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  logger.info(
    {
      'raize.operation': 'gateway.start',
      'raize.outcome': `${registry.tools.size} tools, ${registry.refused.length} refused`,
    },
    'tool gateway listening',
  );
  return {
    url: `http://${urlHost}:${port}/mcp`,
    port,
    registry,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeIdleConnections();
      }),
  };
}
