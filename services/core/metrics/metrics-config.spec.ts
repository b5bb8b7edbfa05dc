import type { ConfigError } from '../config/config-error';
import { loadAppConfig } from '../config/app-config';

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

describe('metrics configuration', () => {
  it('[C-15] refuses a production worker metrics port without a scrape token', () => {
    expect(problemsOf({ ...production, RAIZE_METRICS_PORT: '9464' })).toEqual([
      'RAIZE_METRICS_TOKEN: required in production when RAIZE_METRICS_PORT is set (docs/metrics.md)',
    ]);
    expect(problemsOf({ ...production, RAIZE_METRICS_PORT: '9464', RAIZE_METRICS_TOKEN: 't'.repeat(32) })).toEqual([]);
    expect(problemsOf({ RAIZE_ENV: 'development', RAIZE_METRICS_PORT: '9464' })).toEqual([]);
  });

  it('refuses a short scrape token, without echoing it', () => {
    const problems = problemsOf({ RAIZE_ENV: 'development', RAIZE_METRICS_TOKEN: 'short-secret' });
    expect(problems.join()).toMatch(/RAIZE_METRICS_TOKEN: must be at least 32 characters/);
    expect(problems.join()).not.toContain('short-secret');
  });

  it('binds the worker metrics to the loopback interface unless told otherwise', () => {
    const c = loadAppConfig({ RAIZE_ENV: 'development', RAIZE_METRICS_PORT: '9464' });
    expect(c.observability).toMatchObject({ metricsPort: 9464, metricsHost: '127.0.0.1' });
    expect(loadAppConfig({ RAIZE_ENV: 'development', RAIZE_METRICS_HOST: '0.0.0.0' }).observability.metricsHost).toBe(
      '0.0.0.0',
    );
  });
});
