/**
 * Episode throughput: N guarded publishing episodes (autonomous, due now) against N bare workflows that run
 * three no-op activities (the yardstick the issue sets), on one Temporal dev server, in one run.
 *
 *   npm run build && node dist/bench/episodes/episode-throughput.bench.js [--episodes=N] [out.json]
 *
 * Tunables (environment): RAIZE_BENCH_EPISODES (default 200), RAIZE_BENCH_WARMUP (5),
 * RAIZE_BENCH_START_CONCURRENCY (8), RAIZE_BENCH_TIMEOUT_SECONDS (600 per batch), RAIZE_BENCH_SCHEDULE_BATCH=0
 * (skip the diagnostic batch scheduled inside schedule()'s transaction), LOG_LEVEL (warn here),
 * RAIZE_BENCH_DATABASE_SERVER (postgres://postgres@127.0.0.1:5432), RAIZE_BENCH_KEEP=1 keeps the database
 * and the temp dir (keyring, temporal.log) for a post-mortem.
 * Everything listens on 127.0.0.1; the dev server, database and sandbox are removed at the end, on error too.
 */
import '../quiet-logs';
import { parseCountArgs } from '../bench-args';
import { execFileSync } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { AuditService } from '../../services/core/audit/audit.service';
import { loadAppConfig } from '../../services/core/config/app-config';
import { createDataSource } from '../../services/core/database/data-source';
import { defaultPolicyWasmPath } from '../../services/core/policy/policy-paths';
import { CredentialStore } from '../../services/core/secrets/credential-store';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import {
  codecOptionsFrom,
  createDataConverter,
  FAILURE_CONVERTER_PATH,
} from '../../services/core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../../services/core/temporal/codec/secrets-key-source';
import { repoRoot } from '../../services/core/util/repo-root';
import { toolPath } from '../../services/core/util/tool-path';
import { SandboxAdminClient } from '../../services/sandbox/sandbox-admin.client';
import { createLaneWorkers } from '../../services/worker/lane-workers';
import { buildWorkflowBundle } from '../../services/worker/workflow-bundle';
import { createWorkerDeps } from '../../services/worker/worker-deps';
import { createBareActivities } from './bare.activities';
import type { ActivityTiming } from './activity-breakdown';
import { activityBreakdown } from './activity-breakdown';
import type { BareEpisodeInput } from './bare.workflow';
import type { BatchResult, StartedEpisode } from './batch';
import { runBatch } from './batch';
import type { LatencySummary } from './latency';
import { Cleanup, startBenchStack } from './bench-stack';
import type { CpuSummary, MemorySummary } from './resource-sampler';
import { ResourceSampler } from './resource-sampler';
import type { ScheduledEpisode } from './seed-publishing';
import {
  POSTS_PER_ACCOUNT,
  prepareDueJobs,
  scheduleDueEpisode,
  seedAssets,
  seedPublishingTenant,
  startPreparedJob,
} from './seed-publishing';

/** The issue's yardstick: a workflow with three no-op activities, whatever a guarded episode now runs. */
const BARE_ACTIVITIES = 3;

export const THROUGHPUT_TARGET = { min: 0.8, aim: 0.8 } as const;

export interface EpisodeBenchOptions {
  episodes?: number;
  warmup?: number;
  startConcurrency?: number;
  timeoutSeconds?: number;
  /** also run a batch through the schedule() path (default on; RAIZE_BENCH_SCHEDULE_BATCH=0 skips it) */
  scheduleBatch?: boolean;
  /** aborting stops the run; cleanup still happens */
  signal?: AbortSignal;
}

export type BatchReport = Omit<BatchResult, 'firstWorkflowId' | 'workflowIds'> & {
  memory: MemorySummary;
  cpu: CpuSummary;
  /** per activity type, from the batch's histories: time queued for a worker slot and time running */
  activities: Record<string, ActivityTiming>;
  /** CPU of the bench process + Temporal server + the database's backends, per episode: what contention barely changes */
  cpu_ms_per_episode: number | null;
};

