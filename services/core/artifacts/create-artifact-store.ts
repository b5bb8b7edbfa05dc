import type { DataSource } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { SecretsPort } from '../secrets/secrets.port';
import { readOptionalSecret } from '../secrets/secrets.port';
import type { ArtifactConfig } from './artifact-config';
import { loadArtifactConfig } from './artifact-config';
import { ArtifactConfigError } from './artifact.errors';
import { ArtifactUrlSigner } from './artifact-url-signer';
import { LocalObjectBackend } from './local-object-backend';
import { MinioObjectBackend } from './minio-object-backend';
import type { ObjectBackend } from './object-backend';
import { RecordedArtifactStore } from './recorded-artifact-store';
import { S3Client } from './s3-client';
import type { S3Credentials } from './s3-signature-v4';

/** Where MinIO's access key pair lives when it is not in the environment: `{"accessKey": "...", "secretKey": "..."}`. */
export const MINIO_CREDENTIALS_SECRET = 'artifacts/minio-credentials';

export interface CreateArtifactStoreOptions {
  ds: DataSource;
  audit: AuditService;
  secrets: SecretsPort;
  /** defaults to loadArtifactConfig(process.env) */
  config?: ArtifactConfig;
}

/**
 * The artifact store the configuration asks for (RAIZE_ARTIFACTS_BACKEND=local|minio, local by default). Resolves
 * what it needs up front (the URL signing key, MinIO's credentials), so a production process missing either
 * refuses to start instead of failing on its first download.
 */
export async function createArtifactStore(opts: CreateArtifactStoreOptions): Promise<RecordedArtifactStore> {
  const config = opts.config ?? loadArtifactConfig();
  const signer = new ArtifactUrlSigner(opts.secrets, config.env);
  await signer.ready();
  const backend: ObjectBackend =
    config.backend === 'minio'
      ? new MinioObjectBackend(await minioClient(config, opts.secrets))
      : new LocalObjectBackend(config.localDir);
  return new RecordedArtifactStore({ ds: opts.ds, audit: opts.audit, backend, signer, config });
}

async function minioClient(config: ArtifactConfig, secrets: SecretsPort): Promise<S3Client> {
  const m = config.minio;
  if (!m?.endpoint)
    throw new ArtifactConfigError(['RAIZE_MINIO_ENDPOINT: required when RAIZE_ARTIFACTS_BACKEND=minio']);
  const creds: S3Credentials =
    m.accessKey && m.secretKey
      ? { accessKey: m.accessKey, secretKey: m.secretKey, region: m.region }
      : { ...(await credentialsFromSecrets(secrets)), region: m.region };
  return new S3Client({ endpoint: m.endpoint, publicEndpoint: m.publicEndpoint, bucket: m.bucket, creds });
}

async function credentialsFromSecrets(secrets: SecretsPort): Promise<{ accessKey: string; secretKey: string }> {
  const raw = await readOptionalSecret(secrets, MINIO_CREDENTIALS_SECRET);
  const problem = `${MINIO_CREDENTIALS_SECRET}: set RAIZE_MINIO_ACCESS_KEY and RAIZE_MINIO_SECRET_KEY, or store {"accessKey","secretKey"} there`;
  if (raw === undefined) throw new ArtifactConfigError([problem]);
  try {
    const v = JSON.parse(raw) as { accessKey?: unknown; secretKey?: unknown };
    if (typeof v.accessKey === 'string' && typeof v.secretKey === 'string' && v.accessKey && v.secretKey)
      return { accessKey: v.accessKey, secretKey: v.secretKey };
  } catch {
    // fall through: the value is never echoed
  }
  throw new ArtifactConfigError([problem]);
}
