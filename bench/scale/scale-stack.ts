import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { stringify } from 'yaml';
import { ChildService } from '../../deploy/local/stack/child-service';
import type { RunningDevServer } from '../../deploy/local/temporal-dev-server';
import { startDevServer } from '../../deploy/local/temporal-dev-server';
import { freePort } from '../../deploy/local/free-port';
import { ensureArtifactUrlKey } from '../../services/core/artifacts/artifact-url-signer';
import type { AppConfig } from '../../services/core/config/app-config';
import { loadAppConfig } from '../../services/core/config/app-config';
import type { Lane, TemporalFileConfig } from '../../services/core/config/temporal-config';
import { LANES, loadTemporalConfig, workerHeapFlag } from '../../services/core/config/temporal-config';
import { migrate } from '../../services/core/database/migrate';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { repoRoot } from '../../services/core/util/repo-root';
import { toolPath } from '../../services/core/util/tool-path';
import type { RunningSandbox } from '../../services/sandbox/sandbox.server';
import { startSandbox } from '../../services/sandbox/sandbox.server';
import type { Cleanup } from '../episodes/bench-stack';
import { dropDatabase } from '../episodes/bench-stack';
import { ProcessCpu } from './process-cpu';

/** Which worker cache sizes a worker process runs with. */
export type CacheSettings = 'old' | 'new';

export interface ScaleStack {
  dataDir: string;
  /** the owner URL of the bench's own database */
  databaseUrl: string;
  databaseName: string;
  /** the Temporal dev server's file database (SQLite), its size is part of the cost */
  temporalDbFile: string;
  temporal: RunningDevServer;
  temporalConfig: TemporalFileConfig;
  sandbox: RunningSandbox;
  sandboxAdminToken: string;
  /** the bench process's view of the configuration the services run with (same data dir, database, keyring) */
  config: AppConfig;
  api: ChildService;
  graphqlUrl: string;
  /** the worker process running now, and the cache settings it was started with */
  worker: { service: ChildService; settings: CacheSettings } | undefined;
  /** stops the running worker (if any) and starts one with these cache settings */
  restartWorker(settings: CacheSettings): Promise<ChildService>;
  /** one more publish worker with the new settings beside the running one (the caller stops it; cleanup does too) */
  startExtraWorker(n: number): Promise<ChildService>;
}

/**
 * The old settings as a temporal.yaml of their own: every lane caches as many workflows as it has workflow slots,
 * which is what createLaneWorkers did before workerCache existed. The worker reads it through RAIZE_TEMPORAL_FILE.
 */
function writeOldSettingsFile(dir: string, cfg: TemporalFileConfig): string {
  const file = join(dir, 'temporal.old-cache.yaml');
  const workerCache = Object.fromEntries(
    LANES.map((l: Lane) => [l, { cachedWorkflows: cfg.workerSlots[l].workflows }]),
  ) as TemporalFileConfig['workerCache'];
  writeFileSync(file, stringify({ ...cfg, workerCache }));
  return file;
}

/**
 * Raize as the stack runs it, on free ports: the Temporal dev server with a file database, a fresh Postgres
 * database, the sandbox platform (in this process: it only serves the burst), and the API and the publish lane's
 * worker as processes of their own, forked from dist/ like the stack forks them. Everything is undone by `cleanup`.
 */