export interface EpisodeThroughputReport {
  bench: 'episode-throughput';
  at: string;
  node: string;
  machine: { cpus: number; cpu_model: string; total_memory_mb: number };
  temporal: { binary: string; version: string };
  config: {
    episodes: number;
    warmup: number;
    start_concurrency: number;
    order: string[];
    publish_lane_slots: { workflows: number; activities: number };
    workflow_options: { pauseRecheckSeconds: number; publishTimeoutSeconds: number; verifyIntervalSeconds: number };
  };
  /** what one guarded warm-up episode actually executed, read from its history; bare episodes mirror the count */
  activities_per_episode: { count: number; types: string[] };
  /** the warm-up episodes, run one at a time: latency with no queueing */
  unloaded: { guarded: LatencySummary; bare: LatencySummary };
  /** job rows written ahead (as schedule() writes them), then N workflows started like the bare ones */
  guarded: BatchReport;
  bare: BatchReport;
  /** job row, audit event and workflow start in one transaction per episode, exactly as PostsService.schedule() */
  guarded_via_schedule: BatchReport | null;
  job_rows: { count: number; ms: number; per_row_ms: number };
  /** guarded / bare */
  ratio: { throughput: number; p50_latency: number; p95_latency: number; cpu_cost: number | null };
  target: { min: number; aim: number; met_min: boolean; met_aim: boolean };
  sandbox: { posts: number; expected: number; post_requests: number };
  /** CPU taken by processes outside the bench during the measured batches, as a share of the machine */
  contention: { load_average_at_start: number; others_share: number | null };
  memory_note: string;
  cleanup_problems: string[];
}

