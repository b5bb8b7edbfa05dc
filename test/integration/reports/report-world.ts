import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { SeededTenant } from '../../factories/tenant.factory';
import type { TestStack } from '../../harness/stack';

const DAY = 86_400_000;
const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The report's period in the tests: the last 28 days up to today (UTC clients), so "now" events fall inside it. */
export function lastFourWeeks(now = new Date()): { from: string; to: string; days: string[] } {
  const days = Array.from({ length: 28 }, (_, i) => iso(new Date(now.getTime() - (27 - i) * DAY)));
  return { from: days[0], to: days[27], days };
}

/** The figures the seeded rows must produce, as the report prints them. */
export interface Expected {
  reach: string;
  impressions: string;
  engagement: string;
  followerGrowth: string;
  publishSuccess: string;
  verified: string;
  medianTurnaround: string;
  p90Turnaround: string;
  aiSpend: string;
  replySla: string;
  topPost: string;
}

const en = (n: number) => n.toLocaleString('en-GB');

/**
 * A client's month of data, written by the database owner the way the episodes write it: two accounts' daily
 * insights (Facebook gives no followers or impressions: NULL, never 0), posts with their outcomes, approvals and
 * receipts, two posts' lifetime insights, and AI calls. Answers the figures these rows make.
 */
export async function seedReportData(ds: DataSource, t: SeededTenant, days: string[]): Promise<Expected> {
  const one = async (sql: string, params: unknown[]) => ((await ds.query(sql, params)) as { id: string }[])[0];
  const account = (platform: string, handle: string) =>
    one(
      `INSERT INTO platform_accounts (agency_id, client_id, platform, external_account_id, handle, fingerprint)
       VALUES ($1, $2, $3, $4, $5, 'fp') RETURNING id`,
      [t.agencyId, t.clientId, platform, randomUUID(), handle],
    );
  const ig = await account('instagram', '@acme_ig');
  const fb = await account('facebook', '@acme_fb');
  for (const [i, day] of days.entries()) {
    await ds.query(
      `INSERT INTO account_metrics_daily (agency_id, client_id, platform_account_id, day, followers, reach, impressions, engagement)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8), ($1, $2, $9, $4, NULL, 500, NULL, 20)`,
      [t.agencyId, t.clientId, ig.id, day, 5000 + 3 * i, 1000 + 10 * i, 2000 + i, 50 + i, fb.id],
    );
  }
  const sumI = (days.length * (days.length - 1)) / 2;
  const n = days.length;

  const asset = async (text: string) =>
    one(
      `INSERT INTO assets (agency_id, client_id, kind, text, checksum) VALUES ($1, $2, 'text', $3, 'x') RETURNING id`,
      [t.agencyId, t.clientId, text],
    );
  const proof = { response: { id: 'p' }, requestId: null, replayed: false, reconciled: false, readBack: null };
  const job = async (status: string, text: string, hoursAgo: number) =>
    one(
      `INSERT INTO publish_jobs (agency_id, client_id, platform_account_id, asset_id, asset_checksum, payload,
         idempotency_key, scheduled_at, timezone, status, workflow_id, created_by, proof, url, created_at)
       VALUES ($1, $2, $3, $4, 'x', '{}', $5, now() - make_interval(hours => $6), 'UTC', $7, $8, $9, $10, $11,
         now() - make_interval(hours => $6 + 24))
       RETURNING id`,
      [
        t.agencyId,
        t.clientId,
        ig.id,
        (await asset(text)).id,
        randomUUID(),
        hoursAgo,
        status,
        `seed-${randomUUID()}`,
        t.users.admin,
        ['verified', 'unverified'].includes(status) ? JSON.stringify(proof) : null,
        ['verified', 'unverified'].includes(status) ? 'https://instagram.example/p/seed' : null,
      ],
    );
  const best = await job('verified', 'Spring launch: our best-selling mug is back in three colours', 100);
  const second = await job('verified', 'Behind the scenes at the workshop', 90);
  const approved = [best, second, await job('verified', 'Tuesday tips', 80), await job('verified', 'Q&A', 70)];
  await job('unverified', 'A post the platform hid', 60);
  await job('failed', 'A post the platform refused', 50);
  await job('denied', 'A post the policy stopped', 40);
  // Released 1, 2, 3 and 10 hours after scheduling: median 2.5 h, 90th percentile 7.9 h.
  for (const [i, j] of approved.entries())
    await ds.query(
      `INSERT INTO approvals (agency_id, client_id, publish_job_id, approver_id, role, decision, asset_checksum, created_at)
       SELECT $1, $2, id, $3, 'Manager', 'approved', 'x', created_at + make_interval(hours => $4) FROM publish_jobs WHERE id = $5`,
      [t.agencyId, t.clientId, t.users.approver, [1, 2, 3, 10][i], j.id],
    );

  // Lifetime totals at each reading: the last reading of the period counts, not their sum.
  const postMetric = (jobId: string, day: string, reach: number, engagement: number) =>
    ds.query(
      `INSERT INTO post_metrics_daily (agency_id, client_id, platform_account_id, publish_job_id, platform_post_id, day, reach, impressions, engagement)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8)`,
      [t.agencyId, t.clientId, ig.id, jobId, `ig-${jobId.slice(0, 8)}`, day, reach, engagement],
    );
  await postMetric(best.id, days[n - 10], 300, 30);
  await postMetric(best.id, days[n - 3], 800, 90);
  await postMetric(second.id, days[n - 5], 500, 40);

  const month = days[n - 1].slice(0, 7);
  for (const cost of [1_250_000, 750_000])
    await ds.query(
      `INSERT INTO ai_usage (agency_id, client_id, provider, step_id, step_kind, kind, model, outcome, cost_micros, month,
         started_at, duration_ms)
       VALUES ($1, $2, 'openai', $3, 'plan', 'text', 'gpt-test', 'ok', $4, $5, now() - interval '1 hour', 100)`,
      [t.agencyId, t.clientId, `step-${randomUUID()}`, cost, month],
    );

  return {
    reach: en(n * 1000 + 10 * sumI + n * 500),
    impressions: en(n * 2000 + sumI),
    engagement: en(n * 50 + sumI + n * 20),
    followerGrowth: `+${3 * (n - 1)}`,
    publishSuccess: '83.3%',
    verified: '80%',
    medianTurnaround: '2 h 30 min',
    p90Turnaround: '7 h 54 min',
    aiSpend: '$2.00',
    replySla: '50%',
    topPost: 'Spring launch: our best-selling mug',
  };
}

