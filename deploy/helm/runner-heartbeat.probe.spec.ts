import type { DataSource } from 'typeorm';
import { RunnerRepository } from '../../services/core/browser/runner.repository';
import { createDataSource } from '../../services/core/database/data-source';
import type { Queryable } from './runner-heartbeat.probe';
import { checkRunnerHeartbeat, RUNNER_ALIVE_WINDOW_SECONDS } from './runner-heartbeat.probe';

/**
 * The probe against the rows the runner's own repository writes, on the machine's Postgres. One connection holds a
 * temporary `browser_runners` (the migration's columns) that shadows any real table, so nothing persists.
 */
describe('the browser runner probe', () => {
  let ds: DataSource;
  let db: Queryable;
  let runners: RunnerRepository;
  const registration = { taskQueue: 'raize-publish-browser-x', platforms: ['instagram'], slots: 2 };

  beforeAll(async () => {
    ds = createDataSource('postgres://postgres@127.0.0.1:5432/postgres', {
      poolSize: 1,
      applicationName: 'probe-spec',
    });
    await ds.initialize();
    await ds.query(`
      CREATE TEMP TABLE browser_runners (
        id text PRIMARY KEY, task_queue text NOT NULL, platforms text[] NOT NULL DEFAULT '{}', slots int NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(), heartbeat_at timestamptz NOT NULL DEFAULT now(),
        stopped_at timestamptz)`);
    db = { query: async (sql, params) => ({ rows: (await ds.query(sql, params)) as unknown[] }) };
    runners = new RunnerRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('passes for a runner that registered and beats', async () => {
    await runners.register({ id: 'raize-browser-7d9f-a', ...registration });
    expect(await runners.heartbeat('raize-browser-7d9f-a')).toBe(true);
    expect(await checkRunnerHeartbeat(db, 'raize-browser-7d9f-a')).toEqual({ alive: true });
  });

  it('fails once the last beat is older than the window the router uses', async () => {
    await runners.register({ id: 'raize-browser-7d9f-b', ...registration });
    await ds.query(`UPDATE browser_runners SET heartbeat_at = now() - make_interval(secs => $1) WHERE id = $2`, [
      RUNNER_ALIVE_WINDOW_SECONDS + 1,
      'raize-browser-7d9f-b',
    ]);
    expect(await checkRunnerHeartbeat(db, 'raize-browser-7d9f-b')).toEqual({
      alive: false,
      reason: `no heartbeat for ${RUNNER_ALIVE_WINDOW_SECONDS}s`,
    });
    // a beat brings it back
    await runners.heartbeat('raize-browser-7d9f-b');
    expect(await checkRunnerHeartbeat(db, 'raize-browser-7d9f-b')).toEqual({ alive: true });
  });

  it('fails for a runner that stopped, and for one that never registered', async () => {
    await runners.register({ id: 'raize-browser-7d9f-c', ...registration });
    await runners.stop('raize-browser-7d9f-c');
    expect(await checkRunnerHeartbeat(db, 'raize-browser-7d9f-c')).toEqual({ alive: false, reason: 'stopped' });
    expect(await checkRunnerHeartbeat(db, 'raize-browser-other')).toEqual({ alive: false, reason: 'not registered' });
  });
});
