/**
 * The calendar at agency volume: one client with 10,000 scheduled posts over a year (seeded straight into the
 * database), then a month of its calendar and its approvals queue read through the API's own service
 * (PostsCalendarService with the real AccessService), as the app role, in the operator's tenant scope, the way
 * a GraphQL request runs them. Target: p99 < 100 ms for each.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/calendar/calendar.bench.js [out.json]
 *
 * Tunables (environment): RAIZE_BENCH_CALENDAR_POSTS (10000), RAIZE_BENCH_CALENDAR_QUERIES (200 per measure),
 * RAIZE_BENCH_DATABASE_SERVER (postgres://postgres@127.0.0.1:5432), RAIZE_BENCH_KEEP=1 (keep the database).
 * No Temporal, no sandbox: the calendar reads rows only.
 */
import '../quiet-logs';
import { loadavg } from 'node:os';
import { Client as PgClient } from 'pg';
import { AccessService } from '../../services/api/auth/access.service';
import type { Actor } from '../../services/api/auth/actor';
import { MAX_CALENDAR_PAGE_SIZE } from '../../services/api/modules/posts/dtos/post-page.args';
import { PostsCalendarService } from '../../services/api/modules/posts/posts-calendar.service';
import { createAppDataSource, createDataSource } from '../../services/core/database/data-source';
import { migrate } from '../../services/core/database/migrate';
import { encodeCursor } from '../../services/core/scheduling/calendar.repository';
import { runInTenantScope, type TenantScope } from '../../services/core/tenancy/tenant-scope';
import { Cleanup } from '../episodes/bench-stack';
import { summarize, type LatencySummary } from '../episodes/latency';
import { seedCalendarTenant, seedScheduledPosts } from './seed-calendar';
import { benchMain, machineInfo } from '../report-file';

export interface CalendarBenchReport {
  bench: 'calendar';
  at: string;
  node: string;
  machine: { cpus: number; cpu_model: string; total_memory_mb: number };
  /** the machine's 1-minute load average before and after the measures: other work on it shows here */
  load_average: { before: number; after: number };
  posts: number;
  awaiting_approval: number;
  seed_ms: number;
  measures: { name: string; what: string; rows_per_query: number; latency: LatencySummary }[];
  target_p99_ms: number;
}

const TARGET_P99_MS = 100;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

