/**
 * Scale (issue #18): an agency scheduling N posts over D days for A accounts through the API's CSV import, every post
 * a publish workflow whose timer sleeps in Temporal; the worker's RSS with the old cache settings (cache = workflow
 * slots) and the new ones (temporal.yaml workerCache) in one run; the calendar month and the approvals queue through
 * GraphQL at that volume; a burst of posts due in the same minute; the storage it all took.
 *
 *   npm run bench:scale -- --posts=100000 --accounts=1000 --days=30 [out.json]
 *   # or: npx tsc -p tsconfig.build.json && node dist/bench/scale/scale.bench.js --posts=1000
 *
 * Options: --posts (1000), --accounts (posts/100, at least 100), --accounts-per-client (10), --days (30),
 * --burst (1000), --burst-old (0: a second, smaller burst with the old cache settings), --compare-posts (2000 each for
 * the old and the new cache), --queries (200), --wait-seconds (120), --import-concurrency (3), --drain-workers (1:
 * publish workers while the queues scheduling left drain). Environment: RAIZE_BENCH_DATABASE_SERVER,
 * RAIZE_BENCH_KEEP=1, LOG_LEVEL (warn).
 */
import '../quiet-logs';
import { readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import type { DataSource } from 'typeorm';
import { GraphqlClient } from '../../deploy/local/stack/graphql-client';
import { createAppDataSource, createDataSource } from '../../services/core/database/data-source';
import type { TemporalFileConfig } from '../../services/core/config/temporal-config';
import { LANES } from '../../services/core/config/temporal-config';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { SandboxAdminClient } from '../../services/sandbox/sandbox-admin.client';
import { Cleanup } from '../episodes/bench-stack';
import { summarize } from '../episodes/latency';
import { measureApi } from './api-latency';
import { runBurst } from './burst';
import type { ImportChunk, ImportOutcome } from './csv-import';
import { clientImports, runImports } from './csv-import';
import { drainBacklog } from './backlog-drain';
import { explainCalendarQueries } from './explain-queries';
import { ProcessRss, rssMb } from './process-rss';
import type { ScaleArgs } from './scale-args';
import { parseScaleArgs } from './scale-args';
import type { BurstRun, SchedulePhase, ScaleReport } from './scale-report';
import { toMarkdown } from './scale-report';
import { ACCOUNT_DAILY_CAP, seedScaleAgency } from './scale-seed';
import type { CacheSettings, ScaleStack } from './scale-stack';
import { stackCpu, startScaleStack } from './scale-stack';
import { storageSizes } from './storage-sizes';
import { machineInfo, writeJsonReport } from '../report-file';

const WORKER_RSS_TARGET_MB = 500;
const P99_TARGET_MS = 100;
/** how long the bench waits for the worker to run what scheduling queued before it measures anyway */
const DRAIN_TIMEOUT_MS = 3 * 3600_000;
/** the sandbox connector's pacing (services/core/connectors/sandbox: 1 s minimum spacing + up to 1 s jitter) */
const SANDBOX_MIN_SPACING_S = 1;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const progress = (m: string) => process.stderr.write(`[scale ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

/** Takes the clients' imports in turn, so every stretch of the run schedules for many clients. */
function interleave(lists: ImportChunk[][]): ImportChunk[] {
  const out: ImportChunk[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

/**
 * Tasks the worker finished after Temporal had given up on them (a workflow task's 10 s start-to-close): SDK core logs
 * each as "Task not found when completing". Work done twice, and the sign of a worker holding more tasks than it runs.
 */
function lateCompletions(logFile: string, from: number): number {
  const text = readFileSync(logFile).subarray(from).toString('utf8');
  return text.match(/Task not found when completing/g)?.length ?? 0;
}

/** RSS of the worker for a while, doing nothing else. */
async function window(rss: ProcessRss, seconds: number) {
  rss.start();
  await sleep(seconds * 1000);
  return rss.stop();
}

function cacheOf(cfg: TemporalFileConfig, settings: CacheSettings): Record<string, number> {
  return Object.fromEntries(
    LANES.map((l) => [l, settings === 'old' ? cfg.workerSlots[l].workflows : cfg.workerCache[l].cachedWorkflows]),
  );
}

async function schedulePhase(
  stack: ScaleStack,
  owner: DataSource,
  o: { name: string; settings: CacheSettings; restart: boolean; budget: number; settleSeconds: number },
  run: (budget: number) => Promise<ImportOutcome[]>,
): Promise<SchedulePhase> {
  if (o.restart) await stack.restartWorker(o.settings);
  const rss = new ProcessRss(() => stack.worker?.service.pid);
  const idle = await window(rss, 15);
  progress(`${o.name}: worker (${o.settings} cache) idle at ${idle.median_mb} MB; scheduling up to ${o.budget} posts`);
  rss.start();
  const cpu = stackCpu(stack, owner);
  await cpu.begin();
  const t0 = performance.now();
  const done = await run(o.budget);
  const wallMs = performance.now() - t0;
  const during = rss.stop();
  // The settle window counts too: the workflows' first tasks and activities run after their start.
  const after = await window(rss, o.settleSeconds);
  const cpuSplit = await cpu.end();
  const posts = done.reduce((n, r) => n + r.postIds.length, 0);
  const cpuTotal = Object.values(cpuSplit).reduce((a, b) => a + b, 0);
  progress(
    `${o.name}: ${posts} posts in ${(wallMs / 1000).toFixed(0)} s; worker max ${during.max_mb} MB, after ${after.median_mb} MB`,
  );
  return {
    name: o.name,
    cache: o.settings,
    cached_workflows: cacheOf(stack.temporalConfig, o.settings),
    worker_node_options: stack.worker?.service.spec.env.NODE_OPTIONS ?? '',
    posts,
    imports: done.length,
    imports_unavailable: done.reduce((n, r) => n + r.unavailable, 0),
    wall_s: Math.round(wallMs / 100) / 10,
    ms_per_post: posts ? Math.round((wallMs / posts) * 10) / 10 : NaN,
    import_ms_per_post_p50: summarize(done.map((r) => r.ms / Math.max(1, r.postIds.length))).p50_ms,
    cpu_s: cpuSplit,
    cpu_ms_per_post: posts ? Math.round((cpuTotal / posts) * 10_000) / 10 : NaN,
    worker_idle: idle,
    worker_during: during,
    worker_after: after,
  };
}

export async function runScaleBench(args: ScaleArgs): Promise<ScaleReport> {
  const t0 = Date.now();
  const loadStart = loadavg();
  const tag = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const cleanup = new Cleanup();
  const stop = () => void cleanup.run().then(() => process.exit(130));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    progress(`starting Temporal (file database), Postgres database, sandbox and the API`);
    const stack = await startScaleStack(cleanup, tag);
    const owner = createDataSource(stack.databaseUrl, { applicationName: 'raize-bench-scale', poolSize: 4 });
    await owner.initialize();
    cleanup.add('close owner pool', () => owner.destroy());
    const secrets = createSecrets(stack.config);
    const sandbox = new SandboxAdminClient(stack.sandbox.url, stack.sandboxAdminToken);

    const seedStart = Date.now();
    const agency = await seedScaleAgency(owner, sandbox, secrets, {
      tag,
      accounts: args.accounts,
      perClient: args.accountsPerClient,
      progress,
    });
    const seedS = Math.round((Date.now() - seedStart) / 1000);
    const who = await new GraphqlClient(stack.graphqlUrl).signIn(agency.operator.email, agency.operator.password);
    // The accounts' token workflows start with the first worker: started here, so the old and the new settings
    // each begin with the same workflows open.
    progress('first worker start: bundling the workflows, starting the accounts’ token workflows');
    await stack.restartWorker('new');
    await sleep(20_000);

    // The schedule starts at least a day ahead: nothing comes due while the bench runs, except the burst.
    const start = new Date(Math.ceil((Date.now() + 86_400_000) / 86_400_000) * 86_400_000);
    const perClient = (i: number) =>
      Math.floor(args.posts / agency.clients.length) + (i < args.posts % agency.clients.length ? 1 : 0);
    const queue = interleave(
      agency.clients.map((c, i) =>
        clientImports(c, { posts: perClient(i), start, days: args.days, rowsPerImport: 20, label: `c${i}` }),
      ),
    );
    let scheduled = 0;
    const run = (budget: number) =>
      runImports(queue, {
        url: stack.graphqlUrl,
        who,
        concurrency: args.importConcurrency,
        budget,
        onDone: (r) => {
          const before = scheduled;
          scheduled += r.postIds.length;
          if (Math.floor(scheduled / 5000) > Math.floor(before / 5000) || scheduled === args.posts)
            progress(`scheduled ${scheduled}/${args.posts}`);
        },
      });
    const phases: SchedulePhase[] = [];
    // What is measured so far, on disk as it comes: a run of hours stopped before its end keeps its phases.
    const checkpoint = (part: Partial<ScaleReport>) =>
      writeJsonReport(args.out?.replace(/(\.json)?$/, '.partial.json'), { args, seed_s: seedS, phases, ...part });
    phases.push(
      await schedulePhase(
        stack,
        owner,
        { name: 'old cache', settings: 'old', restart: true, budget: args.comparePosts, settleSeconds: 60 },
        run,
      ),
    );
    phases.push(
      await schedulePhase(
        stack,
        owner,
        { name: 'new cache', settings: 'new', restart: true, budget: args.comparePosts, settleSeconds: 60 },
        run,
      ),
    );
    if (queue.length)
      phases.push(
        await schedulePhase(
          stack,
          owner,
          { name: 'the rest', settings: 'new', restart: false, budget: Number.POSITIVE_INFINITY, settleSeconds: 30 },
          run,
        ),
      );
    checkpoint({});
    const growth = (p: SchedulePhase) => p.worker_after.median_mb - p.worker_idle.median_mb;
    const ratio = growth(phases[0]) > 0 ? Math.round((growth(phases[1]) / growth(phases[0])) * 100) / 100 : null;

    progress('every post reaches its timer: waiting for the lanes’ queues to empty');
    // More workers for the drain only, as the chart's backlog autoscaler adds them; the measures after it run on one.
    const extras = await Promise.all(
      Array.from({ length: args.drainWorkers - 1 }, (_, i) => stack.startExtraWorker(i + 1)),
    );
    if (extras.length) progress(`${extras.length} more publish worker(s) started for the drain`);
    const backlog = {
      ...(await drainBacklog({
        address: stack.temporal.address,
        config: stack.temporalConfig,
        timeoutMs: DRAIN_TIMEOUT_MS,
        progress,
      })),
      workers: args.drainWorkers,
    };
    await Promise.all(extras.map((w) => w.stop()));
    progress(
      `queues ${backlog.drained ? 'empty' : 'NOT empty'} after ${backlog.drain_s} s (${backlog.at_start.tasks} tasks queued when scheduling ended)`,
    );
    checkpoint({ backlog });
    progress(`every post waits: sampling the worker for ${args.waitSeconds} s`);
    const waitRss = new ProcessRss(() => stack.worker?.service.pid);
    const waitWorker = await window(waitRss, args.waitSeconds);
    const [{ n: awaiting }] = await owner.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM publish_jobs WHERE status = 'awaiting_approval'`,
    );
    const wait = {
      worker: waitWorker,
      api_mb: rssMb(stack.api.pid),
      temporal_mb: rssMb(stack.temporal.process.pid),
      awaiting_approval: awaiting,
    };

    const from = start.toISOString().slice(0, 10);
    const to = new Date(start.getTime() + args.days * 86_400_000).toISOString().slice(0, 10);
    const autonomous = agency.clients.filter((c) => c.autonomy === 'autonomous').map((c) => c.id);
    const assisted = agency.clients.filter((c) => c.autonomy === 'assisted').map((c) => c.id);
    progress(`timing the calendar month and the approvals queue through GraphQL (${args.queries} calls each)`);
    const api = await measureApi(
      {
        url: stack.graphqlUrl,
        who,
        queries: args.queries,
        cpu: () => stackCpu(stack, owner, { api: stack.api.pid }),
      },
      { calendarClients: autonomous, queueClients: assisted, from, to },
    );

    const appDs = await createAppDataSource(stack.databaseUrl.replace('postgres@', 'raize_app@'), {
      env: 'development',
      poolSize: 2,
    });
    cleanup.add('close app pool', () => appDs.destroy());
    const [operator] = await owner.query<{ id: string }[]>(`SELECT id FROM users WHERE email = $1`, [
      agency.operator.email,
    ]);
    const explain = await explainCalendarQueries(
      appDs,
      { actorId: operator.id, agencyId: agency.agencyId },
      { calendarClient: autonomous[0], queueClient: assisted[0], from, to },
    );
    const storage = await storageSizes(owner, stack.databaseName, stack.temporalDbFile);
    checkpoint({ backlog, wait, api, explain, storage });

    const bursts: BurstRun[] = [];
    const schedulingPhases = phases.filter((p) => p.posts > 0);
    const postsPerSecond =
      schedulingPhases.reduce((n, p) => n + p.posts, 0) / schedulingPhases.reduce((s, p) => s + p.wall_s, 0);
    // The new settings first (the shipped ones), then, when asked, a smaller burst with the old cache on the same
    // accounts: the CPU a bounded cache costs in replays when more episodes are in flight than it holds.
    const plan: [CacheSettings, number][] = [
      ['new', args.burst],
      ['old', args.burstOld],
    ];
    for (const [settings, posts] of plan) {
      if (posts <= 0) continue;
      if (stack.worker?.settings !== settings) await stack.restartWorker(settings);
      const rss = new ProcessRss(() => stack.worker?.service.pid);
      rss.start();
      const log = stack.worker!.service.spec.logFile;
      const logFrom = statSync(log).size;
      const report = await runBurst({
        ds: owner,
        sandbox,
        url: stack.graphqlUrl,
        who,
        clients: agency.clients.filter((c) => c.autonomy === 'autonomous'),
        posts,
        postsPerSecond,
        concurrency: args.importConcurrency,
        dailyCap: ACCOUNT_DAILY_CAP,
        minSpacingSeconds: SANDBOX_MIN_SPACING_S,
        // Past the guard's start-to-close (RAIZE_PUBLISH_TIMEOUT_SECONDS, 30 min): an attempt Temporal handed out but
        // no worker runs any more is retried only then, and the burst reports it rather than stopping short.
        timeoutMs: 45 * 60_000,
        progress,
        cpu: stackCpu(stack, owner),
      });
      bursts.push({
        cache: settings,
        cached_workflows: cacheOf(stack.temporalConfig, settings),
        report,
        worker: rss.stop(),
        late_task_completions: lateCompletions(log, logFrom),
      });
    }
    return {
      bench: 'scale',
      at: new Date().toISOString(),
      node: process.version,
      machine: machineInfo(),
      load_average: { start: loadStart, end: loadavg() },
      args,
      clients: { autonomous: autonomous.length, assisted: assisted.length },
      seed_s: seedS,
      phases,
      rss_growth_ratio_new_over_old: ratio,
      backlog,
      wait,
      api,
      explain,
      storage,
      bursts,
      targets: { worker_rss_mb: WORKER_RSS_TARGET_MB, p99_ms: P99_TARGET_MS },
      total_s: Math.round((Date.now() - t0) / 1000),
    };
  } finally {
    const problems = await cleanup.run();
    for (const p of problems) process.stderr.write(`[scale] cleanup: ${p}\n`);
  }
}

async function main(): Promise<void> {
  const args = parseScaleArgs(process.argv.slice(2));
  const report = await runScaleBench(args);
  process.stdout.write(`\n${toMarkdown(report)}\n`);
  writeJsonReport(args.out, report);
  const burstOk = report.bursts.every(
    ({ report: b }) => b.keys_twice_or_more === 0 && b.keys_missing === 0 && b.within_caps,
  );
  process.exitCode = burstOk ? 0 : 1;
}

if (require.main === module)
  main().catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
