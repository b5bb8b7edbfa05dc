import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditService } from '../../../services/core/audit/audit.service';
import { loadArtifactConfig } from '../../../services/core/artifacts/artifact-config';
import { createArtifactStore, MINIO_CREDENTIALS_SECRET } from '../../../services/core/artifacts/create-artifact-store';
import { S3Client } from '../../../services/core/artifacts/s3-client';
import { createAppDataSource } from '../../../services/core/database/data-source';
import { LocalKeyring } from '../../../services/core/secrets/local-keyring';
import { masterKeyId } from '../../../services/core/secrets/master-key';
import { seedTenant } from '../../factories/tenant.factory';
import type { RunningMinio } from '../../harness/minio-server';
import { describeWithMinio, startMinioServer } from '../../harness/minio-server';
import { openDataSource, testEnv } from '../../harness/test-env';
import type { BackendUnderTest } from './artifact-store-contract';
import { describeArtifactStoreContract, pngBytes } from './artifact-store-contract';

const IMAGE_LIMIT = 64 * 1024;
const MAX_TTL = 600;

const keyring = () => {
  const key = randomBytes(32);
  return new LocalKeyring(join(mkdtempSync(join(tmpdir(), 'raize-artifacts-keys-')), 'keyring.json'), {
    id: masterKeyId(key),
    key,
  });
};

const envFor = (minio: RunningMinio, bucket: string, creds = true): NodeJS.ProcessEnv => ({
  RAIZE_ENV: 'test',
  RAIZE_ARTIFACTS_BACKEND: 'minio',
  RAIZE_MINIO_ENDPOINT: minio.endpoint,
  RAIZE_MINIO_BUCKET: bucket,
  ...(creds ? { RAIZE_MINIO_ACCESS_KEY: minio.accessKey, RAIZE_MINIO_SECRET_KEY: minio.secretKey } : {}),
  RAIZE_ARTIFACTS_MAX_IMAGE_BYTES: String(IMAGE_LIMIT),
  RAIZE_ARTIFACTS_URL_MAX_TTL_SECONDS: String(MAX_TTL),
});

// Skipped without a binary, except under RAIZE_REQUIRE_MINIO=1 (CI), where that fails the run.
describeWithMinio('artifact store on a real MinIO', (bin) => {
  let minio: RunningMinio | undefined;
  beforeAll(async () => {
    minio = await startMinioServer({ bin });
  });
  afterAll(async () => {
    await minio?.stop();
  });
  const root = (bucket: string) =>
    new S3Client({
      endpoint: minio!.endpoint,
      publicEndpoint: minio!.endpoint,
      bucket,
      creds: { accessKey: minio!.accessKey, secretKey: minio!.secretKey, region: 'us-east-1' },
    });

  async function minioBackend(): Promise<BackendUnderTest> {
    const bucket = `raize-it-${randomBytes(4).toString('hex')}`;
    const appDs = await createAppDataSource(testEnv().databaseUrl.replace('postgres@', 'raize_app@'), {
      env: 'test',
      poolSize: 4,
    });
    const secrets = keyring();
    const store = await createArtifactStore({
      ds: appDs,
      audit: new AuditService(appDs),
      secrets,
      config: loadArtifactConfig(envFor(minio!, bucket)),
    });
    const sig = (url: string) => new URL(url).searchParams.get('X-Amz-Signature')!;
    return {
      store,
      appDs,
      limits: { imageBytes: IMAGE_LIMIT, maxUrlTtlSeconds: MAX_TTL },
      tamper: async (key, bytes) =>
        root(bucket).putObject(key, bytes, createHash('sha256').update(bytes).digest('hex'), 'image/png'),
      urlLifetimeSeconds: (url) => {
        const q = new URL(url).searchParams;
        const d = q.get('X-Amz-Date')!;
        const issued = Date.parse(
          `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 11)}:${d.slice(11, 13)}:${d.slice(13)}`,
        );
        return (issued - Date.now()) / 1000 + Number(q.get('X-Amz-Expires'));
      },
      retarget: (url, from, to) => {
        expect(url).toContain(from.key);
        return url.replace(from.key, to.key);
      },
      tamperSignature: (url) => {
        const s = sig(url);
        return url.replace(s, `${s.slice(0, -1)}${s.endsWith('0') ? '1' : '0'}`);
      },
      close: () => appDs.destroy(),
    };
  }

  describeArtifactStoreContract('MinIO bucket, presigned GET', minioBackend);

  it('[C-46] the bucket is private: the object URL without a signature is refused', async () => {
    const b = await minioBackend();
    const owner = await openDataSource();
    try {
      const t = await seedTenant(owner);
      const ref = await b.store.put({ agencyId: t.agencyId, clientId: t.clientId, kind: 'image', bytes: pngBytes() });
      const signed = new URL(await b.store.signedUrl(ref));
      expect(signed.searchParams.get('X-Amz-Expires')).toBe('300');
      expect((await fetch(`${signed.origin}${signed.pathname}`)).status).toBe(403);
    } finally {
      await b.close();
      await owner.destroy();
    }
  });

  it('[C-13] reads MinIO credentials from the secrets backend when the environment has none', async () => {
    const bucket = `raize-it-${randomBytes(4).toString('hex')}`;
    const appDs = await createAppDataSource(testEnv().databaseUrl.replace('postgres@', 'raize_app@'), {
      env: 'test',
      poolSize: 2,
    });
    const owner = await openDataSource();
    try {
      const secrets = keyring();
      const config = loadArtifactConfig(envFor(minio!, bucket, false));
      const audit = new AuditService(appDs);
      await expect(createArtifactStore({ ds: appDs, audit, secrets, config })).rejects.toThrow(
        MINIO_CREDENTIALS_SECRET,
      );
      await secrets.put(
        MINIO_CREDENTIALS_SECRET,
        JSON.stringify({ accessKey: minio!.accessKey, secretKey: minio!.secretKey }),
      );
      const store = await createArtifactStore({ ds: appDs, audit, secrets, config });
      const t = await seedTenant(owner);
      const bytes = pngBytes();
      const ref = await store.put({ agencyId: t.agencyId, clientId: t.clientId, kind: 'image', bytes });
      expect((await store.get(ref)).equals(bytes)).toBe(true);
    } finally {
      await appDs.destroy();
      await owner.destroy();
    }
  });
});