export async function startScaleStack(cleanup: Cleanup, tag: string): Promise<ScaleStack> {
  const dataDir = mkdtempSync(join(tmpdir(), `raize-scale-${tag}-`));
  cleanup.add('remove data dir', () => {
    if (!process.env.RAIZE_BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });
  });
  const temporalConfig = loadTemporalConfig();
  const temporalDbFile = join(dataDir, 'temporal.sqlite');
  const temporal = await startDevServer({
    bin: toolPath('temporal'),
    config: temporalConfig,
    ip: '127.0.0.1',
    port: await freePort(),
    headless: true,
    dbFile: temporalDbFile,
    // SQLite's default rollback journal syncs every commit of the dev server's one connection: at 1,000 accounts and
    // a few thousand workflows its persistence calls ran past their deadlines and scheduling fell to ~4 posts/s
    // (docs/benchmarks.md). A write-ahead log syncs at checkpoints; a crash of the process loses nothing committed.
    sqlitePragmas: { journal_mode: 'wal', synchronous: 'normal' },
    logFile: join(dataDir, 'temporal.log'),
  });
  cleanup.add('stop Temporal dev server', () => temporal.stop());

  const server = (process.env.RAIZE_BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
  const databaseName = `raize_bench_scale_${tag}`;
  const databaseUrl = `${server}/${databaseName}`;
  cleanup.add(`drop database ${databaseName}`, () => dropDatabase(server, databaseName));
  await migrate(databaseUrl);

  const sandboxAdminToken = `scale-admin-${tag}`;
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    adminToken: sandboxAdminToken,
    // The burst's posts are read back once each; a day keeps every token of the run valid.
    accessTokenTtlSeconds: 24 * 3600,
    onError: () => undefined,
  });
  cleanup.add('close sandbox', () => sandbox.close());

  const apiPort = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    RAIZE_ENV: 'development',
    RAIZE_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporal.address,
    TEMPORAL_NAMESPACE: temporalConfig.namespace,
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    SANDBOX_URL: sandbox.url,
    SANDBOX_ADMIN_TOKEN: sandboxAdminToken,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // The bench times the calendar and the queue back to back, thousands of calls a minute from one operator: the
    // per-operator budget (C-10) is a protection this bench is not about.
    RAIZE_RATE_LIMIT_PER_MINUTE: '1000000',
    RAIZE_RATE_LIMIT_IP_PER_MINUTE: '1000000',
  };
  const config = loadAppConfig(env);
  // Generated here once, as the stack does: the API and the worker starting side by side would race to create them.
  await ensureArtifactUrlKey(createSecrets(config));

  const dist = (p: string) => join(repoRoot(), 'dist', p);
  const logDir = join(dataDir, 'logs');
  const api = new ChildService({
    name: 'api',
    script: dist('services/api/main.js'),
    env: { ...env, RAIZE_SERVICE: 'raize-api' },
    logFile: join(logDir, 'api.log'),
    readiness: { kind: 'http', url: `http://127.0.0.1:${apiPort}/health` },
    timeoutMs: 180_000,
  });
  cleanup.add('stop API', () => api.stop());
  await api.start();

  const oldSettingsFile = writeOldSettingsFile(dataDir, temporalConfig);
  const workerService = (settings: CacheSettings, name: string) =>
    new ChildService({
      name,
      script: dist('services/worker/main.js'),
      env: {
        ...env,
        RAIZE_SERVICE: 'raize-worker',
        // The publish lane holds every scheduled post; the other lanes need the tool gateway and hold none.
        RAIZE_LANES: 'publish',
        // Bundled by the first worker, read by the next: a restart measures the worker, not webpack.
        RAIZE_WORKFLOW_BUNDLE: join(dataDir, 'workflow-bundle.js'),
        // The old settings had neither the cache sizes nor the heap limit; the new ones start the worker with
        // temporal.yaml's workerProcess heap flag, as a deployment does.
        ...(settings === 'old'
          ? { RAIZE_TEMPORAL_FILE: oldSettingsFile }
          : { NODE_OPTIONS: workerHeapFlag(temporalConfig) }),
      },
      logFile: join(logDir, `${name}.log`),
      readiness: { kind: 'signal', logPattern: /"msg":"worker started"/ },
      timeoutMs: 300_000,
    });
  const stack: ScaleStack = {
    dataDir,
    databaseUrl,
    databaseName,
    temporalDbFile,
    temporal,
    temporalConfig,
    sandbox,
    sandboxAdminToken,
    config,
    api,
    graphqlUrl: `http://127.0.0.1:${apiPort}/graphql`,
    worker: undefined,
    async restartWorker(settings) {
      await stack.worker?.service.stop();
      const service = workerService(settings, `worker-${settings}`);
      stack.worker = { service, settings };
      await service.start();
      return service;
    },
    async startExtraWorker(n) {
      const service = workerService('new', `worker-extra-${n}`);
      cleanup.add(`stop extra worker ${n}`, () => service.stop());
      await service.start();
      return service;
    },
  };
  cleanup.add('stop worker', () => stack.worker?.service.stop());
  return stack;
}

/** CPU of the services and of Postgres' backends serving the bench's database. */
export function stackCpu(
  stack: ScaleStack,
  owner: DataSource,
  processes?: Record<string, number | undefined>,
): ProcessCpu {
  return new ProcessCpu(
    () => processes ?? { api: stack.api.pid, worker: stack.worker?.service.pid, temporal: stack.temporal.process.pid },
    async () =>
      (
        await owner.query<{ pid: number }[]>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [
          stack.databaseName,
        ])
      ).map((r) => r.pid),
  );
}
