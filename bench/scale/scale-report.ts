import type { ApiMeasure } from './api-latency';
import type { BacklogDrain } from './backlog-drain';
import type { BurstReport } from './burst';
import type { ExplainedQuery } from './explain-queries';
import type { RssWindow } from './process-rss';
import type { ScaleArgs } from './scale-args';
import type { StorageSizes } from './storage-sizes';

/** One stretch of scheduling with one worker: how fast, and what the worker's memory did. */
export interface SchedulePhase {
  name: string;
  cache: 'old' | 'new';
  /** lane → cached workflows the worker ran with */
  cached_workflows: Record<string, number>;
  /** the worker's NODE_OPTIONS (the new settings carry temporal.yaml's heap limit) */
  worker_node_options: string;
  posts: number;
  imports: number;
  /** imports the API refused whole as UNAVAILABLE (Temporal slow to answer) and the bench tried again */
  imports_unavailable: number;
  wall_s: number;
  /** wall time per post with the imports in flight, and one import request's time per post (p50) */
  ms_per_post: number;
  import_ms_per_post_p50: number;
  /** CPU seconds of the API, the worker, Temporal and Postgres over the phase and its settle window */
  cpu_s: Record<string, number>;
  /** all of that per post: the cost that other work on the machine changes least */
  cpu_ms_per_post: number;
  /** the worker right after it started (its start included the account token workflows) */
  worker_idle: RssWindow;
  worker_during: RssWindow;
  /** after the last import answered: what the worker keeps */
  worker_after: RssWindow;
}

/** A burst with one worker's cache settings, and that worker's RSS while it ran. */
export interface BurstRun {
  cache: 'old' | 'new';
  cached_workflows: Record<string, number>;
  report: BurstReport;
  worker: RssWindow;
  /** workflow tasks the worker completed after Temporal had timed them out (done twice) */
  late_task_completions: number;
}

export interface ScaleReport {
  bench: 'scale';
  at: string;
  node: string;
  machine: { cpus: number; cpu_model: string; total_memory_mb: number };
  load_average: { start: number[]; end: number[] };
  args: ScaleArgs;
  clients: { autonomous: number; assisted: number };
  seed_s: number;
  phases: SchedulePhase[];
  /** the new settings' growth over idle against the old ones', after the same number of posts */
  rss_growth_ratio_new_over_old: number | null;
  /** the tasks scheduling left queued, and how long the publish workers (`workers`) took to run them before the measures */
  backlog: BacklogDrain & { workers: number };
  /** every post waiting in Temporal, the new settings: the worker's RSS over the wait */
  wait: { worker: RssWindow; api_mb: number | null; temporal_mb: number | null; awaiting_approval: number };
  api: ApiMeasure[];
  explain: ExplainedQuery[];
  storage: StorageSizes;
  bursts: BurstRun[];
  targets: { worker_rss_mb: number; p99_ms: number };
  total_s: number;
}

const fmt = (v: number | null | undefined, digits = 1) =>
  v === null || v === undefined || Number.isNaN(v) ? '—' : v.toFixed(digits);

