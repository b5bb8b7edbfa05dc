import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { fetchOptionsFromEnv } from '../../../core/net/guarded-fetch';
import { SecretsPort } from '../../../core/secrets/secrets.port';
import { WebhookSubscriptionService } from '../../../core/webhooks-out/webhook-subscription.service';
import { AUDIT, DATA_SOURCE, SECRETS } from '../../platform/tokens';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

@Module({
  providers: [
    WebhooksResolver,
    WebhooksService,
    {
      provide: WebhookSubscriptionService,
      inject: [DATA_SOURCE, SECRETS, AUDIT],
      // The guarded fetcher's deployment settings, read when a target is checked (the same the worker sends under).
      useFactory: (ds: DataSource, secrets: SecretsPort, audit: AuditService) =>
        new WebhookSubscriptionService({ ds, secrets, audit, fetchOptions: () => fetchOptionsFromEnv() }),
    },
  ],
})
export class WebhooksModule {}
