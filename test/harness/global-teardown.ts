import { Client } from 'pg';
import type { RunningDevServer } from '../../deploy/local/temporal-dev-server';

export default async function globalTeardown(): Promise<void> {
  const h = (globalThis as { __raize?: { server: RunningDevServer; base: string; dbName: string } }).__raize;
  if (!h) return;
  await h.server.stop();
  if (process.env.RAIZE_KEEP_TEST_DB) return;
  const c = new Client({ connectionString: `${h.base}/postgres` });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${h.dbName}" WITH (FORCE)`);
  await c.end();
}
