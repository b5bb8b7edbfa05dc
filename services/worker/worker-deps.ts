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
import { Context } from '@temporalio/activity';
import { createGuardDeps } from '../../activities/guard/guard-deps.factory';
import type { LaneDeps } from '../../activities/lanes/lane.deps';
import { createArtifactStore } from '../core/artifacts/create-artifact-store';
import { loadTemporalConfig } from '../core/config/temporal-config';
import { createProviderGateway } from '../core/providers/provider-gateway';
import type { ProviderGateway } from '../core/providers/provider-gateway.port';
import { defaultProviderRegistry } from '../core/providers/provider-registry';
import { vendorAdapters } from '../core/providers/vendor-adapters';
import { publishOptionsFrom } from '../core/publishing/publish-options';
import { createTemporalClient } from '../core/temporal/temporal-client';
import { createMailer } from '../core/mail/create-mailer';
import { logger } from '../core/telemetry/logger';
import { PLATFORM_IDS } from '../../workflows/contracts/vocabulary/platform-id';
import { createWorkerTools } from './worker-tools';

/**
 * The provider gateway as a worker (and the tool gateway beside it) builds it: the vendors' adapters, and a heartbeat
 * for renders polled inside an activity (outside one, as in the tool gateway's process, it does nothing).
 */
export function createWorkerProviders(
  d: Pick<Parameters<typeof createProviderGateway>[0], 'ds' | 'secrets' | 'policy' | 'artifacts' | 'audit'>,
): ProviderGateway {
  return createProviderGateway({
    ...d,
    registry: defaultProviderRegistry(vendorAdapters()),
    // A render is polled inside one activity: its heartbeats keep Temporal from timing it out.
    heartbeat: () => {
      try {
        Context.current()?.heartbeat();
      } catch {
        // not inside an activity
      }
    },
  });
}

/** Everything the activities need, built once per worker process. */
export async function createWorkerDeps(
  config: AppConfig,
  opts: {
    connectorTimeoutMs?: number;
    connectors?: ConnectorSettingsOverrides;
    /** one queue for every lane (tests); else temporal.yaml's */
    taskQueue?: string;
  } = {},
): Promise<{ deps: LaneDeps; ds: DataSource; dataConverter: DataConverter; close: () => Promise<void> }> {
  // The app role, under row-level security; each activity runs in its client's scope (C-01, C-05).
  const ds = await createAppDataSource(config.databaseAppUrl, { applicationName: 'raize-worker', env: config.env });
  const secrets = createSecrets(config);
  const overrides: ConnectorSettingsOverrides = Object.fromEntries(
    PLATFORM_IDS.map((id) => [id, { timeoutMs: opts.connectorTimeoutMs, ...opts.connectors?.[id] }]),
  );
  const audit = new AuditService(ds, secrets);
  const policy = await PolicyEngine.load();
  // Resolved up front (signing key, MinIO credentials): a worker missing them refuses to start (C-15).
  const artifacts = await createArtifactStore({ ds, audit, secrets });
  const credentialStore = new CredentialStore(secrets);
  const connectorSettings = connectorSettingsFrom(config, overrides);
  const guard = createGuardDeps({
    ds,
    audit,
    policy,
    artifacts,
    credentials: credentialStore,
    connectors: connectorSettings,
    publishTimeoutSeconds: config.publishTimeoutSeconds,
    alert: (msg, fields) =>
      logger.warn(
        { 'raize.client_id': fields.clientId, 'raize.account_id': fields.accountId, 'raize.outcome': 'alert' },
        msg,
      ),
  });
  // The payload codec's keys live in the same secrets backend as the API's, so both read each other's payloads.
  const dataConverter = createDataConverter(new SecretsCodecKeySource(secrets), codecOptionsFrom(config));
  // The creation lane starts publishing episodes (an approved item); it speaks to Temporal as the API does.
  const temporal = await createTemporalClient(config.temporal.address, config.temporal.namespace, dataConverter);
  const queues = loadTemporalConfig().taskQueues;
  // The AI steps' tools (brand, knowledge, text and image) are reached through the MCP tool gateway only (issue #16).
  const tools = createWorkerTools(config, ds, secrets);
  const deps: LaneDeps = {
    ...guard,
    artifacts,
    providers: createWorkerProviders({ ds, secrets, policy, artifacts, audit }),
    tools,
    temporal,
    taskQueues: {
      publish: opts.taskQueue ?? config.taskQueueOverride ?? queues.publish,
      creation: opts.taskQueue ?? queues.creation,
      engagement: opts.taskQueue ?? config.taskQueueOverride ?? queues.engagement,
    },
    publishOptions: publishOptionsFrom(config),
    credentialStore,
    connectorSettings,
    secrets,
    // Reports' mail: SMTP when RAIZE_SMTP_URL is set (the mail catcher in development), else a mailer that refuses.
    mail: createMailer(),
    publicUrl: config.api.publicUrl,
  };
  return {
    deps,
    ds,
    dataConverter,
    close: async () => {
      await tools.close();
      await temporal.connection.close();
    },
  };
}
