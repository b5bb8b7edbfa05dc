/**
 * Webhook ingest (issue #13): verified, durably stored events per second and the p99 time to acknowledge, against a
 * bare node:http endpoint in the same run, load from wrk on 127.0.0.1; then the ingest killed (SIGKILL) during a load
 * and restarted, counting acknowledged deliveries missing from Postgres; then a flood of one duplicate delivery.
 *
 *   npx tsc -p tsconfig.build.json && node dist/bench/ingest/ingest.bench.js [out.json]
 *
 * Tunables (environment): RAIZE_BENCH_SECONDS (15), RAIZE_BENCH_CONNECTIONS (64), RAIZE_BENCH_THREADS (2),
 * RAIZE_BENCH_DATABASE_SERVER (postgres://postgres@127.0.0.1:5432), RAIZE_BENCH_KEEP=1 keeps the database. Needs wrk
 * (Debian: apt-get install wrk). The drainer is off here: this measures the ingest's own path (verify, parse, group
 * commit, answer); the drain into Temporal is covered by test/integration/ingest.
 */
import '../quiet-logs';
import type { ChildProcess } from 'node:child_process';
import { execFile, fork } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { migrate } from '../../services/core/database/migrate';
import { repoRoot } from '../../services/core/util/repo-root';
import { freePort } from '../../deploy/local/free-port';

const SECONDS = Number(process.env.RAIZE_BENCH_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.RAIZE_BENCH_CONNECTIONS ?? 64);
const THREADS = Number(process.env.RAIZE_BENCH_THREADS ?? 2);
const SERVER = process.env.RAIZE_BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';
const SECRET = randomUUID();
const ACCOUNT = 'bench-account';

