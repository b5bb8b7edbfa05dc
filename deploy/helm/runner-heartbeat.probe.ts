import { Client } from 'pg';

/**
 * The browser runner's Kubernetes probe (the runner serves no port): alive while its row in `browser_runners` beat
 * within the window after which the publish router calls a runner dead and moves its profiles
 * (RUNNER_STALE_MS, activities/publish/publish-route.activities.ts; equal by runner-heartbeat.probe.spec.ts). The
 * beat runs on the runner's event loop every 5 s, so a hung process or one cut off from Postgres fails it.
 */
export const RUNNER_ALIVE_WINDOW_SECONDS = 30;

export type ProbeResult = { alive: true } | { alive: false; reason: string };

/** Minimal query surface, so the check runs on a pg Client or Pool. */
export interface Queryable {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

export async function checkRunnerHeartbeat(db: Queryable, runnerId: string): Promise<ProbeResult> {
  const { rows } = await db.query(
    `SELECT heartbeat_at > now() - make_interval(secs => $2) AS fresh, stopped_at IS NOT NULL AS stopped
       FROM browser_runners WHERE id = $1`,
    [runnerId, RUNNER_ALIVE_WINDOW_SECONDS],
  );
  const row = rows[0] as { fresh: boolean; stopped: boolean } | undefined;
  if (!row) return { alive: false, reason: 'not registered' };
  if (row.stopped) return { alive: false, reason: 'stopped' };
  if (!row.fresh) return { alive: false, reason: `no heartbeat for ${RUNNER_ALIVE_WINDOW_SECONDS}s` };
  return { alive: true };
}

async function main(): Promise<number> {
  const url = process.env.DATABASE_APP_URL;
  const runnerId = process.env.RAIZE_BROWSER_RUNNER_ID;
  if (!url || !runnerId) {
    console.error('runner probe: DATABASE_APP_URL and RAIZE_BROWSER_RUNNER_ID are required');
    return 1;
  }
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000, statement_timeout: 5000 });
  try {
    await client.connect();
    const result = await checkRunnerHeartbeat(client, runnerId);
    if (!result.alive) console.error(`runner probe: ${runnerId}: ${result.reason}`);
    return result.alive ? 0 : 1;
  } catch (err) {
    // The driver's message names the host at most; the URL (with its password) is never printed.
    console.error(`runner probe: database unavailable (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    return 1;
  } finally {
    await client.end().catch(() => undefined);
  }
}

if (require.main === module) void main().then((code) => process.exit(code));
