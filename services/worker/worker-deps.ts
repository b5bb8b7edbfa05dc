import { DataSource } from 'typeorm';
import { AppConfig } from '../core/config/app-config';
import { AuditService } from '../core/audit/audit.service';
import { createConnectorReaders } from '../core/connectors/connector-readers';
import { createDataSource } from '../core/database/data-source';
import { PolicyEngine } from '../core/policy/policy-engine';
import { CredentialStore } from '../core/secrets/credential-store';
import { createSecrets } from '../core/secrets/create-secrets';
import { GuardDeps } from '../../activities/guard/guard.deps';
import { createConnectorWriters } from '../core/connectors/connector-writers';
import { logger } from '../core/telemetry/logger';

/** Everything the activities need, built once per worker process. */
export async function createWorkerDeps(config: AppConfig, opts: { connectorTimeoutMs?: number } = {}): Promise<{ deps: GuardDeps; ds: DataSource }> {
  const ds = createDataSource(config.databaseUrl, { applicationName: 'raize-worker' });
  await ds.initialize();
  const connectorSettings = { sandbox: { baseUrl: config.sandbox.url, timeoutMs: opts.connectorTimeoutMs } };
  const deps: GuardDeps = {
    ds,
    audit: new AuditService(ds),
    policy: await PolicyEngine.load(),
    credentials: new CredentialStore(createSecrets(config)),
    readers: createConnectorReaders(connectorSettings),
    writers: createConnectorWriters(connectorSettings),
    alert: (msg, fields) => logger.warn({ alert: true, ...fields }, msg),
  };
  return { deps, ds };
}
