import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../services/core/util/repo-root';
import type { CrashPoint, ParkedActivity } from '../../../services/worker/crash-point';
import type { TestStack } from '../../harness/stack';
import { testEnv } from '../../harness/test-env';

export const WORKER_MAIN = join(repoRoot(), 'dist', 'services', 'worker', 'main.js');

/** The lanes the three episodes run on, each on temporal.yaml's own queue (one queue for all would mix their activities). */
const LANES = 'publish,creation,engagement';

/**
 * Loads what the worker's entry point loads (most of a start on a busy machine), then waits for its life's settings
 * and runs the entry point itself: the next worker is ready to go the moment the previous one dies.
 */
const HELD = `
const { dirname, resolve } = require('node:path');
const { readFileSync } = require('node:fs');
const main = process.env.RAIZE_HELD_MAIN;
for (const [, m] of readFileSync(main, 'utf8').matchAll(/require\\("([^"]+)"\\)/g)) {
  try { require(m.startsWith('.') ? resolve(dirname(main), m) : require.resolve(m, { paths: [dirname(main)] })); } catch {}
}
process.once('message', (m) => { Object.assign(process.env, m.env); require(main); });
`;

export interface WorkerLife {
  child: ChildProcess;
  /** the signal or code it ended with */
  ended: Promise<string>;
  /** the boundaries its activities parked at before it died (read after `ended`) */
  parked(): ParkedActivity[];
  kill(): Promise<string>;
}

/** A worker process loaded and held before its life starts. */
export interface HeldWorker {
  /**
   * Runs the real worker (dist/services/worker/main.js) with crash points when given: it SIGKILLs itself once every
   * point has parked (or `waitMs` after the latest one did with no other since).
   */
  start(o?: { points?: CrashPoint[]; waitMs?: number }): Promise<WorkerLife>;
  discard(): void;
}

/** Spawns the next worker process on the harness's Temporal server and database, held until `start`. */
export function holdWorker(stack: TestStack): HeldWorker {
  if (!existsSync(WORKER_MAIN))
    throw new Error(`${WORKER_MAIN} is missing: build first (npx tsc -p tsconfig.build.json; npm test does it)`);
  const env = testEnv();
  // The stack points the test process at one queue for every lane; the worker uses temporal.yaml's queues instead.
  const { RAIZE_TASK_QUEUE: _oneQueue, ...inherited } = process.env;
  const child = spawn(process.execPath, ['-e', HELD], {
    cwd: repoRoot(),
    env: {
      ...inherited,
      RAIZE_HELD_MAIN: WORKER_MAIN,
      RAIZE_ENV: 'test',
      RAIZE_LANES: LANES,
      RAIZE_WORKFLOW_BUNDLE: env.bundlePath,
      RAIZE_DATA_DIR: stack.dataDir,
      SANDBOX_URL: stack.sandbox.url,
      DATABASE_URL: env.databaseUrl,
      TEMPORAL_ADDRESS: env.temporalAddress,
      LOG_LEVEL: 'error',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ended = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ?? `exit ${code}`)),
  );
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    return ended;
  };
  return {
    async start(o = {}) {
      const logFile = join(stack.dataDir, `crash-${child.pid}.jsonl`);
      writeFileSync(logFile, '');
      const lifeEnv = o.points?.length
        ? {
            RAIZE_CRASH_AT: JSON.stringify(o.points),
            RAIZE_CRASH_LOG: logFile,
            ...(o.waitMs !== undefined ? { RAIZE_CRASH_WAIT_MS: String(o.waitMs) } : {}),
          }
        : {};
      const ready = new Promise<void>((resolve) =>
        child.on('message', (m: { ready?: boolean }) => m.ready && resolve()),
      );
      child.send({ env: lifeEnv });
      await Promise.race([
        ready,
        ended.then((how) => {
          throw new Error(`the worker ended before it was ready (${how})`);
        }),
      ]);
      return {
        child,
        ended,
        parked: () =>
          readFileSync(logFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as ParkedActivity),
        kill,
      };
    },
    discard: () => void kill(),
  };
}