export async function runCalendarBench(): Promise<CalendarBenchReport> {
  const posts = Number(process.env.RAIZE_BENCH_CALENDAR_POSTS ?? 10_000);
  const queries = Number(process.env.RAIZE_BENCH_CALENDAR_QUERIES ?? 200);
  const cleanup = new Cleanup();
  const server = (process.env.RAIZE_BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432').replace(/\/+$/, '');
  const name = `raize_bench_calendar_${Date.now().toString(36)}`;
  const url = `${server}/${name}`;
  cleanup.add(`drop database ${name}`, async () => {
    if (process.env.RAIZE_BENCH_KEEP) return;
    const c = new PgClient({ connectionString: `${server}/postgres` });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => c.end());
  });
  // A development process of its own: a keyring in RAIZE_DATA_DIR (or the default), no production secrets needed.
  process.env.RAIZE_ENV ??= 'test';
  process.env.DATABASE_URL = url;
  try {
    await migrate(url);
    const owner = createDataSource(url, { applicationName: 'raize-bench-seed' });
    await owner.initialize();
    cleanup.add('close owner connection', () => owner.destroy());

    // A year of posts, 10 % of them waiting for an approval, a third with an approval recorded; a neighbour
    // client with as many, so the indexes hold more than the measured tenant.
    const seedStart = Date.now();
    const t = await seedCalendarTenant(owner, { timezone: 'Europe/Berlin', accounts: 5 });
    const neighbour = await seedCalendarTenant(owner, { timezone: 'America/New_York', accounts: 5 });
    const yearMs = 365 * 86_400_000;
    const start = new Date('2027-01-01T00:00:00Z');
    for (const tenant of [t, neighbour])
      await seedScheduledPosts(owner, tenant, {
        start,
        count: posts,
        spacingMs: Math.floor(yearMs / posts),
        awaitingEvery: 10,
        approvedEvery: 3,
      });
    await owner.query('ANALYZE');
    const seedMs = Date.now() - seedStart;
    const [{ n: awaiting }] = await owner.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM publish_jobs WHERE client_id = $1 AND status = 'awaiting_approval'`,
      [t.clientId],
    );

    const ds = await createAppDataSource(url.replace('postgres@', 'raize_app@'), { env: 'test', poolSize: 4 });
    cleanup.add('close app connection', () => ds.destroy());
    const service = new PostsCalendarService(ds, new AccessService(ds));
    const actor: Actor = { userId: t.userId, via: 'dev-token' };
    const scope: TenantScope = {
      actorId: t.userId,
      agencyIds: [t.agencyId],
      clientIds: [],
      memberAgencyIds: [t.agencyId],
    };
    const request = <T>(fn: () => Promise<T>) => runInTenantScope(ds, scope, fn);
    const month = (i: number) => {
      const m = (i % 12) + 1;
      const next = m === 12 ? '2028-01-01' : `2027-${String(m + 1).padStart(2, '0')}-01`;
      return { from: `2027-${String(m).padStart(2, '0')}-01`, to: next };
    };

    const loadBefore = loadavg()[0];
    const measures: CalendarBenchReport['measures'] = [];
    async function measure(name: string, what: string, run: (i: number) => Promise<number>): Promise<void> {
      for (let i = 0; i < 10; i++) await run(i); // warm-up: plans cached, pool filled
      const samples: number[] = [];
      let rows = 0;
      for (let i = 0; i < queries; i++) {
        const { ms, value } = await timed(() => run(i));
        samples.push(ms);
        rows += value;
      }
      measures.push({ name, what, rows_per_query: Math.round(rows / queries), latency: summarize(samples) });
    }

    await measure('calendar month, first page', 'postCalendar(first: 200) of one month, months in turn', (i) =>
      request(async () => (await service.calendar(actor, { clientId: t.clientId, ...month(i), first: 200 })).length),
    );
    // A month as the web app reads it: every page in turn until a short one. At the calendar's own cap a busy
    // month is one call; at the queue's cap of 200 (the page size before issue #11) it was five.
    const walk = (first: number) => (i: number) =>
      request(async () => {
        let n = 0;
        let after: string | undefined;
        for (;;) {
          const page = await service.calendar(actor, { clientId: t.clientId, ...month(i), first, after });
          n += page.length;
          if (page.length < first) return n;
          const last = page[page.length - 1];
          after = encodeCursor({ at: last.scheduledAt, id: last.id });
        }
      });
    await measure(
      'calendar month, every page of 200',
      'postCalendar(first: 200) walked to the end of one month',
      walk(200),
    );
    await measure(
      `calendar month, every page of ${MAX_CALENDAR_PAGE_SIZE}`,
      `postCalendar(first: ${MAX_CALENDAR_PAGE_SIZE}) walked to the end of one month`,
      walk(MAX_CALENDAR_PAGE_SIZE),
    );
    await measure('approvals queue, first page', 'approvalQueue(first: 50)', () =>
      request(async () => (await service.approvalQueue(actor, { clientId: t.clientId, first: 50 })).length),
    );
    // A page deep in the queue, from a cursor taken once (cursors are positions, not offsets).
    const deep = await request(async () => {
      let after: string | undefined;
      for (let p = 0; p < 10; p++) {
        const page = await service.approvalQueue(actor, { clientId: t.clientId, first: 50, after });
        const last = page[page.length - 1];
        after = encodeCursor({ at: last.scheduledAt, id: last.id });
      }
      return after;
    });
    await measure('approvals queue, 11th page', 'approvalQueue(first: 50, after: the 10th page’s cursor)', () =>
      request(
        async () => (await service.approvalQueue(actor, { clientId: t.clientId, first: 50, after: deep })).length,
      ),
    );

    return {
      bench: 'calendar',
      at: new Date().toISOString(),
      node: process.version,
      machine: machineInfo(),
      load_average: { before: loadBefore, after: loadavg()[0] },
      posts,
      awaiting_approval: awaiting,
      seed_ms: seedMs,
      measures,
      target_p99_ms: TARGET_P99_MS,
    };
  } finally {
    const problems = await cleanup.run();
    for (const p of problems) process.stderr.write(`[bench] cleanup: ${p}\n`);
  }
}

export function toMarkdown(r: CalendarBenchReport): string {
  return [
    `Calendar bench, ${r.at.slice(0, 10)} (node ${r.node}, ${r.machine.cpus} × ${r.machine.cpu_model}, ${r.machine.total_memory_mb} MB, load average ${r.load_average.before.toFixed(1)} → ${r.load_average.after.toFixed(1)}): ` +
      `${r.posts} posts over a year for the measured client (${r.awaiting_approval} awaiting approval) and as many for a neighbour, seeded in ${r.seed_ms} ms.`,
    '',
    '| measure | rows per query | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | p99 < 100 ms |',
    '| ------- | -------------- | -------- | -------- | -------- | -------- | ------------ |',
    ...r.measures.map(
      (m) =>
        `| ${m.name} | ${m.rows_per_query} | ${m.latency.p50_ms} | ${m.latency.p95_ms} | ${m.latency.p99_ms} | ${m.latency.max_ms} | ${m.latency.p99_ms < r.target_p99_ms ? 'yes' : 'no'} |`,
    ),
  ].join('\n');
}

if (require.main === module)
  benchMain(runCalendarBench, toMarkdown, (r) => r.measures.every((m) => m.latency.p99_ms < TARGET_P99_MS));
