import { statSync } from 'node:fs';
import type { DataSource } from 'typeorm';

const MB = 1024 * 1024;
const round1 = (v: number) => Math.round(v * 10) / 10;

export interface StorageSizes {
  /** pg_database_size of the bench's database */
  database_mb: number;
  /** the biggest tables with their indexes and TOAST */
  tables_mb: Record<string, number>;
  /** the Temporal dev server's SQLite file with its write-ahead log */
  temporal_db_mb: number;
  publish_jobs: number;
  audit_events: number;
}

function fileMb(path: string): number {
  try {
    return statSync(path).size / MB;
  } catch {
    return 0;
  }
}

export async function storageSizes(
  ds: DataSource,
  databaseName: string,
  temporalDbFile: string,
): Promise<StorageSizes> {
  const [{ bytes }] = await ds.query<{ bytes: string }[]>(`SELECT pg_database_size($1)::text AS bytes`, [databaseName]);
  const tables = await ds.query<{ name: string; bytes: string }[]>(
    `SELECT c.relname AS name, pg_total_relation_size(c.oid)::text AS bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname = 'public'
      ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 6`,
  );
  const [{ jobs, events }] = await ds.query<{ jobs: number; events: number }[]>(
    `SELECT (SELECT count(*) FROM publish_jobs)::int AS jobs, (SELECT count(*) FROM audit_events)::int AS events`,
  );
  return {
    database_mb: round1(Number(bytes) / MB),
    tables_mb: Object.fromEntries(tables.map((t) => [t.name, round1(Number(t.bytes) / MB)])),
    temporal_db_mb: round1(fileMb(temporalDbFile) + fileMb(`${temporalDbFile}-wal`)),
    publish_jobs: jobs,
    audit_events: events,
  };
}
