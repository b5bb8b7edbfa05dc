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
    expect(() => loadAppConfig({ RAIZE_ENV: 'production', DATABASE_URL: 'postgres://x@h/db' })).toThrow(
      /RAIZE_MASTER_KEY: required in production/,
    );
  });

  it('rejects a temporal.yaml that misses a lane, with the path of the problem', () => {
    expect(() => parseTemporalConfig('namespace: raize\ntaskQueues: { publish: p }\n')).toThrow(
      /taskQueues\.engagement/,
    );
    expect(() => parseTemporalConfig('a: [')).toThrow(/not valid YAML/);
  });

  it('[C-15] refuses production with development defaults still set, naming each', () => {
    let msg = '';
    try {
      loadAppConfig({
        RAIZE_ENV: 'production',
        DATABASE_URL: 'postgres://x@h/db',
        RAIZE_DEV_AUTH: '1',
        SANDBOX_URL: 'http://s',
      });
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toMatch(/RAIZE_MASTER_KEY: required in production/);
    expect(msg).toMatch(/DATABASE_APP_URL: required in production/);
    expect(msg).toMatch(/RAIZE_DEV_AUTH: development login must be off/);
    expect(msg).toMatch(/SANDBOX_OAUTH_CLIENT_SECRET/);
  });

  it('[C-15] keeps the development sign-in header off outside tests unless asked for, and always in production', () => {
    expect(loadAppConfig({ RAIZE_ENV: 'development' }).devAuth).toBe(false);
    expect(loadAppConfig({ RAIZE_ENV: 'development', RAIZE_DEV_AUTH: '1' }).devAuth).toBe(true);
    expect(loadAppConfig({ RAIZE_ENV: 'test' }).devAuth).toBe(true);
  });

  it('[C-01] derives the application role URL from the owner URL', () => {
    expect(loadAppConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/raize' }).databaseAppUrl).toBe(
      'postgres://raize_app@127.0.0.1:5432/raize',
    );
  });
});
