import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { ProviderKeyService } from '../../../core/providers/keys';
import { SecretsPort } from '../../../core/secrets/secrets.port';
import { AUDIT, DATA_SOURCE, SECRETS } from '../../platform/tokens';
import { ProvidersResolver } from './providers.resolver';
import { ProvidersService } from './providers.service';

@Module({
  providers: [
    ProvidersResolver,
    ProvidersService,
    {
      provide: ProviderKeyService,
      inject: [DATA_SOURCE, SECRETS, AUDIT],
      useFactory: (ds: DataSource, secrets: SecretsPort, audit: AuditService) =>
        new ProviderKeyService({ ds, secrets, audit }),
    },
  ],
})
export class ProvidersModule {}
