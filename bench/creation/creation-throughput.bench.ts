/**
 * Creation throughput (issue #11): one plan of N items (text and image alternating, no plan approval) asked for
 * through PlansService.create(), the real planning episode drafting it on the planning queue and starting one
 * creation episode per item on the creation queue, the local provider writing the text and rendering the images
 * with ffmpeg; measured until every item waits in review (`in_review`), with the worker process's RSS.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/creation/creation-throughput.bench.js [--items=N] [out.json]
 *
 * Tunables (environment): RAIZE_BENCH_TIMEOUT_SECONDS (900), RAIZE_BENCH_DATABASE_SERVER
 * (postgres://postgres@127.0.0.1:5432), RAIZE_BENCH_KEEP=1 keeps the database and the temp dir, LOG_LEVEL (warn).
 * Everything listens on 127.0.0.1; the dev server, the database and the temp dir are removed at the end, on error too.
 */
import '../quiet-logs';
import { parseCountArgs } from '../bench-args';
import { execFileSync } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { AccessService } from '../../services/api/auth/access.service';
import type { CreatePlanInput } from '../../services/api/modules/plans/dtos/plan.inputs';
import { PlansService } from '../../services/api/modules/plans/plans.service';
import { loadAppConfig } from '../../services/core/config/app-config';
import { loadTemporalConfig } from '../../services/core/config/temporal-config';
import { createDataSource } from '../../services/core/database/data-source';
import { addDays } from '../../services/core/plans/plan-request';
import type { AiStepContract } from '../../services/core/providers/provider-gateway.port';
import { AiSettingsRepository } from '../../services/core/providers/settings/ai-settings.repository';
import { defaultPolicyWasmPath } from '../../services/core/policy/policy-paths';
import { CredentialStore } from '../../services/core/secrets/credential-store';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { codecOptionsFrom, createDataConverter } from '../../services/core/temporal/codec/data-converter';
import { SecretsCodecKeySource } from '../../services/core/temporal/codec/secrets-key-source';
import { repoRoot } from '../../services/core/util/repo-root';
import { toolPath } from '../../services/core/util/tool-path';
import { SandboxAdminClient } from '../../services/sandbox/sandbox-admin.client';
import { createLaneWorkers } from '../../services/worker/lane-workers';
import { buildWorkflowBundle } from '../../services/worker/workflow-bundle';
import { createWorkerDeps } from '../../services/worker/worker-deps';
import { creationItemWorkflowId } from '../../workflows/contracts/creation.contract';
import type { ActivityTiming } from '../episodes/activity-breakdown';
import { activityBreakdown } from '../episodes/activity-breakdown';
import { Cleanup, startBenchStack } from '../episodes/bench-stack';
import type { LatencySummary } from '../episodes/latency';
import { summarize } from '../episodes/latency';
import type { CpuSummary, MemorySummary } from '../episodes/resource-sampler';
import { ResourceSampler } from '../episodes/resource-sampler';
import { seedPublishingTenant } from '../episodes/seed-publishing';
import { planShapeFor } from './plan-shape';
import type { RssSummary } from './rss-series';
import { RssSeries, rssNowMb } from './rss-series';

/** Where an item stops by itself without a human: review, or a state a human must clear first. */
const SETTLED = new Set(['in_review', 'policy_blocked', 'parked', 'failed', 'rejected', 'scheduled']);
const POLL_MS = 250;
const IDLE_AFTER_MS = 10_000;

export interface CreationBenchOptions {
  items?: number;
  timeoutSeconds?: number;
  signal?: AbortSignal;
}

export interface FormatReport {
  items: number;
  in_review: number;
  /** child workflow started (Temporal) → in_review (plan event) per item */
  episode: LatencySummary;
  /** plan requested → in_review per item */
  plan_to_review: LatencySummary;
}

