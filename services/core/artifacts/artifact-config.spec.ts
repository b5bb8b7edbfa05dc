import { loadArtifactConfig } from './artifact-config';
import { ArtifactConfigError } from './artifact.errors';

const problems = (env: NodeJS.ProcessEnv) => {
  try {
    loadArtifactConfig(env);
  } catch (err) {
    if (err instanceof ArtifactConfigError) return err.problems.join('\n');
    throw err;
  }
  return '';
};

describe('artifact store configuration', () => {
  it('defaults to the local backend under <repo>/.raize/artifacts with 300 s links', () => {
    const c = loadArtifactConfig({ RAIZE_ENV: 'test' });
    expect(c.backend).toBe('local');
    expect(c.localDir).toMatch(/[/\\]\.raize[/\\]artifacts$/);
    expect(c.defaultUrlTtlSeconds).toBe(300);
    expect(c.maxBytes).toMatchObject({ image: 20 * 1024 * 1024, video: 500 * 1024 * 1024, text: 2 * 1024 * 1024 });
  });

  it('[C-46] refuses a default link lifetime above the maximum, and any lifetime above a day', () => {
    expect(problems({ RAIZE_ARTIFACTS_URL_TTL_SECONDS: '900', RAIZE_ARTIFACTS_URL_MAX_TTL_SECONDS: '600' })).toMatch(
      /must not exceed/,
    );
    expect(problems({ RAIZE_ARTIFACTS_URL_MAX_TTL_SECONDS: String(7 * 24 * 3600) })).toMatch(
      /RAIZE_ARTIFACTS_URL_MAX_TTL_SECONDS/,
    );
  });

  it('[C-15] MinIO needs an endpoint, both keys or neither, and https off loopback in production', () => {
    expect(problems({ RAIZE_ARTIFACTS_BACKEND: 'minio' })).toMatch(/RAIZE_MINIO_ENDPOINT: required/);
    expect(
      problems({
        RAIZE_ARTIFACTS_BACKEND: 'minio',
        RAIZE_MINIO_ENDPOINT: 'http://127.0.0.1:9000',
        RAIZE_MINIO_ACCESS_KEY: 'abc',
      }),
    ).toMatch(/set both or neither/);
    expect(
      problems({
        RAIZE_ENV: 'production',
        RAIZE_ARTIFACTS_BACKEND: 'minio',
        RAIZE_MINIO_ENDPOINT: 'http://minio:9000',
      }),
    ).toMatch(/https/);
    expect(
      problems({
        RAIZE_ENV: 'production',
        RAIZE_ARTIFACTS_BACKEND: 'minio',
        RAIZE_MINIO_ENDPOINT: 'https://minio:9000',
      }),
    ).toBe('');
  });

  it('names a bad size limit without echoing other settings', () => {
    const p = problems({ RAIZE_ARTIFACTS_MAX_VIDEO_BYTES: 'lots', RAIZE_MINIO_SECRET_KEY: 'super-secret-value' });
    expect(p).toMatch(/RAIZE_ARTIFACTS_MAX_VIDEO_BYTES/);
    expect(p).not.toContain('super-secret-value');
  });
});
