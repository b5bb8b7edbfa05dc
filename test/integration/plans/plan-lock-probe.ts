import type { DataSource, QueryRunner } from 'typeorm';

/**
 * Watches Postgres's lock table while a real code path runs against a plan that another connection is writing, to
 * prove the plan lock order (issue #11): a transaction takes the plan's advisory lock before it locks any row of
 * `plans` or `plan_items`, the order PlanEventsRepository.append() uses. No timing is involved: the path is observed
 * while it is blocked, and the blocked state is read from pg_locks.
 */

/** What a path's backend was seen doing while the plan writer held the plan. */
export interface LockSighting {
  /** what the backend waited for: the plan's advisory lock, or something else (a row, another lock) */
  waitingFor: { locktype: string; relation: string | null; mode: string; planLock: boolean }[];
  /** row-level locks it already held on the plan's tables (relation modes above AccessShareLock, tuple locks) */
  planRowLocks: { locktype: string; relation: string | null; mode: string }[];
}

/** The outcome of one path run against a held plan: how it was seen blocked (if it was) and what it answered. */
export interface ProbeResult<T> {
  sighting: LockSighting | null;
  value: T;
}

const POLL_MS = 20;
const GIVE_UP_MS = 45_000;

/**
 * A plan writer in the middle of an append, on a connection of its own: the plan's advisory lock (the key lockPlan
 * uses), its `plans` row as append's UPDATE holds it, and its item rows as recordItemStatus holds them.
 */
async function holdPlan(ds: DataSource, planId: string): Promise<{ pid: number; release: () => Promise<void> }> {
  const qr: QueryRunner = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.startTransaction();
    await qr.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 7))', [`plan:${planId}`]);
    await qr.query('SELECT 1 FROM plans WHERE id = $1 FOR NO KEY UPDATE', [planId]);
    await qr.query('SELECT 1 FROM plan_items WHERE plan_id = $1 FOR UPDATE', [planId]);
    const rows = (await qr.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
    const pid = rows[0].pid;
    return {
      pid,
      release: async () => {
        try {
          await qr.commitTransaction();
        } finally {
          await qr.release();
        }
      },
    };
  } catch (err) {
    await qr.release();
    throw err;
  }
}

/** The backends some lock of `holderPid` blocks right now. */
async function blockedBehind(ds: DataSource, holderPid: number): Promise<number[]> {
  const rows: { pid: number }[] = await ds.query(
    'SELECT pid FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid)) ORDER BY pid',
    [holderPid],
  );
  return rows.map((r) => r.pid);
}

/** Reads what a blocked backend waits for and which of the plan's rows it already locked. */
async function sight(ds: DataSource, pid: number, planId: string): Promise<LockSighting> {
  // A bigint advisory key shows in pg_locks as classid = its high 32 bits, objid = its low 32 bits, objsubid = 1.
  const waitingFor: LockSighting['waitingFor'] = await ds.query(
    `SELECT l.locktype, c.relname AS relation, l.mode,
            (l.locktype = 'advisory' AND l.objsubid = 1
             AND l.classid::int8 = (k.v >> 32) & 4294967295 AND l.objid::int8 = k.v & 4294967295) AS "planLock"
       FROM pg_locks l
       CROSS JOIN (SELECT hashtextextended($2, 7) AS v) k
       LEFT JOIN pg_class c ON c.oid = l.relation
      WHERE l.pid = $1 AND NOT l.granted`,
    [pid, `plan:${planId}`],
  );
  // A row lock lives in the row itself; in pg_locks it shows as the lock mode it takes on the table (RowShareLock for
  // SELECT … FOR UPDATE/SHARE and a foreign key check, RowExclusiveLock for INSERT/UPDATE/DELETE) and as tuple locks.
  const planRowLocks: LockSighting['planRowLocks'] = await ds.query(
    `SELECT l.locktype, c.relname AS relation, l.mode
       FROM pg_locks l
       LEFT JOIN pg_class c ON c.oid = l.relation
      WHERE l.pid = $1 AND l.granted
        AND (l.locktype = 'tuple' OR (c.relname IN ('plans', 'plan_items') AND l.mode <> 'AccessShareLock'))
      ORDER BY c.relname, l.mode`,
    [pid],
  );
  return { waitingFor, planRowLocks };
}

/**
 * Runs `path` while a plan writer holds the plan, and records the first moment the path is blocked behind it (or
 * none, when the path finishes without needing anything the writer holds). The writer then lets go and the path's
 * own answer (or error) is returned (or thrown).
 */
export async function probePlanLockOrder<T>(
  ds: DataSource,
  planId: string,
  path: () => Promise<T>,
): Promise<ProbeResult<T>> {
  const holder = await holdPlan(ds, planId);
  let done = false;
  const outcome = Promise.resolve()
    .then(path)
    .then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
  void outcome.finally(() => {
    done = true;
  });
  let sighting: LockSighting | null = null;
  try {
    const deadline = Date.now() + GIVE_UP_MS;
    while (!done) {
      const [pid] = await blockedBehind(ds, holder.pid);
      if (pid !== undefined) {
        sighting = await sight(ds, pid, planId);
        break;
      }
      if (Date.now() > deadline) throw new Error('the path neither finished nor blocked behind the plan writer');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    await holder.release();
  }
  const r = await outcome;
  if (!r.ok) throw r.error;
  return { sighting, value: r.value };
}

/** The sighting a correct path shows: waiting for exactly the plan's advisory lock, holding none of its rows. */
export const WAITS_FOR_THE_PLAN_LOCK_FIRST: LockSighting = {
  waitingFor: [{ locktype: 'advisory', relation: null, mode: 'ExclusiveLock', planLock: true }],
  planRowLocks: [],
};
