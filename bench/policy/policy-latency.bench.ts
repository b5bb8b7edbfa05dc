/**
 * Policy latency: the same side-effect policy asked in-process (OPA wasm through PolicyEngine) and over
 * HTTP from `opa run --server` on 127.0.0.1, with one representative input.
 *
 *   npm run build && node dist/bench/policy/policy-latency.bench.js [out.json]
 *
 * Tunables (environment): RAIZE_BENCH_POLICY_DECISIONS (default 100000), RAIZE_BENCH_POLICY_WARMUP (5000),
 * RAIZE_BENCH_POLICY_HTTP_REQUESTS (5000), RAIZE_BENCH_POLICY_HTTP_WARMUP (500).
 * All traffic stays on 127.0.0.1; the OPA server is started and killed by this script.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { PolicyEngine, POLICY_ENTRYPOINT } from '../../services/core/policy/policy-engine';
import {
  defaultPolicyWasmPath,
  findRepoRoot,
  policySourceDir,
  resolveOpaBinary,
} from '../../services/core/policy/policy-paths';
import type { PolicyDecision, PolicyInput } from '../../services/core/policy/policy.types';

const HOST = '127.0.0.1';

export interface LatencyStats {
  n: number;
  p50_us: number;
  p99_us: number;
  mean_us: number;
  min_us: number;
  max_us: number;
}

export interface PolicyLatencyReport {
  bench: 'policy-latency';
  at: string;
  node: string;
  opa: { binary: string; version: string };
  entrypoint: string;
  in_process: LatencyStats & { warmup: number; target: string };
  opa_server: LatencyStats & { warmup: number; target: string };
  /** opa_server / in_process */
  ratio: { p50: number; p99: number; mean: number };
  decision: PolicyDecision;
}

export interface PolicyLatencyOptions {
  decisions?: number;
  warmup?: number;
  httpRequests?: number;
  httpWarmup?: number;
}

/** A representative publish: assisted autonomy with a valid independent approval, four-eyes, caps, a cooldown, quiet hours, an unrelated kill switch. */
export function representativeInput(): PolicyInput {
  return {
    action: 'publish',
    platform: 'sandbox',
    lane: 'api',
    now_s: 1_764_000_000,
    scheduled_at_s: 1_763_999_990,
    local_time: { hour: 14, minute: 5, weekday: 3 },
    tenant: { agency_id: 'agency-1', client_id: 'client-1', account_id: 'account-1' },
    author: { id: 'user-1', kind: 'ai' },
    approvals: [{ approver_id: 'user-2', role: 'Publisher', checksum: 'c0ffee' }],
    content_checksum: 'c0ffee',
    kill_switches: [{ scope: 'client', scope_id: 'client-other' }],
    account: { status: 'connected', allowed_lanes: ['api', 'hybrid'] },
    settings: {
      autonomy: { publish: 'assisted', reply: 'autonomous', like: 'autonomous' },
      four_eyes: true,
      spend_caps: [],
      caps: [
        { action: 'publish', scope: 'account', max_per_day: 10 },
        { action: 'publish', platform: 'sandbox', scope: 'client', max_per_day: 50 },
        { action: 'reply', scope: 'global', max_per_day: 1000 },
      ],
      cooldown_seconds: { publish: 60 },
      quiet_hours: { start_hour: 22, end_hour: 7 },
      lateness_cutoff_seconds: null,
      enabled_platforms: [],
    },
    counters: { account_today: 3, client_today: 5, global_today: 9, seconds_since_last: 120 },
  };
}

export function stats(samplesNs: Float64Array): LatencyStats {
  const sorted = Float64Array.from(samplesNs).sort();
  const n = sorted.length;
  const rank = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))];
  let sum = 0;
  for (const v of sorted) sum += v;
  const us = (ns: number) => Math.round(ns / 10) / 100; // µs with 2 decimals
  return {
    n,
    p50_us: us(rank(0.5)),
    p99_us: us(rank(0.99)),
    mean_us: us(sum / n),
    min_us: us(sorted[0]),
    max_us: us(sorted[n - 1]),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, HOST, () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolvePort(addr.port) : reject(new Error('no free port'))));
    });
  });
}

