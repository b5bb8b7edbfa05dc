import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AuditService } from '../../../core/audit/audit.service';
import { createArtifactStore } from '../../../core/artifacts/create-artifact-store';
import type { SecretsPort } from '../../../core/secrets/secrets.port';
import { AUDIT, DATA_SOURCE, SECRETS } from '../../platform/tokens';

/** The artifact store (RecordedArtifactStore) inside the API. */
export const ARTIFACT_STORE = Symbol('ARTIFACT_STORE');

/**
 * Built when the API starts: a production API without its URL signing key (or MinIO credentials, with that
 * backend) refuses to start rather than fail on its first download.
 */
export const artifactStoreProvider: Provider = {
  provide: ARTIFACT_STORE,
  inject: [DATA_SOURCE, AUDIT, SECRETS],
  useFactory: (ds: DataSource, audit: AuditService, secrets: SecretsPort) =>
    createArtifactStore({ ds, audit, secrets }),
};
