import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface TemporalSchemaTarget {
  /** temporal-sql-tool, built by deploy/tools/build-temporal-server.sh */
  bin: string;
  host: string;
  port: number;
  user: string;
  password: string;
}

/** The server's own schemas, embedded in the tool: history and visibility, Postgres 12+. */
const SCHEMAS = {
  main: 'postgresql/v12/temporal',
  visibility: 'postgresql/v12/visibility',
} as const;

async function tool(t: TemporalSchemaTarget, database: string, args: string[]): Promise<string> {
  const base = ['--plugin', 'postgres12', '--endpoint', t.host, '--port', String(t.port), '--user', t.user];
  // The password goes by environment, never on a command line another user could read.
  try {
    const { stdout, stderr } = await run(t.bin, [...base, '--database', database, ...args], {
      env: { ...process.env, SQL_PASSWORD: t.password },
      timeout: 180_000,
    });
    return `${stdout}${stderr}`;
  } catch (err) {
    const e = err as { stderr?: string; stdout?: string; message: string };
    throw new Error(
      `temporal-sql-tool ${args[0]} on ${database} failed: ${(e.stderr || e.stdout || e.message).trim().slice(-600)}`,
    );
  }
}

/**
 * Creates the two databases when missing and brings their schemas to the tool's latest version with the server's own
 * schema tool (not our migrations: the server owns these tables). Safe to run on every start: setup-schema at 0.0 is
 * skipped for a database that has a schema version, and update-schema applies only what is missing.
 */
export async function setupTemporalSchemas(
  t: TemporalSchemaTarget,
  databases: { main: string; visibility: string },
): Promise<{ database: string; output: string }[]> {
  const out: { database: string; output: string }[] = [];
  for (const [kind, database] of Object.entries(databases) as [keyof typeof SCHEMAS, string][]) {
    await tool(t, database, ['create-database']).catch((err: Error) => {
      if (!/already exists/i.test(err.message)) throw err;
    });
    const versioned = await tool(t, database, ['setup-schema', '-v', '0.0']).catch((err: Error) => {
      // A database set up before: its schema_version table exists.
      if (/already exists/i.test(err.message)) return '';
      throw err;
    });
    const updated = await tool(t, database, ['update-schema', '--schema-name', SCHEMAS[kind]]);
    out.push({ database, output: `${versioned}${updated}` });
  }
  return out;
}