function httpCall(
  agent: Agent,
  port: number,
  method: 'GET' | 'POST',
  path: string,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolveCall, reject) => {
    const req = request(
      {
        host: HOST,
        port,
        method,
        path,
        agent,
        headers:
          body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolveCall({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function startOpaServer(
  opa: string,
  policyDir: string,
): Promise<{ child: ChildProcess; port: number; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    opa,
    [
      'run',
      '--server',
      '--addr',
      `${HOST}:${port}`,
      '--skip-version-check',
      '--log-level',
      'error',
      '--ignore',
      '*_test.rego',
      policyDir,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr = (stderr + c.toString('utf8')).slice(-4000)));
  let exited = false;
  const exitPromise = new Promise<void>((r) => child.once('exit', () => ((exited = true), r())));
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exitPromise;
      clearTimeout(timer);
    }
  };

  const agent = new Agent({ keepAlive: false });
  const deadline = Date.now() + 30_000;
  try {
    for (;;) {
      if (exited) throw new Error(`opa run --server exited before becoming healthy: ${stderr.trim() || '(no output)'}`);
      try {
        const res = await httpCall(agent, port, 'GET', '/health');
        if (res.status === 200) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline)
        throw new Error(`opa run --server not healthy on ${HOST}:${port} after 30 s: ${stderr.trim()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  } catch (err) {
    await stop();
    throw err;
  } finally {
    agent.destroy();
  }
  return { child, port, stop };
}

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}

function ensurePolicyBuilt(root: string, wasmPath: string): void {
  if (existsSync(wasmPath)) return;
  process.stderr.write(`[bench] ${wasmPath} missing; running policies/build.sh\n`);
  execFileSync('bash', [join(root, 'policies', 'build.sh')], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
}

export async function runPolicyLatencyBench(opts: PolicyLatencyOptions = {}): Promise<PolicyLatencyReport> {
  const decisions = opts.decisions ?? envInt('RAIZE_BENCH_POLICY_DECISIONS', 100_000);
  const warmup = opts.warmup ?? envInt('RAIZE_BENCH_POLICY_WARMUP', 5_000);
  const httpRequests = opts.httpRequests ?? envInt('RAIZE_BENCH_POLICY_HTTP_REQUESTS', 5_000);
  const httpWarmup = opts.httpWarmup ?? envInt('RAIZE_BENCH_POLICY_HTTP_WARMUP', 500);

  const root = findRepoRoot(__dirname);
  const wasmPath = defaultPolicyWasmPath(root);
  ensurePolicyBuilt(root, wasmPath);
  const input = representativeInput();

  // ---- in-process (wasm) -------------------------------------------------------------------------
  const engine = await PolicyEngine.load({ wasmPath });
  const expected = engine.decide(input);
  if (!expected.allow)
    throw new Error(`representative input should be allowed, got ${JSON.stringify(expected.reasons)}`);
  for (let i = 0; i < warmup; i++) engine.decide(input);
  const local = new Float64Array(decisions);
  let denied = 0;
  for (let i = 0; i < decisions; i++) {
    const t0 = process.hrtime.bigint();
    const d = engine.decide(input);
    local[i] = Number(process.hrtime.bigint() - t0);
    if (!d.allow) denied++;
  }
  if (denied > 0)
    throw new Error(`${denied} of ${decisions} in-process decisions were denies (engine error or timeout)`);

  // ---- opa run --server (HTTP, sequential, keep-alive) --------------------------------------------
  const opa = resolveOpaBinary();
  const opaVersion = execFileSync(opa, ['version'], { encoding: 'utf8' }).match(/^Version:\s*(\S+)/m)?.[1] ?? 'unknown';
  const server = await startOpaServer(opa, policySourceDir(root));
  const remote = new Float64Array(httpRequests);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const path = `/v1/data/${POLICY_ENTRYPOINT}`;
    const ask = async () => {
      const res = await httpCall(agent, server.port, 'POST', path, JSON.stringify({ input }));
      if (res.status !== 200) throw new Error(`OPA server answered ${res.status}: ${res.text.slice(0, 300)}`);
      return JSON.parse(res.text) as { result?: { allow?: boolean } };
    };
    const first = await ask();
    if (first.result?.allow !== true)
      throw new Error(`OPA server disagrees with the wasm engine: ${JSON.stringify(first)}`);
    for (let i = 0; i < httpWarmup; i++) await ask();
    for (let i = 0; i < httpRequests; i++) {
      const t0 = process.hrtime.bigint();
      const body = await ask();
      remote[i] = Number(process.hrtime.bigint() - t0);
      if (body.result?.allow !== true) throw new Error(`OPA server denied request ${i}: ${JSON.stringify(body)}`);
    }
  } finally {
    agent.destroy();
    await server.stop();
  }

  const inProcess = stats(local);
  const opaServer = stats(remote);
  const ratio = (a: number, b: number) => Math.round((a / b) * 10) / 10;
  return {
    bench: 'policy-latency',
    at: new Date().toISOString(),
    node: process.version,
    opa: { binary: opa, version: opaVersion },
    entrypoint: POLICY_ENTRYPOINT,
    in_process: { ...inProcess, warmup, target: 'PolicyEngine.decide (opa-wasm, in-process)' },
    opa_server: {
      ...opaServer,
      warmup: httpWarmup,
      target: `opa run --server on ${HOST}, POST /v1/data/${POLICY_ENTRYPOINT}`,
    },
    ratio: {
      p50: ratio(opaServer.p50_us, inProcess.p50_us),
      p99: ratio(opaServer.p99_us, inProcess.p99_us),
      mean: ratio(opaServer.mean_us, inProcess.mean_us),
    },
    decision: expected,
  };
}

export function toMarkdown(r: PolicyLatencyReport): string {
  const row = (name: string, s: LatencyStats) =>
    `| ${name} | ${s.n} | ${s.p50_us.toFixed(2)} | ${s.p99_us.toFixed(2)} | ${s.mean_us.toFixed(2)} |`;
  return [
    `Policy latency (${r.entrypoint}, node ${r.node}, opa ${r.opa.version})`,
    '',
    '| target | decisions | p50 (µs) | p99 (µs) | mean (µs) |',
    '|---|---:|---:|---:|---:|',
    row('in-process wasm (PolicyEngine.decide)', r.in_process),
    row('opa run --server (HTTP, 127.0.0.1)', r.opa_server),
    '',
    `OPA server / in-process: p50 ×${r.ratio.p50}, p99 ×${r.ratio.p99}, mean ×${r.ratio.mean}`,
  ].join('\n');
}

async function main(): Promise<void> {
  const report = await runPolicyLatencyBench();
  process.stdout.write(`${toMarkdown(report)}\n`);
  const out = process.argv[2];
  if (out) {
    const file = resolve(out);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    process.stdout.write(`wrote ${file}\n`);
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `policy-latency bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
}
