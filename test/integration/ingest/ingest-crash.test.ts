import type { ChildProcess } from 'node:child_process';
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { freePort } from '../../../deploy/local/free-port';
import { repoRoot } from '../../../services/core/util/repo-root';
import { seedTenant } from '../../factories/tenant.factory';
import { openDataSource, testEnv } from '../../harness/test-env';
import { SANDBOX_SECRET, sandboxComment, sandboxHeaders } from './ingest-harness';
import { receivedIds, seedAccount, startEngagementStandIn, until } from './ingest-test-worker';

const INGEST_MAIN = join(repoRoot(), 'dist', 'services', 'ingest', 'main.js');

/** The ingest as the stack runs it: its own process, configured by the environment, ready when it says so. */
function spawnIngest(env: Record<string, string>): Promise<ChildProcess> {
  const t = testEnv();
  const child = fork(INGEST_MAIN, [], {
    env: {
      ...process.env,
      RAIZE_ENV: 'test',
      DATABASE_URL: t.databaseUrl,
      TEMPORAL_ADDRESS: t.temporalAddress,
      TEMPORAL_NAMESPACE: t.namespace,
      RAIZE_INGEST_SANDBOX_SECRET: SANDBOX_SECRET,
      RAIZE_INGEST_DRAIN_IDLE_MS: '50',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`ingest exited early with ${code}`)));
  });
}

describe('an ingest killed in the middle of a load (C-34)', () => {
  let owner: DataSource;
  let standIn: Awaited<ReturnType<typeof startEngagementStandIn>>;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    if (!existsSync(INGEST_MAIN))
      throw new Error(`${INGEST_MAIN} is missing: build first (npx tsc -p tsconfig.build.json; npm test does it)`);
    owner = await openDataSource();
    standIn = await startEngagementStandIn();
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await standIn?.close();
    await owner?.destroy();
  });

  it('[C-34] kill -9 during a load, restart: every acknowledged delivery is stored exactly once and drained', async () => {
    const t = await seedTenant(owner);
    const acc = await seedAccount(owner, t);
    const port = await freePort();
    const env = {
      RAIZE_INGEST_PORT: String(port),
      RAIZE_TASK_QUEUE: standIn.taskQueue,
      RAIZE_DATA_DIR: standIn.dataDir,
    };
    const url = `http://127.0.0.1:${port}/webhooks/sandbox`;
    child = await spawnIngest(env);

    const acked: string[] = [];
    const unacked: string[] = [];
    let stop = false;
    const sender = async () => {
      while (!stop) {
        const { body, commentId } = sandboxComment({ account: acc.externalAccountId });
        try {
          const res = await fetch(url, { method: 'POST', headers: sandboxHeaders(body), body });
          await res.arrayBuffer();
          (res.status === 200 ? acked : unacked).push(commentId);
        } catch {
          // Connection refused or reset by the kill: not acknowledged, so the platform would send it again.
          unacked.push(commentId);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const senders = Array.from({ length: 16 }, () => sender());
    await until(
      'load under way',
      async () => acked.length,
      (n) => n >= 300,
      20_000,
    );
    child.kill('SIGKILL');
    await new Promise<void>((r) => child!.once('exit', () => r()));
    const ackedBeforeKill = acked.length;
    await new Promise((r) => setTimeout(r, 300));
    child = await spawnIngest(env);
    await until(
      'load after the restart',
      async () => acked.length,
      (n) => n >= ackedBeforeKill + 200,
      20_000,
    );
    stop = true;
    await Promise.all(senders);
    expect(unacked.length).toBeGreaterThan(0);

    const rows = await until(
      'every acknowledged delivery drained',
      () =>
        owner.query<{ id: string; delivery_id: string; status: string }[]>(
          `SELECT id, delivery_id, status FROM inbound_events WHERE source = 'sandbox' AND delivery_id = ANY ($1::text[])`,
          [acked],
        ),
      (r) => r.length === acked.length && r.every((x) => x.status === 'drained'),
      60_000,
    );
    // Exactly once: one row per acknowledged delivery id (the unique key), none missing.
    expect(new Set(rows.map((r) => r.delivery_id)).size).toBe(acked.length);
    const got = new Set(
      await until(
        'every id at the episode',
        () => receivedIds(standIn.client, t.clientId, acc.id),
        (ids) => rows.every((r) => ids.includes(r.id)),
        60_000,
      ),
    );
    expect(rows.filter((r) => !got.has(r.id))).toEqual([]);
  });
});