function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${raw}`);
  return value;
}

/** `--episodes=N`, `--episodes N` or `-n N`; the first other argument is the JSON output path. */
export function parseBenchArgs(argv: string[]): { episodes?: number; out?: string } {
  const { count, out } = parseCountArgs(argv, 'episodes');
  return { episodes: count, out };
}

/** The SDK logs every worker state change at INFO; the bench wants warnings only, and handles signals itself. */
function quietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  } catch {
    // already installed in this process (bench/run.ts, or a second run)
  }
}

function ensurePolicyBuilt(root: string): void {
  if (existsSync(defaultPolicyWasmPath(root))) return;
  process.stderr.write('[bench] policy wasm missing; running policies/build.sh\n');
  execFileSync('bash', [join(root, 'policies', 'build.sh')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

const silentLogger = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };
const progress = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);

export async function runEpisodeThroughputBench(opts: EpisodeBenchOptions = {}): Promise<EpisodeThroughputReport> {
  const episodes = opts.episodes ?? envInt('RAIZE_BENCH_EPISODES', 200);
  const warmup = opts.warmup ?? envInt('RAIZE_BENCH_WARMUP', 5);
  const concurrency = opts.startConcurrency ?? envInt('RAIZE_BENCH_START_CONCURRENCY', 8);
  const scheduleBatch = opts.scheduleBatch ?? process.env.RAIZE_BENCH_SCHEDULE_BATCH !== '0';
  const timeoutMs = (opts.timeoutSeconds ?? envInt('RAIZE_BENCH_TIMEOUT_SECONDS', 600)) * 1000;
  const root = repoRoot();
  ensurePolicyBuilt(root);
  quietRuntime();

  // One promise that rejects when the run must stop: a signal, or a worker that stopped on its own.
  let stop!: (err: Error) => void;
  const abort = new Promise<never>((_, reject) => (stop = reject));
  abort.catch(() => undefined);
  if (opts.signal?.aborted) throw new Error('aborted before start');
  opts.signal?.addEventListener('abort', () => stop(new Error('aborted')), { once: true });

  const tag = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const loadAtStart = Math.round(loadavg()[0] * 100) / 100;
  const cleanup = new Cleanup();
  let report: EpisodeThroughputReport | undefined;
  try {
    progress(`starting Temporal dev server, database raize_bench_${tag}, sandbox`);
    const stack = await startBenchStack(cleanup, tag);
    const temporalBin = toolPath('temporal');
    const temporalVersion = execFileSync(temporalBin, ['--version'], { encoding: 'utf8' }).trim();
    const config = loadAppConfig({
      ...process.env,
      RAIZE_ENV: 'development',
      DATABASE_URL: stack.databaseUrl,
      RAIZE_DATA_DIR: stack.dataDir,
      TEMPORAL_ADDRESS: stack.temporal.address,
      TEMPORAL_NAMESPACE: stack.temporalConfig.namespace,
      SANDBOX_URL: stack.sandbox.url,
    });
    const namespace = stack.temporalConfig.namespace;

    const ds = createDataSource(config.databaseUrl, { poolSize: concurrency + 2, applicationName: 'raize-bench' });
    await ds.initialize();
    cleanup.add('close bench database pool', () => ds.destroy().then(() => undefined));
    const sandboxAdmin = new SandboxAdminClient(stack.sandbox.url, stack.sandboxAdminToken);
    const guardedTotal = warmup + episodes * (scheduleBatch ? 2 : 1);
    const tenant = await seedPublishingTenant(
      ds,
      sandboxAdmin,
      new CredentialStore(createSecrets(config)),
      tag,
      Math.ceil(guardedTotal / POSTS_PER_ACCOUNT),
      createSecrets(config),
    );
    const guardedAssets = await seedAssets(ds, tenant, guardedTotal, 'guarded');
    progress(`seeded client ${tenant.client.id}, ${tenant.accounts.length} accounts, ${guardedAssets.length} assets`);

    const clientConnection = await Connection.connect({ address: stack.temporal.address });
    cleanup.add('close Temporal client connection', () => clientConnection.close());
    // The API's client: the payload codec with its own key source over the same keyring as the worker's.
    const temporal = new TemporalClient({
      connection: clientConnection,
      namespace,
      dataConverter: createDataConverter(new SecretsCodecKeySource(createSecrets(config)), codecOptionsFrom(config)),
    });
    // Result long polls still pending when a run fails would retry on a closed channel and crash the
    // process from a timer: cancel them before the connection closes.
    const pendingCalls = new AbortController();
    setMaxListeners(0, pendingCalls.signal); // one listener per pending result, by design
    cleanup.add('cancel pending Temporal calls', () => pendingCalls.abort());
    const resultOf = (handle: WorkflowHandle) => () =>
      clientConnection.withAbortSignal(pendingCalls.signal, () => handle.result() as Promise<{ status?: string }>);

    // ---- workers: the real publish-lane worker, and a bare one on its own queue --------------------
    const guardedQueue = `raize-bench-publish-${tag}`;
    const bareQueue = `raize-bench-bare-${tag}`;
    const bundlePath = await buildWorkflowBundle(join(stack.dataDir, 'workflow-bundle.js'));
    const bareEntry = join(root, 'bench', 'episodes', 'bare.workflow.ts');
    const bare = await bundleWorkflowCode({
      workflowsPath: existsSync(bareEntry) ? bareEntry : join(__dirname, 'bare.workflow.js'),
      failureConverterPath: FAILURE_CONVERTER_PATH,
      logger: silentLogger as never,
    });
    const workerConnection = await NativeConnection.connect({ address: stack.temporal.address });
    cleanup.add('close worker connection', () => workerConnection.close());
    // Pacing spaces one account's side effects by seconds: a platform courtesy, not a cost of the guard.
    const built = await createWorkerDeps(config, {
      connectors: { sandbox: { pacing: { minSpacingSeconds: 0, jitterSeconds: 0 } } },
    });
    cleanup.add('close worker database pool', () => built.ds.destroy().then(() => undefined));
    const [guardedWorker] = await createLaneWorkers({
      connection: workerConnection,
      namespace,
      bundlePath,
      deps: built.deps,
      dataConverter: built.dataConverter,
      lanes: ['publish'],
      taskQueueFor: () => guardedQueue,
    });
    const slots = stack.temporalConfig.workerSlots.publish;
    const bareWorker = await Worker.create({
      // Same data converter as the publish lane: both batches pay for payload encryption, only the work differs.
      connection: workerConnection,
      namespace,
      taskQueue: bareQueue,
      workflowBundle: { code: bare.code },
      activities: createBareActivities(),
      dataConverter: built.dataConverter,
      maxConcurrentWorkflowTaskExecutions: Math.min(slots.workflows, 100),
      maxConcurrentActivityTaskExecutions: slots.activities,
      maxCachedWorkflows: slots.workflows,
      shutdownGraceTime: '10 seconds',
    });
    const workers = [guardedWorker, bareWorker];
    const running = workers.map((w) =>
      w.run().then(
        () => stop(new Error(`worker on ${w.options.taskQueue} stopped during the run`)),
        (err: Error) => stop(new Error(`worker on ${w.options.taskQueue} failed: ${err.message}`)),
      ),
    );
    cleanup.add('stop workers', async () => {
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
      await Promise.allSettled(running);
    });

    const options = {
      pauseRecheckSeconds: config.pauseRecheckSeconds,
      publishTimeoutSeconds: config.publishTimeoutSeconds,
      verifyIntervalSeconds: config.verifyIntervalSeconds,
    };
    const scheduleCtx = {
      ds,
      audit: new AuditService(ds, createSecrets(config)),
      temporal,
      taskQueue: guardedQueue,
      tenant,
      options,
    };
    let activityCount = 0;
    const startBare = async (label: string, i: number): Promise<StartedEpisode> => {
      const workflowId = `bench-bare-${tag}-${label}-${i}`;
      const input: BareEpisodeInput = { activities: BARE_ACTIVITIES };
      const startAt = performance.now();
      const handle = await temporal.workflow.start('bareEpisodeWorkflow', {
        taskQueue: bareQueue,
        workflowId,
        args: [input],
      });
      return { workflowId, result: resultOf(handle), startAt, scheduleAt: startAt };
    };
    const batch = (n: number, inFlight: number, start: (i: number) => Promise<StartedEpisode>) =>
      runBatch({ episodes: n, concurrency: inFlight, timeoutMs, abort }, start);
    const prepare = async (assets: typeof guardedAssets) => {
      const t0 = performance.now();
      const jobs = await prepareDueJobs(scheduleCtx, assets);
      return { jobs, ms: performance.now() - t0 };
    };

    // ---- warm-up, one at a time: JIT, pools, caches; unloaded latency; the activity count ----------
    progress(`warm-up: ${warmup} guarded episode(s), one at a time`);
    const warmJobs = (await prepare(guardedAssets.slice(0, warmup))).jobs;
    const guardedStart = (s: ScheduledEpisode): StartedEpisode => ({
      workflowId: s.workflowId,
      result: resultOf(s.handle),
      startAt: s.startAt,
      scheduleAt: s.scheduleAt,
    });
    const warmGuarded = await batch(warmup, 1, async (i) =>
      guardedStart(await startPreparedJob(scheduleCtx, warmJobs[i])),
    );
    if (warmGuarded.statuses.verified !== warmup)
      throw new Error(
        `guarded warm-up did not verify: ${JSON.stringify(warmGuarded.statuses)} ${warmGuarded.failures.join('; ')}`,
      );
    const history = await temporal.workflow.getHandle(warmGuarded.firstWorkflowId!).fetchHistory();
    const types = (history.events ?? []).flatMap((e) =>
      e.activityTaskScheduledEventAttributes ? [e.activityTaskScheduledEventAttributes.activityType?.name ?? '?'] : [],
    );
    activityCount = types.length;
    progress(`a guarded autonomous episode executed ${activityCount} activities: ${types.join(' → ')}`);
    progress(`warm-up: ${warmup} bare episode(s), one at a time`);
    const warmBare = await batch(warmup, 1, (i) => startBare('warm', i));
    if (warmBare.statuses.done !== warmup)
      throw new Error(`bare warm-up failed: ${JSON.stringify(warmBare.statuses)} ${warmBare.failures.join('; ')}`);

    // ---- measured batches: bare first, so any cost of a fuller in-memory server falls on guarded ----
    const backendPids = async () =>
      (
        (await ds.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')) as { pid: number }[]
      ).map((r) => Number(r.pid));
    const sampler = new ResourceSampler(stack.temporal.process.pid, backendPids);
    const measure = async (name: string, run: () => Promise<BatchResult>): Promise<BatchReport> => {
      progress(`measuring ${name}: ${episodes} episodes, ${concurrency} starts in flight`);
      await sampler.start();
      const r = await run();
      const { memory, cpu } = await sampler.stop();
      const { firstWorkflowId: _first, workflowIds, ...rest } = r;
      progress(
        `${name}: ${r.episodes_per_s} episodes/s, p50 ${r.end_to_end.p50_ms} ms, p95 ${r.end_to_end.p95_ms} ms, ${JSON.stringify(r.statuses)}`,
      );
      const own =
        cpu.temporal_server_s === null || cpu.postgres_s === null
          ? null
          : cpu.bench_process_s + cpu.temporal_server_s + cpu.postgres_s;
      const cpuPerEpisode = own === null ? null : Math.round((own * 1000) / r.completed);
      return {
        ...rest,
        memory,
        cpu,
        activities: await activityBreakdown(temporal, workflowIds),
        cpu_ms_per_episode: cpuPerEpisode,
      };
    };
    const bareReport = await measure('bare', () => batch(episodes, concurrency, (i) => startBare('run', i)));
    const prepared = await prepare(guardedAssets.slice(warmup, warmup + episodes));
    progress(`wrote ${episodes} job rows in ${Math.round(prepared.ms)} ms`);
    const guardedReport = await measure('guarded', () =>
      batch(episodes, concurrency, async (i) => guardedStart(await startPreparedJob(scheduleCtx, prepared.jobs[i]))),
    );
    const viaSchedule = scheduleBatch
      ? await measure('guarded via schedule()', () =>
          batch(episodes, concurrency, async (i) =>
            guardedStart(await scheduleDueEpisode(scheduleCtx, guardedAssets[warmup + episodes + i])),
          ),
        )
      : null;

    const expectedPosts = warmup + episodes * (viaSchedule ? 2 : 1);
    const brandIds = new Set(tenant.accounts.map((a) => a.externalAccountId));
    const posts = (await sandboxAdmin.listPosts()).filter((p) => brandIds.has(p.authorId)).length;
    const postRequests = (await sandboxAdmin.listRequests()).filter(
      (r) => r.method === 'POST' && r.path === '/posts',
    ).length;
    const ratio = (x: number, y: number) => Math.round((x / y) * 100) / 100;
    const throughputRatio = ratio(guardedReport.episodes_per_s, bareReport.episodes_per_s);
    const cpuList = cpus();
    report = {
      bench: 'episode-throughput',
      at: new Date().toISOString(),
      node: process.version,
      machine: {
        cpus: cpuList.length,
        cpu_model: cpuList[0]?.model ?? 'unknown',
        total_memory_mb: Math.round(totalmem() / 1024 / 1024),
      },
      temporal: { binary: temporalBin, version: temporalVersion },
      config: {
        episodes,
        warmup,
        start_concurrency: concurrency,
        order: [
          'warm-up guarded (1 in flight)',
          'warm-up bare (1 in flight)',
          'bare',
          'guarded',
          ...(viaSchedule ? ['guarded via schedule()'] : []),
        ],
        publish_lane_slots: slots,
        workflow_options: options,
      },
      activities_per_episode: { count: activityCount, types },
      unloaded: { guarded: warmGuarded.end_to_end, bare: warmBare.end_to_end },
      guarded: guardedReport,
      bare: bareReport,
      guarded_via_schedule: viaSchedule,
      job_rows: {
        count: episodes,
        ms: Math.round(prepared.ms),
        per_row_ms: Math.round((prepared.ms / episodes) * 10) / 10,
      },
      ratio: {
        throughput: throughputRatio,
        cpu_cost:
          bareReport.cpu_ms_per_episode && guardedReport.cpu_ms_per_episode
            ? ratio(bareReport.cpu_ms_per_episode, guardedReport.cpu_ms_per_episode)
            : null,
        p50_latency: ratio(guardedReport.end_to_end.p50_ms, bareReport.end_to_end.p50_ms),
        p95_latency: ratio(guardedReport.end_to_end.p95_ms, bareReport.end_to_end.p95_ms),
      },
      target: {
        ...THROUGHPUT_TARGET,
        met_min: throughputRatio >= THROUGHPUT_TARGET.min,
        met_aim: throughputRatio >= THROUGHPUT_TARGET.aim,
      },
      sandbox: { posts, expected: expectedPosts, post_requests: postRequests },
      contention: {
        load_average_at_start: loadAtStart,
        others_share: othersShare([bareReport, guardedReport, viaSchedule], cpuList.length),
      },
      memory_note:
        "RSS is this one process: both workers (publish-lane worker with its activities, bare worker), the Temporal client, the bench's " +
        'seeding pool and the in-process sandbox platform; the API was not started. The Temporal dev server is a separate process (temporal_rss_peak_mb).',
      cleanup_problems: [],
    };
    return report;
  } catch (err) {
    progress(`failed: ${(err as Error).message}`);
    throw err;
  } finally {
    progress('cleaning up');
    const problems = await cleanup.run();
    for (const p of problems) progress(`cleanup problem: ${p}`);
    if (report) report.cleanup_problems = problems;
  }
}

function othersShare(batches: (BatchReport | null)[], cores: number): number | null {
  let other = 0;
  let capacity = 0;
  for (const b of batches) {
    if (!b) continue;
    if (b.cpu.other_s === null) return null;
    other += b.cpu.other_s;
    capacity += b.cpu.wall_s * cores;
  }
  return capacity > 0 ? Math.round((other / capacity) * 100) / 100 : null;
}

export function toMarkdown(r: EpisodeThroughputReport): string {
  const n0 = (v: number | null | undefined) =>
    v === null || v === undefined || Number.isNaN(v) ? 'n/a' : v.toFixed(0);
  const n1 = (v: number | null | undefined) =>
    v === null || v === undefined || Number.isNaN(v) ? 'n/a' : v.toFixed(1);
  const row = (name: string, b: BatchReport, expected: string) =>
    `| ${name} | ${b.statuses[expected] ?? 0}/${b.episodes} | ${b.episodes_per_s.toFixed(2)} | ${n0(b.end_to_end.p50_ms)} | ${n0(b.end_to_end.p95_ms)} | ${n1(b.wall_s)} | ` +
    `${n0(b.memory.rss_peak_mb)} / ${n0(b.memory.rss_mean_mb)} | ${n0(b.memory.temporal_rss_peak_mb)} | ` +
    `${n1(b.cpu.bench_process_s)} / ${n1(b.cpu.temporal_server_s)} / ${n1(b.cpu.postgres_s)} / ${n1(b.cpu.other_s)} | ${b.cpu.machine_busy === null ? 'n/a' : `${Math.round(b.cpu.machine_busy * 100)} %`} |`;
  const verdict = r.target.met_aim
    ? 'meets the aim'
    : r.target.met_min
      ? 'meets the minimum, not the aim'
      : 'below the minimum';
  const k = r.activities_per_episode.count;
  const lines = [
    `Episode throughput: ${r.config.episodes} episodes per batch, ${r.config.start_concurrency} starts in flight, after ${r.config.warmup} warm-up episodes each ` +
      `(node ${r.node}, ${r.machine.cpus} cores, ${r.temporal.version.split('\n')[0]})`,
    '',
    '| batch | ok | episodes/s | p50 e2e (ms) | p95 e2e (ms) | wall (s) | bench RSS peak / mean (MB) | Temporal RSS peak (MB) | CPU s: bench / Temporal / Postgres / others | machine busy |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    row(`guarded publish (${k} activities)`, r.guarded, 'verified'),
    row(`bare (${BARE_ACTIVITIES} no-op activities)`, r.bare, 'done'),
  ];
  if (r.guarded_via_schedule)
    lines.push(row("guarded, started inside schedule()'s transaction", r.guarded_via_schedule, 'verified'));
  lines.push(
    '',
    `guarded / bare throughput: ${r.ratio.throughput} (target ≥ ${r.target.min}, aim ${r.target.aim}: ${verdict}); p50 e2e ×${r.ratio.p50_latency}, p95 ×${r.ratio.p95_latency}`,
    `CPU per episode (bench process + Temporal + Postgres): guarded ${n0(r.guarded.cpu_ms_per_episode)} ms, bare ${n0(r.bare.cpu_ms_per_episode)} ms; ` +
      `bare/guarded ${r.ratio.cpu_cost ?? 'n/a'} (when the machine is CPU-bound, the throughput ratio tends to this)`,
    `unloaded (warm-up, one at a time) e2e p50: guarded ${n0(r.unloaded.guarded.p50_ms)} ms, bare ${n0(r.unloaded.bare.p50_ms)} ms`,
  );
  for (const [name, b] of [
    ['guarded', r.guarded],
    ['bare', r.bare],
    ['schedule() path', r.guarded_via_schedule],
  ] as const) {
    if (b && b.failures.length)
      lines.push(
        `FAILED (${name}): ${b.completed - (b.statuses.verified ?? b.statuses.done ?? 0)} episode(s), e.g. ${b.failures[0]}`,
      );
  }
  if (r.guarded_via_schedule) {
    const v = r.guarded_via_schedule;
    lines.push(
      `schedule() path: one transaction per episode took p50 ${n0(v.schedule.p50_ms)} ms, p95 ${n0(v.schedule.p95_ms)} ms (job rows alone, written ahead: ${r.job_rows.per_row_ms} ms each); ` +
        `schedule → result p50 ${n0(v.schedule_to_result.p50_ms)} ms, p95 ${n0(v.schedule_to_result.p95_ms)} ms`,
    );
  }
  lines.push('', '| activity (guarded batch) | queued p50 / p95 (ms) | ran p50 / p95 (ms) |', '|---|---:|---:|');
  for (const [type, t] of Object.entries(r.guarded.activities))
    lines.push(
      `| ${type} | ${n0(t.queued.p50_ms)} / ${n0(t.queued.p95_ms)} | ${n0(t.ran.p50_ms)} / ${n0(t.ran.p95_ms)} |`,
    );
  for (const [type, t] of Object.entries(r.bare.activities))
    lines.push(
      `| ${type} (bare batch) | ${n0(t.queued.p50_ms)} / ${n0(t.queued.p95_ms)} | ${n0(t.ran.p50_ms)} / ${n0(t.ran.p95_ms)} |`,
    );
  lines.push(
    '',
    `activities per guarded episode (from its history): ${r.activities_per_episode.types.join(' → ')}`,
    `sandbox: ${r.sandbox.posts} posts for ${r.sandbox.expected} guarded episodes, ${r.sandbox.post_requests} POST /posts requests`,
    `memory: ${r.memory_note}`,
  );
  const share = r.contention.others_share;
  if (share !== null && share >= 0.05) {
    lines.push(
      `WARNING: other processes took ${Math.round(share * 100)} % of the machine during the measured batches (load average ${r.contention.load_average_at_start} at start): the figures are contaminated; run again on a quiet machine.`,
    );
  }
  return lines.join('\n');
}

/**
 * Episodes of the compared batches that did not end as expected (guarded: verified, bare: done). The
 * schedule() batch is a diagnostic of code outside the bench: its failures are reported, not counted.
 */
export function failedEpisodes(r: EpisodeThroughputReport): number {
  return r.guarded.episodes - (r.guarded.statuses.verified ?? 0) + r.bare.episodes - (r.bare.statuses.done ?? 0);
}

async function main(): Promise<void> {
  const args = parseBenchArgs(process.argv.slice(2));
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort());
  process.once('SIGTERM', () => ac.abort());
  const report = await runEpisodeThroughputBench({ episodes: args.episodes, signal: ac.signal });
  process.stdout.write(`${toMarkdown(report)}\n`);
  if (args.out) {
    const file = resolve(args.out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`wrote ${file}\n`);
  }
  process.exitCode = failedEpisodes(report) > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `episode-throughput bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
