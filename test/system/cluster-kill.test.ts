import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection, WorkflowClient } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { loadAppConfig } from '../../services/core/config/app-config';
import { loadTemporalConfig } from '../../services/core/config/temporal-config';
import { repoRoot } from '../../services/core/util/repo-root';
import { DEFAULT_ADMIN_TOKEN } from '../../services/sandbox/sandbox.server';
import type { OwnPostgres } from './own-postgres';
import { startOwnPostgres } from './own-postgres';

const DEMO = join(repoRoot(), 'dist', 'deploy', 'local', 'demo.js');

interface Chaos {
  /** a line of the demo's output that starts it */
  when: RegExp;
  label: string;
  act: () => Promise<void>;
  done?: boolean;
}

/** The latest pid the launcher recorded for a process name (a restarted replica is recorded again). */
function pidOf(dataDir: string, name: string): number {
  const record = JSON.parse(readFileSync(join(dataDir, 'run', 'stack.json'), 'utf8')) as {
    processes: { name: string; pid: number }[];
  };
  const found = record.processes.filter((p) => p.name === name).pop();
  if (!found) throw new Error(`no ${name} in the run file`);
  return found.pid;
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

/**
 * [C-53] The production topology from one command (`npm run demo -- --cluster`): the Temporal server's services as
 * separate processes on Postgres, two API replicas behind the proxy, two workers per lane. While every episode runs,
 * one publish worker, one API replica and one Temporal history process are killed (SIGKILL), and in the middle of the
 * creation episode's batch Postgres crashes and restarts and every Temporal process is killed and comes back. The
 * demo still ends with every episode done, and each post and each reply exists once on the platform.
 */
describe('the cluster topology under kills and restarts', () => {
  let pg: OwnPostgres | undefined;
  let demo: ChildProcess | undefined;
  let dataDir = '';
  let passed = false;

  afterAll(async () => {
    if (demo && demo.exitCode === null) {
      const exited = new Promise((r) => demo!.once('exit', r));
      demo.kill('SIGTERM');
      const t = setTimeout(() => demo!.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(t);
    }
    await pg?.stop();
    // Kept when the test failed: its logs are the only account of what each process saw.
    if (dataDir && passed) rmSync(dataDir, { recursive: true, force: true });
    else if (dataDir) process.stderr.write(`[cluster-test] logs kept in ${dataDir}/logs\n`);
  });

  it('[C-53] runs every episode once while a worker, an API replica and a history process die and Temporal and Postgres restart', async () => {
    if (!existsSync(DEMO)) throw new Error(`${DEMO} is missing: build first (npx tsc -p tsconfig.build.json)`);
    pg = await startOwnPostgres();
    dataDir = mkdtempSync(join(tmpdir(), 'raize-cluster-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      RAIZE_ENV: 'development',
      DATABASE_URL: pg.url('raize'),
      RAIZE_DATA_DIR: dataDir,
      RAIZE_VERIFY_INTERVAL_SECONDS: '2',
      RAIZE_DEMO_TIMEOUT_SECONDS: '240',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_APP_URL;
    delete env.TEMPORAL_ADDRESS;
    const app = loadAppConfig(env);
    const temporalConfig = loadTemporalConfig();
    const events: string[] = [];
    const note = (m: string) => {
      events.push(m);
      process.stderr.write(`[cluster-test] ${m}\n`);
    };
    const ownPg = pg;
    const chaos: Chaos[] = [
      {
        when: /▸ wait until the post publishes|▸ wait until .*verif/i,
        label: 'SIGKILL worker-publish-1',
        act: async () => killPid(pidOf(dataDir, 'worker-publish-1')),
      },
      {
        when: /Engagement episode/,
        label: 'SIGKILL api-1 and worker-engagement-1',
        act: async () => {
          killPid(pidOf(dataDir, 'api-1'));
          killPid(pidOf(dataDir, 'worker-engagement-1'));
        },
      },
      {
        when: /Publishing on \w+ \(its local emulator\)/,
        label: 'SIGKILL temporal-history-1',
        act: async () => killPid(pidOf(dataDir, 'temporal-history-1')),
      },
      {
        when: /▸ wait until the \w+ post publishes at its slot/,
        label: 'Postgres crash + restart, every Temporal process SIGKILLed',
        act: async () => {
          for (const id of ['frontend', 'history-1', 'history-2', 'matching', 'worker'])
            killPid(pidOf(dataDir, `temporal-${id}`));
          await ownPg.restart('immediate');
        },
      },
    ];

    demo = spawn(process.execPath, [DEMO, '--cluster', '--keep-running'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    const finished = new Promise<'up' | 'failed'>((resolve) => {
      const onLine = (line: string) => {
        output.push(line);
        for (const c of chaos) {
          if (c.done || !c.when.test(line)) continue;
          c.done = true;
          // A moment into the step, so the kill lands while its work is in flight.
          setTimeout(() => {
            c.act().then(
              () => note(`${c.label} (on "${line.trim().slice(0, 80)}")`),
              (err: Error) => note(`${c.label} FAILED: ${err.message}`),
            );
          }, 1500);
        }
        if (/The stack keeps running/.test(line)) resolve('up');
        if (/Raize demo: FAILED/.test(line)) resolve('failed');
      };
      let buffered = '';
      const read = (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        lines.forEach(onLine);
      };
      demo!.stdout!.on('data', read);
      demo!.stderr!.on('data', read);
      demo!.once('exit', () => resolve('failed'));
    });
    const outcome = await finished;
    if (outcome !== 'up') throw new Error(`the cluster demo did not finish:\n${output.slice(-60).join('\n')}`);
    expect(chaos.map((c) => [c.label, c.done])).toEqual(chaos.map((c) => [c.label, true]));

    // Exactly once on the platform: every post's text once per author, every request key once, every reply once.
    const admin = { 'x-sandbox-admin': env.SANDBOX_ADMIN_TOKEN || DEFAULT_ADMIN_TOKEN };
    const listed = async <T>(path: string): Promise<T[]> => {
      const body = (await (await fetch(`${app.sandbox.url}${path}`, { headers: admin })).json()) as T[] | { data: T[] };
      return Array.isArray(body) ? body : body.data;
    };
    const posts = await listed<{ id: string; authorId: string; text: string; requestKey?: string | null }>(
      '/_admin/posts',
    );
    const comments = await listed<{ id: string; postId: string; authorId: string; text: string }>('/_admin/comments');
    const dupPosts = [...countBy(posts, (p) => `${p.authorId}|${p.text}`)].filter(([, n]) => n > 1);
    const dupKeys = [
      ...countBy(
        posts.filter((p) => p.requestKey),
        (p) => p.requestKey!,
      ),
    ].filter(([, n]) => n > 1);
    const dupReplies = [...countBy(comments, (c) => `${c.postId}|${c.authorId}|${c.text}`)].filter(([, n]) => n > 1);
    expect(posts.length).toBeGreaterThan(3);
    expect({ dupPosts, dupKeys, dupReplies }).toEqual({ dupPosts: [], dupKeys: [], dupReplies: [] });

    // Raize's own record agrees: no post published twice, none left between states.
    const db = new PgClient({ connectionString: pg.url('raize') });
    await db.connect();
    let published: number;
    try {
      const r = await db.query<{ status: string; n: string }>(
        'SELECT status, count(*)::text AS n FROM publish_jobs GROUP BY status',
      );
      const byStatus = Object.fromEntries(r.rows.map((x) => [x.status, Number(x.n)]));
      published = (byStatus.published ?? 0) + (byStatus.verified ?? 0);
      expect(Object.keys(byStatus).filter((s) => !['published', 'verified'].includes(s))).toEqual([]);
    } finally {
      await db.end();
    }

    // Every episode's workflow ended well: none failed, timed out or was terminated.
    const conn = await Connection.connect({ address: `127.0.0.1:${temporalConfig.devServer.port}` });
    const byStatus = new Map<string, number>();
    try {
      const wf = new WorkflowClient({ connection: conn, namespace: temporalConfig.namespace });
      for await (const e of wf.list()) byStatus.set(e.status.name, (byStatus.get(e.status.name) ?? 0) + 1);
    } finally {
      await conn.close();
    }
    const bad = ['FAILED', 'TIMED_OUT', 'TERMINATED'].filter((s) => byStatus.get(s));
    expect(bad).toEqual([]);
    process.stdout.write(
      `\ncluster: every episode passed on frontend + 2 history + matching + worker, 2 API replicas, 2 workers per lane; ` +
        `${events.length} faults (${chaos.map((c) => c.label).join('; ')}); ` +
        `${posts.length} platform posts and ${comments.length} comments, 0 duplicates; ${published} posts published once; ` +
        `workflows ${[...byStatus].map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ')}\n`,
    );
    passed = true;
  }, 1_500_000);
});
