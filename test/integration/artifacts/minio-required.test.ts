import { minioSuiteMode, REQUIRE_MINIO_VARIABLE } from '../../harness/minio-server';

describe('the MinIO half of the artifact suites', () => {
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
