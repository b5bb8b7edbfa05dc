import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OperatorSession } from '../../deploy/local/stack/graphql-client';
import type { SandboxAdminClient } from '../../services/sandbox/sandbox-admin.client';
import { isFinalPublishStatus } from '../../workflows/contracts/vocabulary/publish-status';
import type { LatencySummary } from '../episodes/latency';
import { summarize } from '../episodes/latency';
import type { CsvRow, ImportChunk } from './csv-import';
import type { ProcessCpu } from './process-cpu';
import { runImports, toCsv } from './csv-import';
import type { ScaleClient } from './scale-seed';

export interface BurstReport {
  posts: number;
  accounts: number;
  /** the most posts one account has in the burst */
  max_per_account: number;
  account_daily_cap: number;
  /** the sandbox's pacing for one account's posts (connectors/sandbox: minimum spacing + random jitter) */
  pacing_min_spacing_s: number;
  due_at: string;
  /** seconds between the last import's answer and the due minute (negative: some were scheduled late) */
  scheduled_ahead_s: number;
  schedule_s: number;
  statuses: Record<string, number>;
  /** the due minute → each post's publishedAt */
  published_after_due: LatencySummary;
  /** due minute → the last post published: how long the burst took to drain */
  drain_s: number | null;
  /** posts published more than 5 minutes after the due minute */
  later_than_5_min: number;
  /** CPU seconds of the API, the worker, Temporal and Postgres from the due minute until the burst ended */
  cpu_s: Record<string, number>;
  cpu_ms_per_post: number;
  sandbox_posts: number;
  /** sandbox posts per idempotency key: every key once, none twice, none missing */
  keys_once: number;
  keys_twice_or_more: number;
  keys_missing: number;
  /** the closest two posts of one account on the platform came, and how many pairs came closer than the spacing */
  min_gap_same_account_s: number | null;
  gaps_below_spacing: number;
  /** posts one account published on the burst's day, at most */
  max_published_per_account_day: number;
  within_caps: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Burst posts spread over the accounts: every account one more before any gets two more. */
function burstRows(clients: ScaleClient[], posts: number, at: Date): { chunks: ImportChunk[]; perAccount: number } {
  const accounts = clients.flatMap((c) => c.accountIds.map((id) => ({ clientId: c.id, id })));
  const count = new Map<string, number>(
    accounts.map((a, i) => [a.id, Math.floor(posts / accounts.length) + (i < posts % accounts.length ? 1 : 0)]),
  );
  const chunks: ImportChunk[] = [];
  for (const c of clients) {
    const most = Math.max(...c.accountIds.map((id) => count.get(id) ?? 0));
    const rows: CsvRow[] = [];
    for (let j = 0; j < most; j++) {
      const ids = c.accountIds.filter((id) => (count.get(id) ?? 0) > j);
      if (ids.length)
        rows.push({ text: `Scale burst ${j + 1} ${randomBytes(6).toString('hex')}`, accountIds: ids, at });
    }
    if (rows.length)
      chunks.push({ clientId: c.id, csv: toCsv(rows), posts: rows.reduce((n, r) => n + r.accountIds.length, 0) });
  }
  return { chunks, perAccount: Math.max(...count.values()) };
}

/**
 * 1,000 posts due in the same minute, scheduled through the CSV import like the rest, on the autonomous clients'
 * accounts (several each: the sandbox's pacing spaces one account's posts). The sandbox ignores idempotency keys
 * during the burst, so a post sent twice would show as two posts: exactly once is Raize's doing, not the platform's.
 */
export async function runBurst(o: {
  ds: DataSource;
  sandbox: SandboxAdminClient;
  url: string;
  who: OperatorSession;
  clients: ScaleClient[];
  posts: number;
  /** scheduling rate measured so far (posts per second), to put the due minute after the last import answers */
  postsPerSecond: number;
  concurrency: number;
  dailyCap: number;
  minSpacingSeconds: number;
  timeoutMs: number;
  progress: (m: string) => void;
  /** measures the services' CPU from the due minute until the burst has drained */
  cpu?: ProcessCpu;
}): Promise<BurstReport> {
  const leadS = 90 + (1.5 * o.posts) / Math.max(o.postsPerSecond, 0.5);
  const due = new Date(Math.ceil((Date.now() + leadS * 1000) / 60_000) * 60_000);
  const { chunks, perAccount } = burstRows(o.clients, o.posts, due);
  await o.sandbox.setFlags({ ignoreIdempotencyKey: true });
  o.progress(`burst: ${o.posts} posts due at ${due.toISOString()} (≤ ${perAccount} per account), scheduling`);
  const t0 = Date.now();
  const imported = await runImports(chunks, {
    url: o.url,
    who: o.who,
    concurrency: o.concurrency,
    budget: Number.POSITIVE_INFINITY,
  });
  const scheduledAt = Date.now();
  const jobIds = imported.flatMap((r) => r.postIds);
  o.progress(
    `burst: scheduled ${jobIds.length} in ${((scheduledAt - t0) / 1000).toFixed(0)} s; waiting for the due minute`,
  );

  await sleep(Math.max(0, due.getTime() - Date.now()));
  await o.cpu?.begin();
  const deadline = due.getTime() + o.timeoutMs;
  let statuses: Record<string, number> = {};
  for (;;) {
    const rows = await o.ds.query<{ status: string; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM publish_jobs WHERE id = ANY($1) GROUP BY status`,
      [jobIds],
    );
    statuses = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const open = rows.filter((r) => !isFinalPublishStatus(r.status)).reduce((n, r) => n + r.n, 0);
    if (open === 0 || Date.now() > deadline) break;
    await sleep(2000);
  }

  const cpu = (await o.cpu?.end()) ?? {};
  const jobs = await o.ds.query<
    { idempotency_key: string; published_at: Date | null; external_account_id: string; platform_account_id: string }[]
  >(
    `SELECT j.idempotency_key, j.published_at, a.external_account_id, j.platform_account_id
       FROM publish_jobs j JOIN platform_accounts a ON a.id = j.platform_account_id WHERE j.id = ANY($1)`,
    [jobIds],
  );
  const posts = await o.sandbox.listPosts();
  const keys = new Set(jobs.map((j) => j.idempotency_key));
  const perKey = new Map<string, number>();
  for (const p of posts)
    if (p.requestKey && keys.has(p.requestKey)) perKey.set(p.requestKey, (perKey.get(p.requestKey) ?? 0) + 1);
  const byAuthor = new Map<string, number[]>();
  for (const p of posts) byAuthor.set(p.authorId, [...(byAuthor.get(p.authorId) ?? []), Date.parse(p.createdAt)]);
  let minGap: number | null = null;
  let below = 0;
  for (const times of byAuthor.values()) {
    times.sort((a, b) => a - b);
    for (let i = 1; i < times.length; i++) {
      const gap = (times[i] - times[i - 1]) / 1000;
      minGap = minGap === null ? gap : Math.min(minGap, gap);
      if (gap < o.minSpacingSeconds) below++;
    }
  }
  const [{ most }] = await o.ds.query<{ most: number }[]>(
    `SELECT coalesce(max(n), 0)::int AS most FROM (
       SELECT platform_account_id, count(*) AS n FROM publish_jobs
        WHERE published_at >= date_trunc('day', $1::timestamptz) AND published_at < date_trunc('day', $1::timestamptz) + interval '1 day'
        GROUP BY platform_account_id) x`,
    [due],
  );
  const published = jobs
    .filter((j) => j.published_at)
    .map((j) => (new Date(j.published_at!).getTime() - due.getTime()) / 1000);
  await o.sandbox.setFlags({ ignoreIdempotencyKey: false });
  return {
    posts: jobIds.length,
    accounts: new Set(jobs.map((j) => j.platform_account_id)).size,
    max_per_account: perAccount,
    account_daily_cap: o.dailyCap,
    pacing_min_spacing_s: o.minSpacingSeconds,
    due_at: due.toISOString(),
    scheduled_ahead_s: Math.round((due.getTime() - scheduledAt) / 1000),
    schedule_s: Math.round((scheduledAt - t0) / 1000),
    statuses,
    published_after_due: summarize(published.map((s) => s * 1000)),
    drain_s: published.length ? Math.round(Math.max(...published) * 10) / 10 : null,
    later_than_5_min: published.filter((s) => s > 300).length,
    cpu_s: cpu,
    cpu_ms_per_post: jobIds.length
      ? Math.round((Object.values(cpu).reduce((a, b) => a + b, 0) / jobIds.length) * 10_000) / 10
      : NaN,
    sandbox_posts: posts.length,
    keys_once: [...perKey.values()].filter((n) => n === 1).length,
    keys_twice_or_more: [...perKey.values()].filter((n) => n > 1).length,
    keys_missing: [...keys].filter((k) => !perKey.has(k)).length,
    min_gap_same_account_s: minGap === null ? null : Math.round(minGap * 1000) / 1000,
    gaps_below_spacing: below,
    max_published_per_account_day: most,
    within_caps: most <= o.dailyCap,
  };
}