/** Three conversations on the client's Instagram account, as the engagement episode opens them; one sensitive. */
export async function seedConversations(ds: DataSource, t: SeededTenant): Promise<string[]> {
  const [acc] = (await ds.query(`SELECT id FROM platform_accounts WHERE client_id = $1 AND platform = 'instagram'`, [
    t.clientId,
  ])) as { id: string }[];
  const ids: string[] = [];
  for (const [i, sensitive] of [true, false, false].entries()) {
    const [row] = (await ds.query(
      `INSERT INTO conversations (agency_id, client_id, platform_account_id, platform, thread_key, kind, status,
         sensitive, last_message_at)
       VALUES ($1, $2, $3, 'instagram', $4, 'comment', 'open', $5, now()) RETURNING id`,
      [t.agencyId, t.clientId, acc.id, `post:seed-${i}`, sensitive],
    )) as { id: string }[];
    ids.push(row.id);
  }
  return ids;
}

/** The PDF's pages as PNGs (poppler's pdftoppm) and its text (pdftotext), from a scratch directory. */
export function inspectPdf(pdf: Buffer, dpi = 50): { pages: Buffer[]; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'raize-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), file, join(dir, 'page')], { timeout: 60_000 });
    const pages = readdirSync(dir)
      .filter((f) => /^page-\d+\.png$/.test(f))
      .sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]))
      .map((f) => readFileSync(join(dir, f)));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { timeout: 60_000 }).toString('utf8');
    return { pages, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ReportView {
  id: string;
  status: string;
  trigger: string;
  periodStart: string;
  periodEnd: string;
  error: string | null;
  downloadUrl: string | null;
  proof: { key: string; value: number | null; display: string; source: string }[];
}

const REPORT_FIELDS = 'id status trigger periodStart periodEnd error downloadUrl proof { key value display source }';

/** Polls report(id) until it is ready or failed (the episode prints it on the worker). */
export async function waitForReport(
  stack: TestStack,
  actor: string,
  id: string,
  timeoutMs = 90_000,
): Promise<ReportView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await stack.gql<{ report: ReportView }>(
      actor,
      `query($id: ID!) { report(id: $id) { ${REPORT_FIELDS} } }`,
      {
        id,
      },
    );
    const report = r.data?.report;
    if (!report) throw new Error(`report(id): ${JSON.stringify(r.errors)}`);
    if (report.status !== 'generating') return report;
    if (Date.now() > deadline) throw new Error(`report ${id} still generating after ${timeoutMs} ms`);
    await new Promise((res) => setTimeout(res, 250));
  }
}
