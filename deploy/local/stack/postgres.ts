import { join } from 'node:path';
import { canConnect } from '../../../services/core/database/ensure-database';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface StackPostgres {
  kind: 'machine' | 'embedded';
  /** the DATABASE_URL every process of the stack uses */
  url: string;
  /** the application role's URL (row-level security applies to it), when the launcher decides it */
  appUrl?: string;
  /** one line for the progress log and the summary */
  description: string;
  stop(): Promise<void>;
}

function withUser(url: string, user: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = '';
  return u.toString();
}

/** A URL fit to print: no password. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * DATABASE_URL (default: the machine's Postgres on 127.0.0.1:5432) when a server answers there; with no
 * Postgres answering at all, an embedded one whose data lives in <dataDir>/pglite so the demo's history
 * survives a restart just like Temporal's. RAIZE_EMBEDDED_POSTGRES=1 picks the embedded one regardless.
 */
export async function ensurePostgres(o: {
  databaseUrl: string;
  dataDir: string;
  forceEmbedded: boolean;
  onNote?: (m: string) => void;
}): Promise<StackPostgres> {
  if (!o.forceEmbedded) {
    if (await canConnect(o.databaseUrl)) {
      return {
        kind: 'machine',
        url: o.databaseUrl,
        description: `the machine's Postgres at ${redactUrl(o.databaseUrl)}`,
        stop: async () => undefined,
      };
    }
    o.onNote?.(`no Postgres answers at ${redactUrl(o.databaseUrl)}; falling back to an embedded one (PGlite)`);
  }
  const database = new URL(o.databaseUrl).pathname.replace(/^\//, '') || 'raize';
  const dir = join(o.dataDir, 'pglite');
  const embedded = await startEmbeddedPostgres({ dataDir: dir, database });
  return {
    kind: 'embedded',
    url: embedded.url,
    appUrl: withUser(embedded.url, 'raize_app'),
    description: `embedded Postgres ${embedded.version} (PGlite, in the launcher's process) at ${redactUrl(embedded.url)}, data in ${dir}`,
    stop: () => embedded.stop(),
  };
}