export interface CreationThroughputReport {
  bench: 'creation-throughput';
  at: string;
  node: string;
  machine: { cpus: number; nproc: number; cpu_model: string; total_memory_mb: number; load_average_at_start: number[] };
  temporal: { binary: string; version: string };
  config: {
    items: number;
    formats: string;
    plan: { startDate: string; endDate: string; postsPerWeek: number; postingTimes: string[] };
    lanes: string[];
    slots: { planning: { workflows: number; activities: number }; creation: { workflows: number; activities: number } };
    provider: string;
    /** the client's AI step contract as the bench set it (the defaults park a plan of more than 8 items) */
    ai_contract: Partial<AiStepContract>;
  };
  /** final status → count */
  statuses: Record<string, number>;
  /** plan requested (PlansService.create called) → every item in review, seconds */
  wall_s: number;
  episodes_per_s: number;
  /** first creation child started → last in_review: the creation phase alone */
  creation_phase_s: number;
  creation_episodes_per_s: number;
  planning: {
    drafted_s: number | null;
    /** the creation children's start times (Temporal's) */
    first_child_started_s: number;
    last_child_started_s: number;
    /** item.creation_started events the planner wrote (one per item expected) */
    creation_started_events: number;
  };
  all: FormatReport;
  text: FormatReport;
  image: FormatReport;
  /** per activity type over every creation episode's history: time queued for a slot and time running */
  activities: Record<string, ActivityTiming>;
  worker_rss: {
    /** idle workers, before the plan was asked for */
    before_mb: number;
    during: RssSummary;
    /** when the last item reached review, and after IDLE_AFTER_MS more with nothing running */
    at_end_mb: number;
    after_idle_mb: number;
  };
  memory: MemorySummary;
  cpu: CpuSummary;
  failures: string[];
  notes: string[];
  cleanup_problems: string[];
}

/** `--items=N`, `--items N` or `-n N`; the first other argument is the JSON output path. */
export function parseCreationArgs(argv: string[]): { items?: number; out?: string } {
  const { count, out } = parseCountArgs(argv, 'items');
  return { items: count, out };
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

function quietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  } catch {
    // already installed in this process
  }
}

