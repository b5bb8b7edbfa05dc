import { ConfigError } from './config-error';
import { loadAppConfig } from './app-config';
import { loadTemporalConfig, parseTemporalConfig } from './temporal-config';

describe('configuration', () => {
  it('applies defaults from temporal.yaml', () => {
    const c = loadAppConfig({});
    const t = loadTemporalConfig();
    expect(c.temporal.namespace).toBe(t.namespace);
    expect(c.temporal.address).toBe(`${t.devServer.ip}:${t.devServer.port}`);
    expect(c.env).toBe('development');
  });

  it('names every invalid variable without echoing secret values', () => {
    let err: unknown;
    try {
      loadAppConfig({ API_PORT: 'eighty', DATABASE_URL: 'not a url', RAIZE_MASTER_KEY: 'hunter2-secret' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const msg = (err as ConfigError).message;
    expect(msg).toMatch(/API_PORT/);
    expect(msg).toMatch(/DATABASE_URL/);
    expect(msg).toMatch(/RAIZE_MASTER_KEY/);
    expect(msg).not.toContain('hunter2-secret');
  });

  it('[C-15] refuses production without a master key', () => {
    expect(() => loadAppConfig({ RAIZE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db' })).toThrow(/RAIZE_MASTER_KEY: required in production/);
  });

  it('rejects a temporal.yaml that misses a lane, with the path of the problem', () => {
    expect(() => parseTemporalConfig('namespace: raize\ntaskQueues: { publish: p }\n')).toThrow(/taskQueues\.engagement/);
    expect(() => parseTemporalConfig('a: [')).toThrow(/not valid YAML/);
  });
});
