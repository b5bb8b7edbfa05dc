import { ConfigError } from './config-error';
import { DEV_SANDBOX_ADMIN_TOKEN, loadAppConfig, raizeEnv } from './app-config';
import { loadTemporalConfig, parseTemporalConfig } from './temporal-config';

describe('configuration', () => {
  it('applies defaults from temporal.yaml', () => {
    const c = loadAppConfig({ RAIZE_ENV: 'development' });
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

  /** Everything production demands, so each test below changes one thing. */
  const production = {
    DATABASE_URL: 'postgres://owner@db.internal/raize',
    DATABASE_APP_URL: 'postgres://raize_app@db.internal/raize',
    RAIZE_MASTER_KEY: 'a'.repeat(64),
  };
  const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
    try {
      loadAppConfig(env);
      return [];
    } catch (e) {
      return (e as ConfigError).problems;
    }
  };

  it('[C-15] is production when RAIZE_ENV is unset or empty, with every production check', () => {
    expect(raizeEnv({})).toBe('production');
    expect(raizeEnv({ RAIZE_ENV: '' })).toBe('production');
    expect(raizeEnv({ RAIZE_ENV: 'test' })).toBe('test');
    for (const env of [{}, { RAIZE_ENV: '' }]) {
      const problems = problemsOf(env);
      expect(problems).toEqual(
        expect.arrayContaining([
          'RAIZE_MASTER_KEY: required in production',
          'DATABASE_URL: required in production',
          'DATABASE_APP_URL: required in production (the raize_app role, never the owner)',
        ]),
      );
    }
    const c = loadAppConfig({ ...production, RAIZE_DEV_AUTH: undefined });
    expect(c.env).toBe('production');
    expect(c.devAuth).toBe(false);
    expect(problemsOf({ ...production, RAIZE_DEV_AUTH: '1' })).toEqual([
      'RAIZE_DEV_AUTH: development login must be off in production',
    ]);
  });

  it('[C-15] refuses NODE_ENV=production with any other RAIZE_ENV', () => {
    for (const other of ['development', 'test'])
      expect(problemsOf({ ...production, NODE_ENV: 'production', RAIZE_ENV: other })).toEqual([
        `RAIZE_ENV: NODE_ENV=production refuses RAIZE_ENV=${other}; unset it or set it to production`,
      ]);
    expect(loadAppConfig({ ...production, NODE_ENV: 'production' }).env).toBe('production');
    expect(loadAppConfig({ NODE_ENV: 'test', RAIZE_ENV: 'test' }).env).toBe('test');
  });

  it('[C-15] lets the sandbox into production only when enabled with an admin token of its own', () => {
    expect(loadAppConfig(production).sandbox.allowedInProduction).toBe(false);
    const refused = 'SANDBOX_ADMIN_TOKEN: RAIZE_SANDBOX_IN_PRODUCTION=1 needs an admin token of your own';
    expect(problemsOf({ ...production, RAIZE_SANDBOX_IN_PRODUCTION: '1' })).toEqual([refused]);
    expect(
      problemsOf({ ...production, RAIZE_SANDBOX_IN_PRODUCTION: '1', SANDBOX_ADMIN_TOKEN: DEV_SANDBOX_ADMIN_TOKEN }),
    ).toEqual([refused]);
    const c = loadAppConfig({
      ...production,
      RAIZE_SANDBOX_IN_PRODUCTION: '1',
      SANDBOX_ADMIN_TOKEN: 'own-admin-token',
    });
    expect(c.sandbox.allowedInProduction).toBe(true);
  });

  it("[C-01] the processes connect as the raize_app role, never as the owner: the user is swapped, the owner's password dropped", () => {
    const owner = 'postgres://postgres:owner-only-pw@db.internal:5432/raize';
    const config = loadAppConfig({ RAIZE_ENV: 'development', DATABASE_URL: owner });
    const app = new URL(config.databaseAppUrl);
    expect(config.databaseUrl).toBe(owner);
    // RLS binds raize_app only; the owner (a superuser here) would see every tenant's rows.
    expect(app.username).toBe('raize_app');
    expect(config.databaseAppUrl).not.toContain('owner-only-pw');
    expect(`${app.host}${app.pathname}`).toBe('db.internal:5432/raize');
  });
});