function ensurePolicyBuilt(root: string): void {
  if (existsSync(defaultPolicyWasmPath(root))) return;
  process.stderr.write('[bench] policy wasm missing; running policies/build.sh\n');
  execFileSync('bash', [join(root, 'policies', 'build.sh')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Room for one planner call per item in the plan's single step, and its wall time on a loaded machine. */
function contractFor(items: number): Partial<AiStepContract> {
  return { maxToolCalls: Math.min(1000, items + 8), maxTokens: 10_000_000, maxWallMs: 3_600_000 };
}

const progress = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const r2 = (v: number) => Math.round(v * 100) / 100;

interface ItemRow {
  id: string;
  format: string;
  status: string;
}

interface EventRow {
  type: string;
  item_id: string | null;
  status: string | null;
  at: Date;
}

export async function runCreationThroughputBench(opts: CreationBenchOptions = {}): Promise<CreationThroughputReport> {
  const items = opts.items ?? 100;
  const timeoutMs = (opts.timeoutSeconds ?? envInt('RAIZE_BENCH_TIMEOUT_SECONDS', 900)) * 1000;
  const root = repoRoot();
  ensurePolicyBuilt(root);
  quietRuntime();

  let stop!: (err: Error) => void;
  const abort = new Promise<never>((_, reject) => (stop = reject));
  abort.catch(() => undefined);
  if (opts.signal?.aborted) throw new Error('aborted before start');
  opts.signal?.addEventListener('abort', () => stop(new Error('aborted')), { once: true });

  const tag = `c${Date.now().toString(36)}${process.pid.toString(36)}`;
  const loadAtStart = loadavg().map((v) => r2(v));
  const cleanup = new Cleanup();
  let report: CreationThroughputReport | undefined;
  try {
    progress(`starting Temporal dev server, database raize_bench_${tag}, sandbox`);
    const stack = await startBenchStack(cleanup, tag);
    // The artifact store reads its settings from the environment: the bench's own temp dir, removed at the end.
    process.env.RAIZE_ARTIFACTS_DIR = join(stack.dataDir, 'artifacts');
    process.env.RAIZE_ENV = 'development';
    const temporalBin = toolPath('temporal');
    const temporalVersion = execFileSync(temporalBin, ['--version'], { encoding: 'utf8' }).trim();
    // temporal.yaml's own queue names (no override): this dev server is the bench's alone.
    const { RAIZE_TASK_QUEUE: _override, ...env } = process.env;
    const config = loadAppConfig({
      ...env,
      RAIZE_ENV: 'development',
      DATABASE_URL: stack.databaseUrl,
      RAIZE_DATA_DIR: stack.dataDir,
      TEMPORAL_ADDRESS: stack.temporal.address,
      TEMPORAL_NAMESPACE: stack.temporalConfig.namespace,
      SANDBOX_URL: stack.sandbox.url,
    });
    const namespace = stack.temporalConfig.namespace;

    // The API's pool (the owner, as the other benches seed; RLS is the integration tests' subject, not this one's).
    const ds: DataSource = createDataSource(config.databaseUrl, { poolSize: 6, applicationName: 'raize-bench' });
    await ds.initialize();
    cleanup.add('close bench database pool', () => ds.destroy().then(() => undefined));
    const secrets = createSecrets(config);
    const tenant = await seedPublishingTenant(
      ds,
      new SandboxAdminClient(stack.sandbox.url, stack.sandboxAdminToken),
      new CredentialStore(secrets),
      tag,
      1,
      secrets,
    );
    const [account] = tenant.accounts;
    // The planner writes every brief inside one AI step (plan:<id>), one call per item: the default contract
    // (8 calls, 120 s) parks any plan of more than 8 items. An operator sizes it in the AI settings; so does the bench.
    const contract = contractFor(items);
    await ds.transaction((m) =>
      new AiSettingsRepository().update(
        m,
        { agencyId: tenant.client.agencyId, clientId: tenant.client.id, actorId: tenant.authorId },
        { contract },
      ),
    );
    progress(`seeded client ${tenant.client.id} with connected sandbox account ${account.id}`);

    const clientConnection = await Connection.connect({ address: stack.temporal.address });
    cleanup.add('close Temporal client connection', () => clientConnection.close());
    const temporal = new TemporalClient({
      connection: clientConnection,
      namespace,
      dataConverter: createDataConverter(new SecretsCodecKeySource(secrets), codecOptionsFrom(config)),
    });
    const pendingCalls = new AbortController();
    setMaxListeners(0, pendingCalls.signal);
    cleanup.add('cancel pending Temporal calls', () => pendingCalls.abort());

    // ---- the worker: planning and creation lanes, in this process, production queues and slots ---------
    const lanes = ['planning', 'creation'] as const;
    const bundlePath = await buildWorkflowBundle(join(stack.dataDir, 'workflow-bundle.js'));
    const workerConnection = await NativeConnection.connect({ address: stack.temporal.address });
    cleanup.add('close worker connection', () => workerConnection.close());
    const built = await createWorkerDeps(config);
    cleanup.add('close worker deps', async () => {
      await built.close();
      await built.ds.destroy();
    });
    const workers = await createLaneWorkers({
      connection: workerConnection,
      namespace,
      bundlePath,
      deps: built.deps,
      dataConverter: built.dataConverter,
      lanes: [...lanes],
    });
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

    // ---- the plan, asked for as the API asks for it ----------------------------------------------------
    const startDate = addDays(new Date().toISOString().slice(0, 10), 7);
    const base = {
      goals: 'Grow the newsletter with practical tips and behind-the-scenes stories',
      targets: [
        {
          platformAccountId: account.id,
          platform: 'sandbox',
          postsPerWeek: 1,
          postingTimes: ['09:30'],
          timing: 'posting_times' as const,
          queueSlotsAt: [],
          crossPosts: [],
        },
      ],
      pillars: [
        { name: 'tips', weight: 2 },
        { name: 'community', weight: 1 },
      ],
      formats: [{ platform: 'sandbox', formats: ['text' as const, 'image' as const] }],
      requiresApproval: false,
      timezone: tenant.client.timezone,
    };
    const shape = planShapeFor(items, startDate, base);
    const input: CreatePlanInput = {
      clientId: tenant.client.id,
      goals: base.goals,
      startDate: shape.startDate,
      endDate: shape.endDate,
      targets: [{ platformAccountId: account.id, postsPerWeek: shape.postsPerWeek, postingTimes: shape.postingTimes }],
      pillars: base.pillars,
      formats: base.formats,
      requiresApproval: false,
    };
    const plans = new PlansService(ds, config, temporal, new AccessService(ds));

    await sleep(2000); // the workers' first polls are in; the idle baseline is what a waiting worker holds
    const beforeMb = rssNowMb();
    const backendPids = async () =>
      (
        (await ds.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')) as { pid: number }[]
      ).map((r) => Number(r.pid));
    const sampler = new ResourceSampler(stack.temporal.process.pid, backendPids);
    const rss = new RssSeries();
    progress(
      `plan of ${items} items (${shape.startDate}..${shape.endDate}, ${shape.postsPerWeek}/week at ${shape.postingTimes.join(', ')}), formats text/image`,
    );
    await sampler.start();
    rss.start();
    const t0 = performance.now();
    const plan = await plans.create({ userId: tenant.authorId, via: 'dev-token' }, input);
    progress(`plan ${plan.id} started (${Math.round(performance.now() - t0)} ms in create())`);

    // ---- wait until every item has settled --------------------------------------------------------------
    const deadline = Date.now() + timeoutMs;
    let rows: ItemRow[] = [];
    let lastReport = 0;
    for (;;) {
      rows = (await Promise.race([
        ds.query('SELECT id, format, status FROM plan_items WHERE plan_id = $1', [plan.id]),
        abort,
      ])) as ItemRow[];
      const settled = rows.filter((r) => SETTLED.has(r.status)).length;
      const planRow = (await ds.query('SELECT status FROM plans WHERE id = $1', [plan.id])) as { status: string }[];
      if (planRow[0]?.status === 'failed') throw new Error('the plan failed (see plan_events)');
      if (rows.length === items && settled === items) break;
      if (Date.now() - lastReport > 15_000) {
        lastReport = Date.now();
        const counts: Record<string, number> = {};
        for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
        progress(`plan ${planRow[0]?.status ?? '?'}: ${JSON.stringify(counts)}`);
      }
      if (Date.now() > deadline)
        throw new Error(
          `not every item settled within ${timeoutMs / 1000} s: ${rows.length} items, ${settled} settled`,
        );
      await sleep(POLL_MS);
    }
    const wallMs = performance.now() - t0;
    const during = rss.stop();
    const { memory, cpu } = await sampler.stop();
    const atEndMb = rssNowMb();
    progress(`all ${items} items settled in ${(wallMs / 1000).toFixed(1)} s; idling ${IDLE_AFTER_MS / 1000} s`);
    await sleep(IDLE_AFTER_MS);
    const afterIdleMb = rssNowMb();

    // ---- per item, from the plan graph's events (the activities' clock, ms precision) ------------------
    const events = (await ds.query(
      `SELECT type, data->>'itemId' AS item_id, data->>'status' AS status, created_at AS at
         FROM plan_events WHERE plan_id = $1 ORDER BY seq`,
      [plan.id],
    )) as EventRow[];
    const requestedAt = events.find((e) => e.type === 'plan.requested')!.at.getTime();
    const draftedAt = events.find((e) => e.type === 'plan.drafted')?.at.getTime();
    // Each episode's start as Temporal recorded it: the planner records item.creation_started only after every child
    // started, and only for items still `planned`, so a fast child has none (see docs/benchmarks.md).
    const started = new Map<string, number>();
    for (const r of rows) {
      const d = await temporal.workflow.getHandle(creationItemWorkflowId(tenant.client.id, r.id)).describe();
      started.set(r.id, d.startTime.getTime());
    }
    const startedEvents = events.filter((e) => e.type === 'item.creation_started').length;
    const inReview = new Map<string, number>();
    for (const e of events) {
      if (!e.item_id) continue;
      if (e.type === 'item.status_changed' && e.status === 'in_review' && !inReview.has(e.item_id))
        inReview.set(e.item_id, e.at.getTime());
    }
    const formatReport = (subset: ItemRow[]): FormatReport => {
      const done = subset.filter((r) => inReview.has(r.id));
      return {
        items: subset.length,
        in_review: done.length,
        episode: summarize(done.map((r) => inReview.get(r.id)! - started.get(r.id)!)),
        plan_to_review: summarize(done.map((r) => inReview.get(r.id)! - requestedAt)),
      };
    };
    const startTimes = [...started.values()];
    const reviewTimes = [...inReview.values()];
    const firstStarted = Math.min(...startTimes);
    const lastReview = Math.max(...reviewTimes);
    const statuses: Record<string, number> = {};
    for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const failures = rows
      .filter((r) => r.status !== 'in_review')
      .slice(0, 5)
      .map((r) => `${r.format} item ${r.id}: ${r.status}`);
    progress('reading the creation episodes’ histories for the activity breakdown');
    const activities = await activityBreakdown(
      temporal,
      rows.map((r) => creationItemWorkflowId(tenant.client.id, r.id)),
    );
    const slots = loadTemporalConfig().workerSlots;
    const cpuList = cpus();
    const creationPhaseS = (lastReview - firstStarted) / 1000;
    report = {
      bench: 'creation-throughput',
      at: new Date().toISOString(),
      node: process.version,
      machine: {
        cpus: cpuList.length,
        nproc: Number(execFileSync('nproc', { encoding: 'utf8' }).trim()),
        cpu_model: cpuList[0]?.model ?? 'unknown',
        total_memory_mb: Math.round(totalmem() / 1024 / 1024),
        load_average_at_start: loadAtStart,
      },
      temporal: { binary: temporalBin, version: temporalVersion },
      config: {
        items,
        formats: 'text and image alternating (one sandbox account)',
        plan: shape,
        lanes: [...lanes],
        slots: { planning: slots.planning, creation: slots.creation },
        provider: 'local (text templates; images rendered by ffmpeg)',
        ai_contract: contract,
      },
      statuses,
      wall_s: r2(wallMs / 1000),
      episodes_per_s: r2((statuses.in_review ?? 0) / (wallMs / 1000)),
      creation_phase_s: r2(creationPhaseS),
      creation_episodes_per_s: r2(reviewTimes.length / creationPhaseS),
      planning: {
        drafted_s: draftedAt === undefined ? null : r2((draftedAt - requestedAt) / 1000),
        first_child_started_s: r2((firstStarted - requestedAt) / 1000),
        last_child_started_s: r2((Math.max(...startTimes) - requestedAt) / 1000),
        creation_started_events: startedEvents,
      },
      all: formatReport(rows),
      text: formatReport(rows.filter((r) => r.format === 'text')),
      image: formatReport(rows.filter((r) => r.format === 'image')),
      activities,
      worker_rss: { before_mb: beforeMb, during, at_end_mb: atEndMb, after_idle_mb: afterIdleMb },
      memory,
      cpu,
      failures,
      notes: [
        'RSS is this one process: the planning and creation lane workers with their activities, the Temporal client, ' +
          'the plans service (the API itself was not started), the seeding pool and the in-process sandbox. ffmpeg runs as ' +
          'child processes and the Temporal dev server is a separate process (memory.temporal_rss_peak_mb): neither is in it.',
        "Per-item episode time: the creation workflow's start (Temporal) → the first item.status_changed to in_review (plan event).",
      ],
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

export function toMarkdown(r: CreationThroughputReport): string {
  const n0 = (v: number | null | undefined) =>
    v === null || v === undefined || Number.isNaN(v) ? 'n/a' : v.toFixed(0);
  const row = (name: string, f: FormatReport) =>
    `| ${name} | ${f.in_review}/${f.items} | ${n0(f.episode.p50_ms)} | ${n0(f.episode.p95_ms)} | ${n0(f.plan_to_review.p50_ms)} | ${n0(f.plan_to_review.p95_ms)} |`;
  const w = r.worker_rss;
  const lines = [
    `Creation throughput: one plan of ${r.config.items} items (${r.config.formats}), provider ${r.config.provider}; ` +
      `lanes ${r.config.lanes.join(' + ')} in one worker process (creation slots ${r.config.slots.creation.workflows} workflows / ${r.config.slots.creation.activities} activities); ` +
      `node ${r.node}, ${r.machine.nproc} cores (nproc), load average at start ${r.machine.load_average_at_start.join(' ')}`,
    '',
    '| measure | value |',
    '|---|---:|',
    `| plan requested → all items in review | ${r.wall_s.toFixed(1)} s |`,
    `| creation episodes per second, overall (incl. planning) | ${r.episodes_per_s.toFixed(2)} |`,
    `| creation episodes per second, creation phase (first child started → last in review, ${r.creation_phase_s.toFixed(1)} s) | ${r.creation_episodes_per_s.toFixed(2)} |`,
    `| planning: drafted / first child started / last child started | ${r.planning.drafted_s ?? 'n/a'} s / ${r.planning.first_child_started_s} s / ${r.planning.last_child_started_s} s |`,
    `| item.creation_started events written by the planner | ${r.planning.creation_started_events} of ${r.config.items} |`,
    `| worker RSS idle before the plan | ${w.before_mb.toFixed(0)} MB |`,
    `| worker RSS during the run, min / median / max (${w.during.samples} samples) | ${w.during.min_mb.toFixed(0)} / ${w.during.median_mb.toFixed(0)} / ${w.during.max_mb.toFixed(0)} MB |`,
    `| worker RSS at the end / after ${IDLE_AFTER_MS / 1000} s idle | ${w.at_end_mb.toFixed(0)} / ${w.after_idle_mb.toFixed(0)} MB |`,
    `| heap used peak / Temporal dev server RSS peak | ${n0(r.memory.heap_used_peak_mb)} / ${n0(r.memory.temporal_rss_peak_mb)} MB |`,
    `| CPU s: bench process / Temporal / Postgres / others; machine busy | ${r.cpu.bench_process_s} / ${r.cpu.temporal_server_s ?? 'n/a'} / ${r.cpu.postgres_s ?? 'n/a'} / ${r.cpu.other_s ?? 'n/a'}; ${r.cpu.machine_busy === null ? 'n/a' : `${Math.round(r.cpu.machine_busy * 100)} %`} |`,
    '',
    '| items | in review | episode p50 (ms) | episode p95 (ms) | plan → review p50 (ms) | plan → review p95 (ms) |',
    '|---|---:|---:|---:|---:|---:|',
    row('all', r.all),
    row('text', r.text),
    row('image', r.image),
    '',
    '| activity (creation episodes) | queued p50 / p95 (ms) | ran p50 / p95 (ms) |',
    '|---|---:|---:|',
  ];
  for (const [type, t] of Object.entries(r.activities))
    lines.push(
      `| ${type} | ${n0(t.queued.p50_ms)} / ${n0(t.queued.p95_ms)} | ${n0(t.ran.p50_ms)} / ${n0(t.ran.p95_ms)} |`,
    );
  lines.push('', `final statuses: ${JSON.stringify(r.statuses)}`);
  if (r.failures.length) lines.push(`NOT IN REVIEW: ${r.failures.join('; ')}`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseCreationArgs(process.argv.slice(2));
  const ac = new AbortController();
  process.once('SIGINT', () => ac.abort());
  process.once('SIGTERM', () => ac.abort());
  const report = await runCreationThroughputBench({ items: args.items, signal: ac.signal });
  process.stdout.write(`${toMarkdown(report)}\n`);
  if (args.out) {
    const file = resolve(args.out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`wrote ${file}\n`);
  }
  process.exitCode = report.failures.length > 0 ? 1 : 0;
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `creation-throughput bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
