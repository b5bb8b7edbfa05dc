import type { DataConverter } from '@temporalio/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/app-config';
import { AuditService } from '../core/audit/audit.service';
import type { ConnectorSettingsOverrides } from '../core/connectors/platform-registry';
import { connectorSettingsFrom } from '../core/connectors/platform-registry';
import { createAppDataSource } from '../core/database/data-source';
import { PolicyEngine } from '../core/policy/policy-engine';
import { CredentialStore } from '../core/secrets/credential-store';
import { createSecrets } from '../core/secrets/create-secrets';
import { codecOptionsFrom, createDataConverter } from '../core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../core/temporal/codec/secrets-key-source';
import type { GuardDeps } from '../../activities/guard/guard.deps';
import { createGuardDeps } from '../../activities/guard/guard-deps.factory';
import { logger } from '../core/telemetry/logger';

/** Everything the activities need, built once per worker process. */
export async function createWorkerDeps(
  config: AppConfig,
  opts: { connectorTimeoutMs?: number; connectors?: ConnectorSettingsOverrides } = {},
): Promise<{ deps: GuardDeps; ds: DataSource; dataConverter: DataConverter }> {
  // The app role, under row-level security; each activity runs in its client's scope (C-01, C-05).
  const ds = await createAppDataSource(config.databaseAppUrl, { applicationName: 'raize-worker', env: config.env });
  const secrets = createSecrets(config);
  const overrides: ConnectorSettingsOverrides = {
    ...opts.connectors,
    sandbox: { timeoutMs: opts.connectorTimeoutMs, ...opts.connectors?.sandbox },
  };
  const deps = createGuardDeps({
    ds,
    audit: new AuditService(ds, secrets),
    policy: await PolicyEngine.load(),
    credentials: new CredentialStore(secrets),
    connectors: connectorSettingsFrom(config, overrides),
    publishTimeoutSeconds: config.publishTimeoutSeconds,
    alert: (msg, fields) =>
      logger.warn(
        { 'raize.client_id': fields.clientId, 'raize.account_id': fields.accountId, 'raize.outcome': 'alert' },
        msg,
      ),
  });
  // The payload codec's keys live in the same secrets backend as the API's, so both read each other's payloads.
  return {
    deps,
    ds,
    dataConverter: createDataConverter(new SecretsCodecKeySource(secrets), codecOptionsFrom(config)),
  };
}
