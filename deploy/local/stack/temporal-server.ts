import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TemporalFileConfig } from '../../../services/core/config/temporal-config';
import { freePort } from '../free-port';
import type { RunningDevServer } from '../temporal-dev-server';
import { startDevServer } from '../temporal-dev-server';
import { startTemporalWebFront } from './temporal-web-front';

/**
 * Ctrl-C in a terminal signals the whole foreground process group at once, so the dev server would die
 * while the worker is still draining its tasks against it. Run through this wrapper, the CLI gets a
 * session of its own (same pid, thanks to exec) and only hears from the launcher, which stops it last.
 * Written at run time so that it needs no executable bit from the checkout.
 */
function ownSessionWrapper(runDir: string, realBin: string): string {
  mkdirSync(runDir, { recursive: true });
  const file = join(runDir, 'temporal-own-session.sh');
  const quoted = `'${realBin.replace(/'/g, `'\\''`)}'`;
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      '# Written by deploy/local/stack/temporal-server.ts on every start; edits are lost.',
      `if command -v setsid >/dev/null 2>&1; then exec setsid ${quoted} "$@"; fi`,
      `exec ${quoted} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
  return file;
}

export interface StackTemporal {
  server: RunningDevServer;
  address: string;
  uiUrl: string;
  dbFile: string;
  logFile: string;
}

/**
 * The dev server with temporal.yaml's namespace, search attributes and ports, history kept in SQLite. Temporal
 * Web answers on devServer.uiPort through a front that has it send the engineer's cookie to the codec endpoint
 * (temporal-web-front.ts); the dev server's own UI listens on a free inner port behind it.
 */
export async function startStackTemporal(o: {
  bin: string;
  config: TemporalFileConfig;
  dataDir: string;
  logDir: string;
  runDir: string;
  codecEndpoint?: string;
}): Promise<StackTemporal> {
  const dbFile = join(o.dataDir, 'temporal.sqlite');
  const logFile = join(o.logDir, 'temporal.log');
  const { ip, uiPort } = o.config.devServer;
  const inner = await startDevServer(
    {
      bin: ownSessionWrapper(o.runDir, o.bin),
      config: o.config,
      dbFile,
      logFile,
      codecEndpoint: o.codecEndpoint,
      uiPort: await freePort(),
    },
    90_000,
  );
  const web = await startTemporalWebFront({ host: ip, port: uiPort, upstream: inner.uiUrl! }).catch(
    async (err: Error) => {
      await inner.stop();
      throw new Error(`Temporal Web could not listen on ${ip}:${uiPort}: ${err.message}`);
    },
  );
  const server: RunningDevServer = {
    ...inner,
    uiUrl: web.url,
    stop: async () => {
      await web.close();
      await inner.stop();
    },
  };
  return { server, address: server.address, uiUrl: web.url, dbFile, logFile };
}
