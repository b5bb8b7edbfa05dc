import type { DataSource } from 'typeorm';

// Rows that tests read straight from Postgres, typed here once so no test works on `any`.

/** seedTenant hands out user ids; signing in needs the generated email. */
export async function userEmail(ds: DataSource, userId: string): Promise<string> {
  const rows = await ds.query<{ email: string }[]>('SELECT email FROM users WHERE id = $1', [userId]);
  if (!rows[0]) throw new Error(`no user ${userId}`);
  return rows[0].email;
}

/** A client whose switch was never set has no row: that reads as not engaged. */
export async function clientKillSwitchEngaged(ds: DataSource, clientId: string): Promise<boolean> {
  const rows = await ds.query<{ engaged: boolean }[]>(
    `SELECT engaged FROM kill_switches WHERE scope = 'client' AND scope_id = $1`,
    [clientId],
  );
  return rows[0]?.engaged ?? false;
}

/** Postgres answers count(*) as a bigint, which the driver hands over as a string. */
export async function publishJobCount(ds: DataSource): Promise<number> {
  const rows = await ds.query<{ count: string }[]>('SELECT count(*) FROM publish_jobs');
  return Number(rows[0]!.count);
}

export async function publishJobScheduledAt(ds: DataSource, jobId: string): Promise<Date> {
  const rows = await ds.query<{ scheduled_at: Date | string }[]>(
    'SELECT scheduled_at FROM publish_jobs WHERE id = $1',
    [jobId],
  );
  if (!rows[0]) throw new Error(`no publish job ${jobId}`);
  return new Date(rows[0].scheduled_at);
}
