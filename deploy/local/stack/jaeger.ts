import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '../../../services/core/util/repo-root';

/** Jaeger's listeners: OTLP/HTTP in, the query API and UI out (its gRPC query port is required by Jaeger). */
export interface JaegerPorts {
  otlpHttp: number;
  query: number;
  queryGrpc: number;
}

/** The local stack's ports: Jaeger's own defaults, so its documentation's URLs work as they are. */
export const JAEGER_PORTS: JaegerPorts = { otlpHttp: 4318, query: 16686, queryGrpc: 16685 };

/**
 * Jaeger built from the Go module proxy has no UI assets (they come from a separate JavaScript build): its UI is
 * served from this folder instead, a small trace viewer over Jaeger's query API (deploy/local/jaeger-ui/index.html).
 */
export function jaegerUiAssets(): string {
  return join(repoRoot(), 'deploy', 'local', 'jaeger-ui');
}

/**
 * Jaeger v2's all-in-one (memory storage), trimmed to what Raize uses: OTLP/HTTP in, the query service out, all on
 * `host`. Without --config Jaeger opens a dozen fixed ports (gRPC OTLP, Zipkin, Jaeger thrift, sampling, zpages,
 * its own metrics on 8888) that would collide with a second instance in a test, or with anything else on 8888.
 */
export function jaegerConfig(host: string, p: JaegerPorts, uiAssets = jaegerUiAssets()): string {
  return `# Written by deploy/local/stack/jaeger.ts on every start; edits are lost.
service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    resource:
      service.name: jaeger
    metrics:
      level: none
    logs:
      level: warn

extensions:
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 100000
  jaeger_query:
    storage:
      traces: memstore
    ui:
      assets_path: ${JSON.stringify(uiAssets)}
    http:
      endpoint: ${host}:${p.query}
    grpc:
      endpoint: ${host}:${p.queryGrpc}

receivers:
  otlp:
    protocols:
      http:
        endpoint: ${host}:${p.otlpHttp}

processors:
  batch:
    timeout: 200ms

exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
`;
}

export interface RunningJaeger {
  /** the OTLP/HTTP base URL: OTEL_EXPORTER_OTLP_ENDPOINT for the services */
  otlpEndpoint: string;
  /** the UI and query API origin: RAIZE_TRACE_UI_URL */
  uiUrl: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts Jaeger (deploy/tools/build-jaeger.sh builds it) with `jaegerConfig`, and waits until its query API answers.
 * Traces live in memory: they are gone when it stops.
 */
export async function startJaeger(o: {
  bin: string;
  configFile: string;
  ports?: JaegerPorts;
  host?: string;
  logFile?: string;
  timeoutMs?: number;
}): Promise<RunningJaeger> {
  const host = o.host ?? '127.0.0.1';
  const ports = o.ports ?? JAEGER_PORTS;
  mkdirSync(dirname(o.configFile), { recursive: true });
  writeFileSync(o.configFile, jaegerConfig(host, ports));
  const child = spawn(o.bin, ['--config', `file:${o.configFile}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (b: Buffer) => (output = (output + b.toString('utf8')).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  if (o.logFile) {
    mkdirSync(dirname(o.logFile), { recursive: true });
    const log = createWriteStream(o.logFile, { flags: 'a' });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
  }
  let exited: number | null = null;
  let spawnError: Error | undefined;
  child.on('exit', (code) => (exited = code ?? -1));
  child.on('error', (err) => {
    spawnError = err;
    exited = -1;
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (exited !== null) return resolve();
      const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
      child.once('exit', () => {
        clearTimeout(t);
        resolve();
      });
      child.kill('SIGTERM');
    });
  const uiUrl = `http://${host}:${ports.query}`;
  const deadline = Date.now() + (o.timeoutMs ?? 30_000);
  for (;;) {
    if (spawnError)
      throw new Error(`Jaeger could not start (${spawnError.message}); build it: bash deploy/tools/build-jaeger.sh`);
    if (exited !== null) throw new Error(`Jaeger exited with code ${exited}: ${output.slice(-800)}`);
    const res = await fetch(`${uiUrl}/api/services`).catch(() => undefined);
    if (res?.ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Jaeger did not answer on ${uiUrl} in time: ${output.slice(-800)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { otlpEndpoint: `http://${host}:${ports.otlpHttp}`, uiUrl, process: child, stop };
}

/** Where the stack keeps Jaeger's generated config. */
export function jaegerConfigFile(runDir: string): string {
  return join(runDir, 'jaeger.yaml');
}
