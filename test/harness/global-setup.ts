import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTemporalConfig } from '../../services/core/config/temporal-config';
import { migrate } from '../../services/core/database/migrate';
import { startDevServer } from '../../deploy/local/temporal-dev-server';
import { freePort } from '../../deploy/local/free-port';
import { toolPath } from '../../services/core/util/tool-path';
import { buildWorkflowBundle } from '../../services/worker/workflow-bundle';
import { createDataSource } from '../../services/core/database/data-source';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { signRegistry } from '../../services/gateway/registry/sign-registry';
import { TOOL_HANDLERS } from '../../services/gateway/tools';

/**
 * One real Temporal dev server (in memory, free ports) and one fresh Postgres database for the whole
 * integration run; each test then uses a task queue of its own.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const config = loadTemporalConfig();
  const port = await freePort();
  const server = await startDevServer({ bin: toolPath('temporal'), config, port, headless: true, ip: '127.0.0.1' });
  const dbName = `raize_it_${process.pid}_${Date.now().toString(36)}`;
  const base = process.env.RAIZE_TEST_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
  const databaseUrl = `${base}/${dbName}`;
  await migrate(databaseUrl);
  const bundle = await buildWorkflowBundle(join(tmpdir(), `${dbName}-workflows.js`));
  // Secrets written outside a test stack (the audit chain's key and checkpoints, by the bootstrap) go to a
  // keyring of this run, never to the developer's <repo>/.raize; each stack still sets a directory of its own.
  const runDataDir = mkdtempSync(join(tmpdir(), 'raize-it-data-'));
  // The tool registry is signed once, as the bootstrap does it: the owner connection (the app role may only read it)
  // and the run's keyring, whose signing key each stack's gateway gets a copy of (test/harness/test-gateway.ts).
  const owner = createDataSource(databaseUrl, { poolSize: 1, applicationName: 'raize-test-setup' });
  await owner.initialize();
  try {
    await signRegistry(
      owner,
      createSecrets({ dataDir: runDataDir, masterKey: process.env.RAIZE_MASTER_KEY }),
      TOOL_HANDLERS,
    );
  } finally {
    await owner.destroy();
  }
  Object.assign(process.env, {
    RAIZE_ENV: 'test',
    RAIZE_TEST_TEMPORAL_ADDRESS: server.address,
    RAIZE_TEST_NAMESPACE: config.namespace,
    RAIZE_TEST_DATABASE_URL: databaseUrl,
    RAIZE_TEST_WORKFLOW_BUNDLE: bundle,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: server.address,
    RAIZE_DATA_DIR: runDataDir,
    RAIZE_TEST_RUN_DATA_DIR: runDataDir,
    // the run keyring's own master key (empty: the one generated beside it); a stack may set another RAIZE_MASTER_KEY
    RAIZE_TEST_RUN_MASTER_KEY: process.env.RAIZE_MASTER_KEY ?? '',
  });
  (globalThis as { __raize?: unknown }).__raize = { server, databaseUrl, base, dbName };
  writeFileSync(join(tmpdir(), 'raize-it-last.json'), JSON.stringify({ temporal: server.address, databaseUrl }));
  process.stderr.write(
    `\n[harness] Temporal ${server.address}, database ${dbName}, bundle ready in ${Date.now() - started} ms\n`,
  );
}
