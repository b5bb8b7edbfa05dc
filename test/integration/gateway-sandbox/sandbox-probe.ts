import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runSandboxed } from '../../../services/gateway/sandbox/run-sandboxed';
import type { SandboxLayers } from '../../../services/gateway/sandbox/sandbox-layers';
import { FULL_LAYERS } from '../../../services/gateway/sandbox/sandbox-layers';
import { guardedScriptFetcher } from '../../../services/gateway/sandbox/script-fetch';
import type { ScriptLimits } from '../../../services/gateway/sandbox/script-limits';
import { resolveLimits } from '../../../services/gateway/sandbox/script-limits';
import type { ScriptOutcome } from '../../../services/gateway/sandbox/script-outcome';
import { HOST_RUNNER_SOURCE } from './host-runner.source';

/** Every layer off: the start of "this layer alone" and of the controls that prove a test bites. */
export const NO_OS_LAYERS: Omit<SandboxLayers, 'runnerSource'> = {
  network: false,
  permissions: false,
  rlimits: false,
  heapLimit: false,
};

export interface ProbeOptions {
  /** only these layers (on top of none); the full sandbox when absent */
  only?: Partial<Omit<SandboxLayers, 'runnerSource'>>;
  /** run the script in the child's realm with `require` and `process` (the vm context escaped) */
  hostRealm?: boolean;
  limits?: Partial<ScriptLimits>;
  domains?: string[];
  input?: unknown;
  /** the guarded fetcher's loopback allowance (plain http to 127.0.0.0/8) */
  loopback?: boolean;
}

/** One real run; the child's pid comes back so a test can check it is gone. */
export async function probe(code: string, o: ProbeOptions = {}): Promise<{ outcome: ScriptOutcome; pid: number }> {
  const layers: SandboxLayers = {
    ...(o.only ? { ...NO_OS_LAYERS, ...o.only } : FULL_LAYERS),
    runnerSource: o.hostRealm ? HOST_RUNNER_SOURCE : FULL_LAYERS.runnerSource,
  };
  let pid = 0;
  const outcome = await runSandboxed(
    {
      code,
      input: o.input ?? null,
      domains: o.domains ?? [],
      limits: resolveLimits(o.limits),
      fetcher: guardedScriptFetcher(o.loopback ? { allowHttp: true, allowPrivate: ['127.0.0.0/8'] } : {}),
      onSpawn: (p) => (pid = p),
    },
    layers,
  );
  return { outcome, pid };
}

/** The result of a run that must have succeeded (a failed one fails the test with its code and message). */
export function resultOf(outcome: ScriptOutcome): unknown {
  if (!outcome.ok) throw new Error(`script failed: ${outcome.code}: ${outcome.message}`);
  return outcome.result;
}

export function processGone(pid: number): boolean {
  expect(pid).toBeGreaterThan(0);
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export interface CountingServer {
  url: string;
  port: number;
  hits: () => number;
  close: () => Promise<void>;
}

/** A local HTTP server on 127.0.0.1 that counts every connection it gets (HTTP or raw TCP). */
export async function countingServer(body: string): Promise<CountingServer> {
  let hits = 0;
  const server = createServer((_req, res) => res.end(body));
  server.on('connection', () => hits++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    hits: () => hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
