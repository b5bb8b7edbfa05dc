import type { DataSource } from 'typeorm';
import { createArtifactStore } from '../core/artifacts/create-artifact-store';
import { AuditService } from '../core/audit/audit.service';
import type { AppConfig } from '../core/config/app-config';
import { loadTemporalConfig } from '../core/config/temporal-config';
import { createAppDataSource } from '../core/database/data-source';
import { PolicyEngine } from '../core/policy/policy-engine';
import { createProviderGateway } from '../core/providers/provider-gateway';
import { publishOptionsFrom } from '../core/publishing/publish-options';
import { defaultProviderRegistry } from '../core/providers/provider-registry';
import { vendorAdapters } from '../core/providers/vendor-adapters';
import { createSecrets } from '../core/secrets/create-secrets';
import { codecOptionsFrom, createDataConverter } from '../core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../core/temporal/codec/secrets-key-source';
import { createTemporalClient } from '../core/temporal/temporal-client';
import type { GatewayDeps } from './tool.types';

/** Everything the gateway process gives its tools, built once: the app role (RLS), secrets, audit, artifacts, AI. */
export async function createGatewayDeps(
  config: AppConfig,
): Promise<{ deps: GatewayDeps; policy: PolicyEngine; ds: DataSource; close: () => Promise<void> }> {
  const ds = await createAppDataSource(config.databaseAppUrl, { applicationName: 'raize-gateway', env: config.env });
  const secrets = createSecrets(config);
  const audit = new AuditService(ds, secrets);
  // The gateway fails closed without its policy: a missing wasm stops the start, not the first call.
  const policy = await PolicyEngine.load();
  const artifacts = await createArtifactStore({ ds, audit, secrets });
  // post_schedule starts a publishing episode as the API does: the same codec keys, so the worker reads its payload.
  const dataConverter = createDataConverter(new SecretsCodecKeySource(secrets), codecOptionsFrom(config));
  const temporal = await createTemporalClient(config.temporal.address, config.temporal.namespace, dataConverter);
  const providers = createProviderGateway({
    ds,
    secrets,
    policy,
    artifacts,
    audit,
    registry: defaultProviderRegistry(vendorAdapters()),
    // Not an activity: a long render has no Temporal heartbeat to keep, the tool's own timeout bounds it.
    heartbeat: () => undefined,
  });
  const deps: GatewayDeps = {
    ds,
    secrets,
    audit,
    artifacts,
    providers,
    temporal,
    publishTaskQueue: config.taskQueueOverride ?? loadTemporalConfig().taskQueues.publish,
    publishOptions: publishOptionsFrom(config),
    policy,
    allowPrivateFetch: config.env !== 'production' && process.env.RAIZE_GATEWAY_ALLOW_PRIVATE_FETCH === '1',
  };
  return {
    deps,
    policy,
    ds,
    close: async () => {
      await temporal.connection.close();
      await ds.destroy();
    },
  };
}
