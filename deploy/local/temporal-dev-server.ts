import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Connection } from '@temporalio/client';
import type { TemporalFileConfig } from '../../services/core/config/temporal-config';

export interface DevServerOptions {
  bin: string;
  config: TemporalFileConfig;
  ip?: string;
  port?: number;
  uiPort?: number;
  /** a file-backed SQLite store (survives restarts); in-memory when absent */
  dbFile?: string;
  /** `--sqlite-pragma name=value` for the file store (the scale bench's write-ahead log) */
  sqlitePragmas?: Record<string, string>;
  headless?: boolean;
  logFile?: string;
  /** an endpoint Temporal Web asks to decode payloads */
  codecEndpoint?: string;
}

export interface RunningDevServer {
  address: string;
  uiUrl: string | null;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `temporal server start-dev` with the namespace and search attributes of temporal.yaml. */
export async function startDevServer(o: DevServerOptions, timeoutMs = 60_000): Promise<RunningDevServer> {
  const ip = o.ip ?? o.config.devServer.ip;
  const port = o.port ?? o.config.devServer.port;
  const uiPort = o.uiPort ?? o.config.devServer.uiPort;
  const args = [
    'server',
    'start-dev',
    '--ip',
    ip,
    '--port',
    String(port),
    '--namespace',
    o.config.namespace,
    '--log-level',
    'warn',
  ];
  for (const [name, type] of Object.entries(o.config.searchAttributes))
    args.push('--search-attribute', `${name}=${type}`);
  if (o.dbFile) {
    mkdirSync(dirname(o.dbFile), { recursive: true });
    args.push('--db-filename', o.dbFile);
    for (const [name, value] of Object.entries(o.sqlitePragmas ?? {})) args.push('--sqlite-pragma', `${name}=${value}`);
  }
  if (o.headless) args.push('--headless');
  else args.push('--ui-port', String(uiPort), '--ui-ip', ip);
  if (o.codecEndpoint) args.push('--ui-codec-endpoint', o.codecEndpoint);
  const child = spawn(o.bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (o.logFile) {
    mkdirSync(dirname(o.logFile), { recursive: true });
    const log = createWriteStream(o.logFile, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  let exited: number | null = null;
  let spawnError: Error | null = null;
  child.on('exit', (code) => (exited = code ?? -1));
  child.on('error', (err) => {
    spawnError = err;
    exited = -1;
  });
  const address = `${ip}:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (spawnError)
      throw new Error(
        `the Temporal dev server could not start (${(spawnError as Error).message}); build it with: bash deploy/tools/build-tools.sh`,
      );
    if (exited !== null) throw new Error(`the Temporal dev server exited with code ${exited} (is port ${port} taken?)`);
    try {
      const conn = await Connection.connect({ address, connectTimeout: 1000 });
      try {
        await conn.workflowService.describeNamespace({ namespace: o.config.namespace });
        break;
      } finally {
        await conn.close();
      }
    } catch (err) {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`the Temporal dev server did not become healthy on ${address}: ${(err as Error).message}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  return {
    address,
    uiUrl: o.headless ? null : `http://${ip}:${uiPort}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited !== null) return resolve();
        const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
