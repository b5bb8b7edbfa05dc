/**
 * The calendar month and the approvals queue through the API at 100,000 posts (issue #18): the scale bench's own
 * measure (bench/scale/api-latency.ts: the web app's documents and page sizes, over HTTP with an operator's session,
 * the API's and Postgres' CPU per call) against a database holding the posts an agency schedules in a month for 100
 * clients, seeded straight into the tables. The calendar and the queue read rows only: how the posts were scheduled
 * (and the 2+ hours it takes this machine to start 100,000 publish workflows) does not change what they read.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/calendar/calendar-api.bench.js [out.json]
 *
 * Tunables (environment): RAIZE_BENCH_CALENDAR_TOTAL (100000 posts in all), RAIZE_BENCH_CALENDAR_QUERIES (200 per
 * measure), RAIZE_BENCH_DATABASE_SERVER, RAIZE_BENCH_KEEP=1. Starts what the scale bench starts (a Temporal dev
 * server the API connects to, a fresh database, the API as a process of its own); no worker.
 */
import '../quiet-logs';
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { GraphqlClient } from '../../deploy/local/stack/graphql-client';
import { TenantBootstrap } from '../../services/core/bootstrap/tenants';
import { createDataSource } from '../../services/core/database/data-source';
import { createSecrets } from '../../services/core/secrets/create-secrets';
import { Cleanup } from '../episodes/bench-stack';
import type { ApiMeasure } from '../scale/api-latency';
import { measureApi } from '../scale/api-latency';
import { stackCpu, startScaleStack } from '../scale/scale-stack';
import { seedCalendarTenant, seedScheduledPosts } from './seed-calendar';
import { benchMain, machineInfo } from '../report-file';

const TARGET_P99_MS = 100;
/** a busy client's month: the scale bench's 100,000 posts over 30 days for 100 clients of 10 accounts */
const POSTS_PER_CLIENT_MONTH = 1000;

export interface CalendarApiBenchReport {
  bench: 'calendar-api';
  at: string;
  node: string;
  machine: { cpus: number; cpu_model: string; total_memory_mb: number };
  load_average: { before: number; after: number };
  posts_in_database: number;
  clients: number;
  seed_s: number;
  measures: ApiMeasure[];
  target_p99_ms: number;
}

const progress = (m: string) => process.stderr.write(`[calendar-api ${new Date().toISOString().slice(11, 19)}] ${m}\n`);

export async function runCalendarApiBench(): Promise<CalendarApiBenchReport> {
  const total = Number(process.env.RAIZE_BENCH_CALENDAR_TOTAL ?? 100_000);
  const queries = Number(process.env.RAIZE_BENCH_CALENDAR_QUERIES ?? 200);
  const cleanup = new Cleanup();
  try {
    progress('starting Temporal, a fresh database and the API');
    const stack = await startScaleStack(cleanup, `${Date.now().toString(36)}${process.pid.toString(36)}`);
    const owner = createDataSource(stack.databaseUrl, { applicationName: 'raize-bench-calendar-api', poolSize: 4 });
    await owner.initialize();
    cleanup.add('close owner pool', () => owner.destroy());

    // The measured client: a year at a busy client's pace (a tenth waiting for approval, a third approved); the rest
    // of the 100,000 are neighbours posting as much in the measured month, each a client of its own.
    const seedStart = Date.now();
    const month = { from: '2027-01-01', to: '2027-02-01' };
    // The stack's own keyring: the audit chain's key is one the API reads too.
    const secrets = createSecrets(stack.config);
    // A client of 10 accounts and its posts, a tenth awaiting approval, a third approved, spread evenly over `days`.
    const seedClient = async (timezone: string, start: string, count: number, days: number) => {
      const t = await seedCalendarTenant(owner, { timezone, accounts: 10, secrets });
      const spacingMs = Math.floor((days * 86_400_000) / count);
      await seedScheduledPosts(owner, t, {
        start: new Date(start),
        count,
        spacingMs,
        awaitingEvery: 10,
        approvedEvery: 3,
      });
      return t;
    };
    const yearPosts = POSTS_PER_CLIENT_MONTH * 12;
    const measured = await seedClient('Europe/Berlin', '2027-01-01T00:00:00Z', yearPosts, 365);
    const neighbours = Math.max(0, Math.ceil((total - yearPosts) / POSTS_PER_CLIENT_MONTH));
    for (let i = 0; i < neighbours; i++) {
      await seedClient('America/New_York', '2027-01-01T05:00:00Z', POSTS_PER_CLIENT_MONTH, 31);
      if ((i + 1) % 20 === 0) progress(`seeded ${i + 1}/${neighbours} neighbour clients`);
    }
    await owner.query('ANALYZE');
    const [{ n: posts }] = await owner.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM publish_jobs`);
    const seedS = Math.round((Date.now() - seedStart) / 1000);
    progress(`${posts} posts for ${neighbours + 1} clients seeded in ${seedS} s`);

    const [{ email }] = await owner.query<{ email: string }[]>(`SELECT email FROM users WHERE id = $1`, [
      measured.userId,
    ]);
    const password = randomBytes(18).toString('base64url');
    await new TenantBootstrap(owner, secrets).setPassword(measured.userId, password);
    const who = await new GraphqlClient(stack.graphqlUrl).signIn(email, password);

    const loadBefore = loadavg()[0];
    progress(`timing the calendar month and the approvals queue through GraphQL (${queries} calls each)`);
    const measures = await measureApi(
      {
        url: stack.graphqlUrl,
        who,
        queries,
        cpu: () => stackCpu(stack, owner, { api: stack.api.pid }),
      },
      { calendarClients: [measured.clientId], queueClients: [measured.clientId], ...month },
    );
    return {
      bench: 'calendar-api',
      at: new Date().toISOString(),
      node: process.version,
      machine: machineInfo(),
      load_average: { before: loadBefore, after: loadavg()[0] },
      posts_in_database: posts,
      clients: neighbours + 1,
      seed_s: seedS,
      measures,
      target_p99_ms: TARGET_P99_MS,
    };
  } finally {
    const problems = await cleanup.run();
    for (const p of problems) process.stderr.write(`[calendar-api] cleanup: ${p}\n`);
  }
}

export function toMarkdown(r: CalendarApiBenchReport): string {
  return [
    `Calendar through the API, ${r.at.slice(0, 10)} (node ${r.node}, ${r.machine.cpus} × ${r.machine.cpu_model}, load average ${r.load_average.before.toFixed(1)} → ${r.load_average.after.toFixed(1)}): ` +
      `${r.posts_in_database} posts for ${r.clients} clients, seeded in ${r.seed_s} s.`,
    '',
    '| measure | rows per call | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | CPU ms per call | p99 < 100 ms |',
    '| ------- | ------------: | -------: | -------: | -------: | -------: | --------------- | ------------ |',
    ...r.measures.map(
      (m) =>
        `| ${m.name} | ${m.rows_per_call} | ${m.latency.p50_ms} | ${m.latency.p95_ms} | ${m.latency.p99_ms} | ${m.latency.max_ms} | ${Object.entries(
          m.cpu_ms_per_call,
        )
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} | ${m.latency.p99_ms < r.target_p99_ms ? 'yes' : 'no'} |`,
    ),
  ].join('\n');
}

if (require.main === module)
  benchMain(runCalendarApiBench, toMarkdown, (r) => r.measures.every((m) => m.latency.p99_ms < TARGET_P99_MS));
