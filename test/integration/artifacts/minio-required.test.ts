import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minioSuiteMode, REQUIRE_MINIO_VARIABLE } from '../../harness/minio-server';

const ciLines = () =>
  readFileSync(join(__dirname, '..', '..', '..', '.ci', 'run'), 'utf8')
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('#'));

describe('the MinIO half of the artifact suites', () => {
  it('[C-46] .ci/run builds MinIO and exports RAIZE_REQUIRE_MINIO=1 before the test command', () => {
    const ci = ciLines();
    const build = ci.findIndex((l) => l.includes('bash deploy/tools/build-minio.sh'));
    const required = ci.findIndex((l) => l.trim() === `export ${REQUIRE_MINIO_VARIABLE}=1`);
    const test = ci.findIndex((l) => l.trim() === 'npm test');
    expect(build).toBeGreaterThanOrEqual(0);
    expect(required).toBeGreaterThan(build);
    expect(test).toBeGreaterThan(required);
  });

  it('with RAIZE_REQUIRE_MINIO=1 a missing binary fails the suite; without it, it skips with the reason', () => {
    const missing = { PATH: '', RAIZE_BIN_DIR: '/nonexistent', RAIZE_MINIO_BIN: '/nonexistent/minio' };
    expect(minioSuiteMode({ ...missing, [REQUIRE_MINIO_VARIABLE]: '1' })).toEqual({
      fail: expect.stringContaining('RAIZE_MINIO_BIN=/nonexistent/minio does not exist') as unknown,
    });
    expect(minioSuiteMode(missing)).toEqual({ skip: expect.stringContaining('build-minio.sh') as unknown });
    expect(minioSuiteMode({ PATH: '', RAIZE_BIN_DIR: '/nonexistent' })).toEqual({
      skip: expect.stringContaining('/nonexistent/minio') as unknown,
    });
  });
});
