import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import type { TemporalFileConfig } from '../../services/core/config/temporal-config';
import { loadTemporalConfig } from '../../services/core/config/temporal-config';
import { migrate } from '../../services/core/database/migrate';
import type { RunningDevServer } from '../../deploy/local/temporal-dev-server';
import { startDevServer } from '../../deploy/local/temporal-dev-server';
import { freePort } from '../../deploy/local/free-port';
import { toolPath } from '../../services/core/util/tool-path';
import type { RunningSandbox } from '../../services/sandbox/sandbox.server';
import { startSandbox } from '../../services/sandbox/sandbox.server';

/** Undo steps run last-in first-out; each one is tried even when an earlier one failed. */
export class Cleanup {
  private readonly steps: { name: string; fn: () => Promise<void> | void }[] = [];

  add(name: string, fn: () => Promise<void> | void): void {
    this.steps.push({ name, fn });
  }

  async run(): Promise<string[]> {
    const problems: string[] = [];
    while (this.steps.length) {
      const step = this.steps.pop()!;
      try {
        await withTimeout(Promise.resolve().then(step.fn), 30_000, `cleanup: ${step.name}`);
      } catch (err) {
        problems.push(`${step.name}: ${(err as Error).message}`);
      }
    }
    return problems;
  }
}

export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export interface BenchStack {
  temporalConfig: TemporalFileConfig;
  temporal: RunningDevServer;
  databaseUrl: string;
  databaseName: string;
  sandbox: RunningSandbox;
  sandboxAdminToken: string;
  dataDir: string;
}

/**
 * Everything the benchmark runs against, on 127.0.0.1 only: an in-memory Temporal dev server on a free
 * port, a fresh database (dropped at the end), the sandbox platform in this process and a temp data dir
 * for the keyring. Each piece registers its own undo step as soon as it exists.
 */
export async function startBenchStack(cleanup: Cleanup, tag: string): Promise<BenchStack> {
  const dataDir = mkdtempSync(join(tmpdir(), `raize-bench-${tag}-`));
  cleanup.add('remove data dir', () => {
    if (!process.env.RAIZE_BENCH_KEEP) rmSync(dataDir, { recursive: true, force: true });
  });

  const temporalConfig = loadTemporalConfig();
  const temporal = await startDevServer({
    bin: toolPath('temporal'),
    config: temporalConfig,
    ip: '127.0.0.1',
    port: await freePort(),
    headless: true,
    logFile: join(dataDir, 'temporal.log'),
  });
  cleanup.add('stop Temporal dev server', () => temporal.stop());

  const server = (
    process.env.RAIZE_BENCH_DATABASE_SERVER ??
    process.env.RAIZE_TEST_DATABASE_SERVER ??
    'postgres://postgres@127.0.0.1:5432'
  ).replace(/\/+$/, '');
  const databaseName = `raize_bench_${tag}`;
  const databaseUrl = `${server}/${databaseName}`;
  // Registered before migrate(): a migration that fails half-way still leaves a database to drop.
  cleanup.add(`drop database ${databaseName}`, () => dropDatabase(server, databaseName));
  await migrate(databaseUrl);

  const sandboxAdminToken = `bench-admin-${tag}`;
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', adminToken: sandboxAdminToken });
  cleanup.add('close sandbox', () => sandbox.close());

  return { temporalConfig, temporal, databaseUrl, databaseName, sandbox, sandboxAdminToken, dataDir };
}

/** Drops a bench's database (kept with RAIZE_BENCH_KEEP=1). */
export async function dropDatabase(server: string, name: string): Promise<void> {
  if (process.env.RAIZE_BENCH_KEEP) return;
  const c = new PgClient({ connectionString: `${server}/postgres`, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await c.end();
  }
}
