import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../../core/audit/audit.service';
import { createArtifactStore } from '../../../core/artifacts/create-artifact-store';
import { SecretsPort } from '../../../core/secrets/secrets.port';
import { AUDIT, DATA_SOURCE, SECRETS } from '../../platform/tokens';
import { ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';
import { REVIEW_ARTIFACTS } from './review.tokens';

@Module({
  providers: [
    ReviewResolver,
    ReviewService,
    {
      provide: REVIEW_ARTIFACTS,
      inject: [DATA_SOURCE, AUDIT, SECRETS],
      useFactory: (ds: DataSource, audit: AuditService, secrets: SecretsPort) =>
        createArtifactStore({ ds, audit, secrets }),
    },
  ],
})
export class ReviewModule {}
