import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { AppConfig, loadAppConfig } from '../../core/config/app-config';
import { AuditService } from '../../core/audit/audit.service';
import { ConnectorSettings } from '../../core/connectors/connector.types';
import { connectorSettingsFrom, createConnectorReaders } from '../../core/connectors/platform-registry';
import { createAppDataSource } from '../../core/database/data-source';
import { createMailer } from '../../core/mail/create-mailer';
import { CredentialStore } from '../../core/secrets/credential-store';
import { createSecrets } from '../../core/secrets/create-secrets';
import { SecretsPort } from '../../core/secrets/secrets.port';
import { codecOptionsFrom, createDataConverter } from '../../core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../../core/temporal/codec/secrets-key-source';
import { closeTemporalClient, createTemporalClient } from '../../core/temporal/temporal-client';
import {
  APP_CONFIG,
  AUDIT,
  CONNECTOR_READERS,
  CONNECTOR_SETTINGS,
  CREDENTIALS,
  DATA_SOURCE,
  MAILER,
  SECRETS,
  TEMPORAL_CLIENT,
} from './tokens';

/** The platform layer as Nest providers: feature modules get services, never raw connections. */
@Global()
@Module({
  providers: [
    { provide: APP_CONFIG, useFactory: () => loadAppConfig() },
    {
      provide: DATA_SOURCE,
      inject: [APP_CONFIG],
      // The app role under row-level security; each request runs in its operator's tenant scope.
      useFactory: (c: AppConfig) => createAppDataSource(c.databaseAppUrl, { applicationName: 'raize-api', env: c.env }),
    },
    { provide: SECRETS, inject: [APP_CONFIG], useFactory: (c: AppConfig) => createSecrets(c) },
    { provide: CREDENTIALS, inject: [SECRETS], useFactory: (s: SecretsPort) => new CredentialStore(s) },
    {
      provide: AUDIT,
      inject: [DATA_SOURCE, SECRETS],
      useFactory: (ds: DataSource, s: SecretsPort) => new AuditService(ds, s),
    },
    { provide: CONNECTOR_SETTINGS, inject: [APP_CONFIG], useFactory: (c: AppConfig) => connectorSettingsFrom(c) },
    {
      provide: CONNECTOR_READERS,
      inject: [CONNECTOR_SETTINGS],
      useFactory: (s: ConnectorSettings) => createConnectorReaders(s),
    },
    // Read at start: production without an SMTP server fails here, not at the first review link (docs/mail.md).
    { provide: MAILER, useFactory: () => createMailer() },
    {
      provide: TEMPORAL_CLIENT,
      inject: [APP_CONFIG, SECRETS],
      useFactory: (c: AppConfig, s: SecretsPort) =>
        createTemporalClient(
          c.temporal.address,
          c.temporal.namespace,
          createDataConverter(new SecretsCodecKeySource(s), codecOptionsFrom(c)),
        ),
    },
  ],
  exports: [
    APP_CONFIG,
    DATA_SOURCE,
    SECRETS,
    CREDENTIALS,
    AUDIT,
    CONNECTOR_SETTINGS,
    CONNECTOR_READERS,
    TEMPORAL_CLIENT,
    MAILER,
  ],
})
export class PlatformModule implements OnApplicationShutdown {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await closeTemporalClient(this.temporal).catch(() => undefined);
    if (this.ds.isInitialized) await this.ds.destroy();
  }
}