interface WrkResult {
  requests: number;
  seconds: number;
  non2xx: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

function ms(v: string): number {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(v.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

function wrk(url: string, script: string, args: string[], seconds = SECONDS): Promise<WrkResult> {
  const argv = ['-t', String(THREADS), '-c', String(CONNECTIONS), '-d', `${seconds}s`, '--latency', '-s', script, url];
  return new Promise((resolveRun, reject) =>
    execFile('wrk', [...argv, '--', ...args], { maxBuffer: 1 << 20 }, (err, stdout) => {
      if (err) return reject(err);
      const total = /(\d+) requests in ([\d.]+)(s|m)/.exec(stdout);
      const errs = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
      resolveRun({
        requests: Number(total?.[1] ?? 0),
        seconds: Number(total?.[2] ?? 0) * (total?.[3] === 'm' ? 60 : 1),
        non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
        errors: errs ? errs.slice(1).reduce((s, x) => s + Number(x), 0) : 0,
        rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1] ?? 0),
        p50Ms: ms(/\s50%\s+(\S+)/.exec(stdout)?.[1] ?? ''),
        p99Ms: ms(/\s99%\s+(\S+)/.exec(stdout)?.[1] ?? ''),
      });
    }),
  );
}

function delivery(commentId: string): { body: string; headers: Record<string, string> } {
  const now = new Date().toISOString();
  const body = JSON.stringify({
    id: `sbx_evt_${commentId}`,
    type: 'comment.created',
    createdAt: now,
    data: {
      comment: {
        id: commentId,
        postId: 'sbx_p_bench',
        authorId: 'sbx_u_fan',
        text: 'Is this in stock?',
        createdAt: now,
      },
      post: { id: 'sbx_p_bench', authorId: ACCOUNT, url: 'http://127.0.0.1/p/sbx_p_bench' },
    },
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'x-sandbox-signature': `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`,
      'x-sandbox-timestamp': String(Math.floor(Date.now() / 1000)),
      'x-sandbox-delivery': `sbx_evt_${commentId}`,
    },
  };
}

function writeRequests(file: string, n: number, prefix: string): void {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const d = delivery(`${prefix}_${i}`);
    const h = d.headers;
    lines.push(`${h['x-sandbox-signature']}\t${h['x-sandbox-timestamp']}\t${h['x-sandbox-delivery']}\t${d.body}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

function forkReady(script: string, env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; msg: { port?: number } }> {
  const child = fork(script, [], { env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((res, rej) => {
    child.once('message', (msg: { port?: number }) => res({ child, msg }));
    child.once('exit', (code) => rej(new Error(`${script} exited with ${code}`)));
  });
}

async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  return Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);
}

async function main(): Promise<void> {
  const dbName = `raize_bench_ingest_${Date.now().toString(36)}`;
  const databaseUrl = `${SERVER}/${dbName}`;
  const dir = mkdtempSync(join(tmpdir(), 'raize-bench-ingest-'));
  const dist = (p: string) => join(repoRoot(), 'dist', p);
  const children: ChildProcess[] = [];
  let db: Client | undefined;
  try {
    process.stderr.write(`[bench] database ${dbName}\n`);
    await migrate(databaseUrl);
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
    const port = await freePort();
    const ingestEnv = {
      ...process.env,
      RAIZE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      RAIZE_DATA_DIR: dir,
      RAIZE_INGEST_PORT: String(port),
      RAIZE_INGEST_DRAIN: '0',
      RAIZE_INGEST_SANDBOX_SECRET: SECRET,
    };
    const startIngest = async () => {
      const r = await forkReady(dist('services/ingest/main.js'), ingestEnv);
      children.push(r.child);
      return r.child;
    };
    const bare = await forkReady(dist('bench/ingest/bare-endpoint.js'), { ...process.env });
    children.push(bare.child);
    let ingest = await startIngest();
    const script = join(repoRoot(), 'bench', 'ingest', 'signed-requests.lua');
    const ingestUrl = `http://127.0.0.1:${port}/webhooks/sandbox`;

    // 1. Baseline and ingest, same requests (distinct, signed), same load.
    const reqFile = join(dir, 'requests.tsv');
    writeRequests(reqFile, 200_000, `u${Date.now().toString(36)}`);
    process.stderr.write('[bench] bare node:http endpoint\n');
    const bareRun = await wrk(`http://127.0.0.1:${bare.msg.port}/webhooks/sandbox`, script, [reqFile, String(THREADS)]);
    process.stderr.write('[bench] ingest\n');
    const before = await count(db, 'SELECT count(*) AS n FROM inbound_events');
    const ingestRun = await wrk(ingestUrl, script, [reqFile, String(THREADS)]);
    const stored = (await count(db, 'SELECT count(*) AS n FROM inbound_events')) - before;
    const acked = ingestRun.requests - ingestRun.non2xx;

    // 2. A flood of one delivery: answered 200 every time, stored once.
    const dupFile = join(dir, 'duplicate.tsv');
    const dupId = `dup_${Date.now().toString(36)}`;
    writeRequests(dupFile, 1, dupId);
    process.stderr.write('[bench] duplicate flood\n');
    const dupRun = await wrk(ingestUrl, script, [dupFile, '1'], Math.min(SECONDS, 10));
    const dupRows = await count(db, 'SELECT count(*) AS n FROM inbound_events WHERE delivery_id = $1', [`${dupId}_0`]);

    // 3. SIGKILL during a load, restart, resend nothing: every acknowledged id must be in Postgres.
    process.stderr.write('[bench] kill -9 during a load\n');
    const ackedIds: string[] = [];
    let refused = 0;
    let stop = false;
    let seq = 0;
    const tag = `k${Date.now().toString(36)}`;
    const sender = async () => {
      while (!stop) {
        const id = `${tag}_${seq++}`;
        const d = delivery(id);
        try {
          const res = await fetch(ingestUrl, { method: 'POST', headers: d.headers, body: d.body });
          await res.arrayBuffer();
          if (res.status === 200) ackedIds.push(id);
          else refused++;
        } catch {
          refused++;
          await new Promise((r) => setTimeout(r, 20));
        }
      }
    };
    const senders = Array.from({ length: 32 }, () => sender());
    await new Promise((r) => setTimeout(r, 3000));
    ingest.kill('SIGKILL');
    await new Promise((r) => ingest.once('exit', r));
    const ackedAtKill = ackedIds.length;
    ingest = await startIngest();
    await new Promise((r) => setTimeout(r, 2000));
    stop = true;
    await Promise.all(senders);
    const found = await count(db, 'SELECT count(*) AS n FROM inbound_events WHERE delivery_id = ANY ($1::text[])', [
      ackedIds,
    ]);

    const report = {
      machine: { cores: cpus().length, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version },
      load: { tool: 'wrk', seconds: SECONDS, connections: CONNECTIONS, threads: THREADS },
      bare: bareRun,
      ingest: { ...ingestRun, acked, stored, storedPerSecond: Math.round(stored / ingestRun.seconds) },
      duplicateFlood: { ...dupRun, rowsStored: dupRows },
      kill: { acked: ackedIds.length, ackedAtKill, refusedOrCut: refused, missing: ackedIds.length - found },
    };
    process.stdout.write(`\n${toMarkdown(report)}\n`);
    const out = process.argv[2];
    if (out) {
      const file = resolve(out);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    }
    process.exitCode = report.kill.missing === 0 && stored === acked && dupRows === 1 ? 0 : 1;
  } finally {
    for (const c of children) c.kill('SIGKILL');
    await db?.end().catch(() => undefined);
    if (process.env.RAIZE_BENCH_KEEP !== '1') {
      const admin = new Client({ connectionString: `${SERVER}/postgres` });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

type Report = {
  machine: { cores: number; memGiB: number; node: string };
  load: { seconds: number; connections: number; threads: number };
  bare: WrkResult;
  ingest: WrkResult & { acked: number; stored: number; storedPerSecond: number };
  duplicateFlood: WrkResult & { rowsStored: number };
  kill: { acked: number; ackedAtKill: number; refusedOrCut: number; missing: number };
};

export function toMarkdown(r: Report): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : 'n/a');
  return [
    `Load: wrk, ${r.load.threads} threads, ${r.load.connections} connections, ${r.load.seconds} s; ${r.machine.cores} cores, ${r.machine.memGiB} GiB, Node ${r.machine.node}`,
    '',
    '| endpoint | requests/s | 2xx | p50 ack (ms) | p99 ack (ms) | stored rows | stored/s |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    `| bare node:http | ${Math.round(r.bare.rps)} | ${r.bare.requests - r.bare.non2xx} | ${f(r.bare.p50Ms)} | ${f(r.bare.p99Ms)} | – | – |`,
    `| ingest (verify + group commit) | ${Math.round(r.ingest.rps)} | ${r.ingest.acked} | ${f(r.ingest.p50Ms)} | ${f(r.ingest.p99Ms)} | ${r.ingest.stored} | ${r.ingest.storedPerSecond} |`,
    `| ingest, one delivery flooded | ${Math.round(r.duplicateFlood.rps)} | ${r.duplicateFlood.requests - r.duplicateFlood.non2xx} | ${f(r.duplicateFlood.p50Ms)} | ${f(r.duplicateFlood.p99Ms)} | ${r.duplicateFlood.rowsStored} | – |`,
    '',
    `Kill -9 during a load: ${r.kill.acked} deliveries acknowledged (${r.kill.ackedAtKill} before the kill), ${r.kill.refusedOrCut} cut or refused while down, **${r.kill.missing} acknowledged deliveries missing** after the restart.`,
  ].join('\n');
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
