import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { ensureArtifactUrlKey } from '../../../services/core/artifacts/artifact-url-signer';
import { createSecrets } from '../../../services/core/secrets/create-secrets';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../../deploy/local/free-port';
import { DEV_SANDBOX_ADMIN_TOKEN } from '../../../services/core/config/app-config';
import { repoRoot } from '../../../services/core/util/repo-root';

const dist = (...p: string[]) => join(repoRoot(), 'dist', 'services', ...p);
const MAINS = { api: dist('api', 'main.js'), worker: dist('worker', 'main.js'), sandbox: dist('sandbox', 'main.js') };

interface Started {
  code: number | null;
  output: string;
}

/**
 * Starts a built process with exactly `env` (plus PATH) and waits until it exits or prints `readyLine`; then it
 * is stopped. Production refusals happen before anything listens, so they end the process by themselves.
 */
function start(main: string, env: Record<string, string>, readyLine?: RegExp): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = fork(main, [], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${main} neither exited nor got ready in 30 s; output:\n${output}`));
    }, 30_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      if (readyLine?.test(output)) child.kill('SIGTERM');
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('production is the default, and fails closed (C-15)', () => {
  beforeAll(() => {
    for (const main of Object.values(MAINS))
      if (!existsSync(main)) throw new Error(`${main} is missing: build first (npx tsc -p tsconfig.build.json)`);
  });
  // Everything a development process needs to start; no RAIZE_ENV.
  const base = () => ({
    DATABASE_URL: process.env.RAIZE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/raize',
    SANDBOX_PORT: '0',
    LOG_LEVEL: 'error',
  });

  it('[C-15] the API and the worker started without RAIZE_ENV apply the production checks and refuse to run', async () => {
    for (const [name, main] of [
      ['api', MAINS.api],
      ['worker', MAINS.worker],
    ]) {
      const r = await start(main, base());
      expect(r.code).toBe(1);
      expect(r.output).toContain(`${name} failed to start`);
      expect(r.output).toContain('RAIZE_MASTER_KEY: required in production');
      expect(r.output).toContain('DATABASE_APP_URL: required in production');
    }
  });

  it('[C-15] NODE_ENV=production with another RAIZE_ENV refuses to start', async () => {
    for (const raizeEnv of ['development', 'test']) {
      const r = await start(MAINS.api, { ...base(), NODE_ENV: 'production', RAIZE_ENV: raizeEnv });
      expect(r.code).toBe(1);
      expect(r.output).toContain(`RAIZE_ENV: NODE_ENV=production refuses RAIZE_ENV=${raizeEnv}`);
    }
  });

  it('[C-15] a production API and worker refuse the sandbox as a connector unless enabled with an admin token of their own', async () => {
    const production = {
      ...base(),
      DATABASE_URL: process.env.RAIZE_TEST_DATABASE_URL!,
      DATABASE_APP_URL: process.env.RAIZE_TEST_DATABASE_URL!.replace('postgres@', 'raize_app@'),
      RAIZE_MASTER_KEY: randomBytes(32).toString('hex'),
      RAIZE_DATA_DIR: mkdtempSync(join(tmpdir(), 'raize-prod-')),
      SANDBOX_OAUTH_CLIENT_SECRET: 'prod-secret-for-test',
      TEMPORAL_ADDRESS: process.env.RAIZE_TEST_TEMPORAL_ADDRESS!,
      TEMPORAL_NAMESPACE: process.env.RAIZE_TEST_NAMESPACE!,
      RAIZE_WORKFLOW_BUNDLE: process.env.RAIZE_TEST_WORKFLOW_BUNDLE!,
      RAIZE_LANES: 'publish',
      API_PORT: String(await freePort()),
      RAIZE_SMTP_URL: 'smtps://smtp.agency.example:465',
      RAIZE_MAIL_FROM: 'Agency reviews <reviews@agency.example>',
    };
    // Provisioned as an operator does before a first production start (`npm run keys -- provision-artifact-url-key`).
    await ensureArtifactUrlKey(
      createSecrets({ masterKey: production.RAIZE_MASTER_KEY, dataDir: production.RAIZE_DATA_DIR }),
    );
    const emulator = 'sandbox: the Sandbox platform is a local emulator, refused as a production connector';
    for (const main of [MAINS.api, MAINS.worker]) {
      const refused = await start(main, production);
      expect(refused.code).toBe(1);
      expect(refused.output).toContain(emulator);
    }
    const devToken = await start(MAINS.api, {
      ...production,
      RAIZE_SANDBOX_IN_PRODUCTION: '1',
      SANDBOX_ADMIN_TOKEN: DEV_SANDBOX_ADMIN_TOKEN,
    });
    expect(devToken.code).toBe(1);
    expect(devToken.output).toContain(
      'SANDBOX_ADMIN_TOKEN: RAIZE_SANDBOX_IN_PRODUCTION=1 needs an admin token of your own',
    );
    // Enabled explicitly, with a token of its own: the API starts (and is stopped once it listens).
    const enabled = await start(
      MAINS.api,
      {
        ...production,
        RAIZE_SANDBOX_IN_PRODUCTION: '1',
        SANDBOX_ADMIN_TOKEN: 'an-admin-token-of-its-own',
        LOG_LEVEL: 'info',
      },
      /api listening on/,
    );
    expect(enabled.output).not.toContain(emulator);
    expect(enabled.output).toMatch(/api listening on/);
  });

  it('[C-15] the sandbox server refuses to start in production mode, and starts in development', async () => {
    const productionModes: Record<string, string>[] = [
      {},
      { RAIZE_ENV: 'production' },
      { RAIZE_ENV: 'development', NODE_ENV: 'production' },
    ];
    for (const env of productionModes) {
      const r = await start(MAINS.sandbox, { ...base(), ...env });
      expect(r.code).toBe(1);
      expect(r.output).toContain('the sandbox platform is a local emulator and refuses to start in production mode');
      expect(r.output).not.toMatch(/listening/);
    }
    const dev = await start(MAINS.sandbox, { ...base(), RAIZE_ENV: 'development' }, /\[sandbox\] listening on/);
    expect(dev.output).toMatch(/\[sandbox\] listening on http:\/\/127\.0\.0\.1:\d+/);
  });
});
