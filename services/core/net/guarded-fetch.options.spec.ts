import { fetchOptionsFromEnv, resolveOptions } from './guarded-fetch.options';

describe('guarded fetch options (C-35)', () => {
  it('[C-35] opens nothing by default: https only, no private range', () => {
    expect(fetchOptionsFromEnv({})).toEqual({ allowHttp: false, allowPrivate: [] });
    const o = resolveOptions();
    expect(o).toMatchObject({
      allowHttp: false,
      allowPrivate: [],
      maxBytes: 10 * 1024 * 1024,
      timeoutMs: 10_000,
      maxRedirects: 5,
    });
  });

  it('reads the deployment allowlist and refuses a bad range at start-up', () => {
    expect(
      fetchOptionsFromEnv({ RAIZE_FETCH_ALLOW_HTTP: '1', RAIZE_FETCH_ALLOW_PRIVATE: '10.20.0.0/16, 127.0.0.1' }),
    ).toEqual({
      allowHttp: true,
      allowPrivate: ['10.20.0.0/16', '127.0.0.1'],
    });
    expect(() => fetchOptionsFromEnv({ RAIZE_FETCH_ALLOW_PRIVATE: '10.0.0.0/99' })).toThrow('CIDR');
    expect(() => fetchOptionsFromEnv({ RAIZE_FETCH_ALLOW_HTTP: 'yes' })).toThrow();
  });

  it('[C-35] lets a caller follow fewer redirects, never more than 5', () => {
    expect(resolveOptions({ maxRedirects: 50 }).maxRedirects).toBe(5);
    expect(resolveOptions({ maxRedirects: 0 }).maxRedirects).toBe(0);
    expect(resolveOptions({ maxBytes: -1, timeoutMs: Number.NaN })).toMatchObject({
      maxBytes: 10 * 1024 * 1024,
      timeoutMs: 10_000,
    });
  });
});
