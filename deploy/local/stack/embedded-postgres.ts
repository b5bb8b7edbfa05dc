import { mkdirSync } from 'node:fs';
import type { Extension, PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  port: number;
  version: string;
  stop(): Promise<void>;
}

/**
 * PGlite (Postgres compiled to WebAssembly) served over the Postgres wire protocol on 127.0.0.1, so the
 * API and worker processes connect to it with their usual `pg` driver. Only for a machine with no
 * Postgres at all: it runs inside the launcher's process and serialises every query through one backend.
 * Loaded lazily, so a launch against the machine's Postgres never pays for the wasm.
 */
export async function startEmbeddedPostgres(o: {
  dataDir: string;
  database: string;
  port?: number;
}): Promise<EmbeddedPostgres> {
  mkdirSync(o.dataDir, { recursive: true });
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  // A subpath export, which this repository's "node" module resolution cannot type: hence require.
  // The migrations create pgcrypto; PGlite has it only as a bundled extension.
  const { pgcrypto } = require('@electric-sql/pglite/contrib/pgcrypto') as { pgcrypto: Extension };
  const { PGLiteSocketServer: ServerClass } = await import('@electric-sql/pglite-socket');
  const db: PGlite = await PGliteClass.create({ dataDir: o.dataDir, extensions: { pgcrypto } });
  let server: PGLiteSocketServer | undefined;
  try {
    // Every process keeps a pool (TypeORM's default is 10 connections); the server multiplexes them onto
    // the single PGlite backend, keeping a client's open transaction to itself until it ends.
    server = new ServerClass({ db, host: '127.0.0.1', port: o.port ?? 0, maxConnections: 200 });
    await server.start();
    const port = Number(server.getServerConn().split(':').pop());
    const version =
      (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? 'unknown';
    const running = server;
    return {
      url: `postgres://postgres@127.0.0.1:${port}/${o.database}`,
      port,
      version,
      async stop() {
        await running.stop();
        await db.close();
      },
    };
  } catch (err) {
    await server?.stop().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}