export function toMarkdown(r: ScaleReport): string {
  const lines = [
    `Scale bench, ${r.at} (node ${r.node}, ${r.machine.cpus} × ${r.machine.cpu_model}, ${r.machine.total_memory_mb} MB, ` +
      `load average ${r.load_average.start.map((v) => v.toFixed(2)).join(' / ')} → ${r.load_average.end.map((v) => v.toFixed(2)).join(' / ')}): ` +
      `${r.args.posts} posts over ${r.args.days} days, ${r.args.accounts} accounts, ${r.clients.autonomous + r.clients.assisted} clients ` +
      `(${r.clients.assisted} assisted), seeded in ${r.seed_s} s, ${r.total_s} s in all.`,
    '',
    '| phase | cache | posts | imports (retried) | ms per post (wall) | import ms/post p50 | CPU ms per post (api/worker/temporal/pg) | worker idle MB | during max MB | after median MB | after slope MB/min |',
    '| ----- | ----- | ----: | ----------------: | -----------------: | -----------------: | ---------------------------------------: | -------------: | ------------: | --------------: | -----------------: |',
    ...r.phases.map(
      (p) =>
        `| ${p.name} | ${p.cache} (${Object.values(p.cached_workflows).join('/')}) | ${p.posts} | ${p.imports} (${p.imports_unavailable}) | ${fmt(p.ms_per_post)} | ${fmt(p.import_ms_per_post_p50)} | ${fmt(p.cpu_ms_per_post)} (${['api', 'worker', 'temporal', 'postgres'].map((k) => fmt(((p.cpu_s[k] ?? NaN) / Math.max(1, p.posts)) * 1000, 0)).join('/')}) | ${fmt(p.worker_idle.median_mb)} | ${fmt(p.worker_during.max_mb)} | ${fmt(p.worker_after.median_mb)} | ${fmt(p.worker_after.slope_mb_per_min)} |`,
    ),
    '',
    `RSS growth over idle, new / old settings: ${fmt(r.rss_growth_ratio_new_over_old, 2)}. ` +
      `When scheduling ended ${r.backlog.at_start.tasks} tasks were queued (oldest ${fmt(r.backlog.at_start.oldest_s, 0)} s); ` +
      `the queues ${r.backlog.drained ? 'emptied' : 'had NOT emptied'} after ${r.backlog.drain_s} s with ${r.backlog.workers} publish worker(s) ` +
      `(net ${fmt(r.backlog.tasks_per_s)} tasks/s). ` +
      `While all ${r.storage.publish_jobs} posts wait (${r.args.waitSeconds} s): worker ${fmt(r.wait.worker.min_mb)}–${fmt(r.wait.worker.max_mb)} MB ` +
      `(slope ${fmt(r.wait.worker.slope_mb_per_min)} MB/min; target < ${r.targets.worker_rss_mb} MB flat), API ${fmt(r.wait.api_mb)} MB, Temporal ${fmt(r.wait.temporal_mb)} MB; ` +
      `${r.wait.awaiting_approval} awaiting approval.`,
    '',
    '| measure | rows per call | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | p99 < 100 ms | CPU ms per call (API / Postgres) |',
    '| ------- | ------------: | -------: | -------: | -------: | -------: | ------------ | -------------------------------: |',
    ...r.api.map(
      (m) =>
        `| ${m.name} | ${m.rows_per_call} | ${m.latency.p50_ms} | ${m.latency.p95_ms} | ${m.latency.p99_ms} | ${m.latency.max_ms} | ${m.latency.p99_ms < r.targets.p99_ms ? 'yes' : 'no'} | ${fmt(m.cpu_ms_per_call.api)} / ${fmt(m.cpu_ms_per_call.postgres)} |`,
    ),
    '',
    `Storage: database ${r.storage.database_mb} MB (${Object.entries(r.storage.tables_mb)
      .map(([t, mb]) => `${t} ${mb}`)
      .join(', ')}), Temporal ${r.storage.temporal_db_mb} MB; ${r.storage.audit_events} audit events.`,
  ];
  for (const e of r.explain) lines.push('', `EXPLAIN (ANALYZE, BUFFERS) ${e.name}:`, '```', ...e.plan, '```');
  for (const { cache, cached_workflows, report: b, worker, late_task_completions } of r.bursts)
    lines.push(
      '',
      `Burst, ${cache} cache (${Object.values(cached_workflows).join('/')}): ${b.posts} posts on ${b.accounts} accounts ` +
        `(≤ ${b.max_per_account} each) due ${b.due_at}, scheduled in ${b.schedule_s} s (${b.scheduled_ahead_s} s ahead); ` +
        `statuses ${JSON.stringify(b.statuses)}; published after the due minute p50 ${fmt(b.published_after_due.p50_ms / 1000)} s, ` +
        `p95 ${fmt(b.published_after_due.p95_ms / 1000)} s, drained in ${fmt(b.drain_s)} s (${b.later_than_5_min} later than 5 min); ` +
        `CPU ${fmt(b.cpu_ms_per_post, 0)} ms per post (${Object.entries(b.cpu_s)
          .map(([k, v]) => `${k} ${v} s`)
          .join(', ')}). Sandbox: ${b.sandbox_posts} posts, keys once ${b.keys_once}, twice or more ` +
        `${b.keys_twice_or_more}, missing ${b.keys_missing}; closest two posts of one account ` +
        `${fmt(b.min_gap_same_account_s, 2)} s (${b.gaps_below_spacing} below ${b.pacing_min_spacing_s} s); most posts of ` +
        `one account that day ${b.max_published_per_account_day} (cap ${b.account_daily_cap}). Worker RSS during the ` +
        `burst: ${fmt(worker.min_mb)}–${fmt(worker.max_mb)} MB; ${late_task_completions} tasks completed after their timeout.`,
    );
  return lines.join('\n');
}
