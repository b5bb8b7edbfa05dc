import type { DataSource } from 'typeorm';
import { AuditService } from '../../services/core/audit/audit.service';
import { createArtifactStore } from '../../services/core/artifacts/create-artifact-store';
import type { RecordedArtifactStore } from '../../services/core/artifacts/recorded-artifact-store';
import { loadAppConfig } from '../../services/core/config/app-config';
import { createAppDataSource } from '../../services/core/database/data-source';
import { REGISTRY_SIGNING_KEY_SECRET } from '../../services/core/gateway/gateway-keys';
import { createMcpToolClient } from '../../services/core/gateway/mcp-tool-client';
import type { ToolClient } from '../../services/core/gateway/tool-client.port';
import { PolicyEngine } from '../../services/core/policy/policy-engine';
import type { ProviderGateway } from '../../services/core/providers/provider-gateway.port';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import type { SecretsPort } from '../../services/core/secrets/secrets.port';
import { readOptionalSecret } from '../../services/core/secrets/secrets.port';
import type { RunningGateway } from '../../services/gateway/create-gateway';
import { startGateway } from '../../services/gateway/create-gateway';
import { TOOL_HANDLERS } from '../../services/gateway/tools';
import { createWorkerProviders } from '../../services/worker/worker-deps';

export interface TestGateway {
  /** the MCP endpoint (RAIZE_GATEWAY_URL) */
  url: string;
  port: number;
  registry: RunningGateway['registry'];
  /** an activity's MCP client of this gateway (the worker builds its own from RAIZE_GATEWAY_URL) */
  tools: ToolClient;
  /** the gateway's app-role connection and secrets, as its process holds them */
  ds: DataSource;
  secrets: SecretsPort;
  artifacts: RecordedArtifactStore;
  /** stops serving (calls then fail at the transport); close() still releases the rest */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  /** a labelled test double standing in for the provider gateway behind text_generate/image_generate */
  providers?: ProviderGateway;
  port?: number;
}

/**
 * The MCP tool gateway in the test process, as services/gateway/main.ts builds it, for the stack whose environment
 * is set (its RAIZE_DATA_DIR keyring, so its tokens and the worker's agree): app role, audit, artifact store, OPA,
 * the worker's provider gateway (or a test double) and the real tools.
 */
export async function startTestGateway(o: TestGatewayOptions = {}): Promise<TestGateway> {
  const config = loadAppConfig();
  const ds = await createAppDataSource(config.databaseAppUrl, { applicationName: 'raize-test-gateway', env: 'test' });
  const secrets = createSecrets(config);
  await shareRunRegistryKey(secrets);
  const audit = new AuditService(ds, secrets);
  const artifacts = await createArtifactStore({ ds, audit, secrets });
  const policy = await PolicyEngine.load();
  const providers = o.providers ?? createWorkerProviders({ ds, secrets, policy, artifacts, audit });
  const gateway = await startGateway({
    deps: { ds, secrets, audit, artifacts, providers, allowPrivateFetch: true },
    policy,
    handlers: TOOL_HANDLERS,
    port: o.port ?? 0,
  });
  const tools = createMcpToolClient({ url: gateway.url, ds, secrets });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= gateway.close());
  return {
    url: gateway.url,
    port: gateway.port,
    registry: gateway.registry,
    tools,
    ds,
    secrets,
    artifacts,
    stop,
    async close() {
      await tools.close();
      await stop();
      await ds.destroy();
    },
  };
}

/**
 * The registry is signed once per run (global-setup.ts) with the key of the run's keyring; each stack has a keyring of
 * its own, so it gets a copy of that key, as every process of an installation reads the one secrets backend's.
 */
export async function shareRunRegistryKey(secrets: SecretsPort): Promise<void> {
  const runDir = process.env.RAIZE_TEST_RUN_DATA_DIR;
  if (!runDir) return;
  const run = createSecrets({ dataDir: runDir, masterKey: process.env.RAIZE_TEST_RUN_MASTER_KEY || undefined });
  const key = await readOptionalSecret(run, REGISTRY_SIGNING_KEY_SECRET);
  if (key !== undefined && (await readOptionalSecret(secrets, REGISTRY_SIGNING_KEY_SECRET)) !== key)
    await secrets.put(REGISTRY_SIGNING_KEY_SECRET, key);
}
