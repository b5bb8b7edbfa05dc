import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logger } from '../../core/telemetry/logger';
import { sandboxCommand } from './sandbox-command';
import type { SandboxLayers } from './sandbox-layers';
import { FULL_LAYERS } from './sandbox-layers';
import type { ChildMessage, ParentMessage } from './sandbox-protocol';
import { childMessageSchema } from './sandbox-protocol';
import type { ScriptFetcher } from './script-fetch';
import { fetchForScript } from './script-fetch';
import type { ScriptLimits } from './script-limits';
import type { ScriptFailure, ScriptOutcome } from './script-outcome';
import { sandboxTools } from './sandbox-tools';

export interface SandboxRequest {
  code: string;
  input: unknown;
  domains: readonly string[];
  limits: ScriptLimits;
  fetcher: ScriptFetcher;
  /** told the child's pid once it runs (tests check that the process is gone afterwards) */
  onSpawn?: (pid: number) => void;
  /** the caller's cancellation: the run is killed like at the wall limit */
  signal?: AbortSignal;
}

/** A script may ask for this many fetches in one run, this many at a time. */
const MAX_FETCHES = 20;
const MAX_FETCHES_IN_FLIGHT = 4;

/** Signals that mean the kernel or V8 stopped the child, and what each says about why. */
const SIGNAL_FAILURES: Partial<Record<NodeJS.Signals, { code: ScriptFailure; message: string }>> = {
  SIGXCPU: { code: 'cpu', message: 'the script used more CPU time than allowed' },
  SIGABRT: { code: 'memory', message: 'the script used more memory than allowed' },
  SIGTRAP: { code: 'memory', message: 'the script used more memory than allowed' },
  SIGSEGV: { code: 'memory', message: 'the script used more memory than allowed' },
};

/**
 * One run in a child process (C-38) with the given layers; {@link FULL_LAYERS} in production. The child gets an
 * empty environment, an empty temp dir as cwd (removed afterwards), no stdio but the IPC channel, and its own
 * process group, which is SIGKILLed at the wall limit and after every run: when this resolves, the process is gone.
 */
export async function runSandboxed(req: SandboxRequest, layers: SandboxLayers = FULL_LAYERS): Promise<ScriptOutcome> {
  const tools = sandboxTools();
  if ((layers.network || layers.rlimits) && !tools) {
    return {
      ok: false,
      code: 'sandbox_unavailable',
      message: 'script sandbox is not available on this host',
      logs: [],
    };
  }
  let inputJson: string | undefined;
  try {
    inputJson = JSON.stringify(req.input ?? null);
  } catch {
    inputJson = undefined;
  }
  if (inputJson === undefined) {
    return { ok: false, code: 'script_error', message: 'the input is not JSON', logs: [] };
  }
  const dir = await mkdtemp(join(tmpdir(), 'raize-script-'));
  try {
    const runnerPath = join(dir, 'runner.cjs');
    await writeFile(runnerPath, layers.runnerSource, { mode: 0o644 });
    // traverse only: the unprivileged child reaches its runner by name and cannot list or write the dir
    await chmod(dir, 0o711);
    const [cmd, ...args] = sandboxCommand(layers, req.limits, tools, runnerPath);
    return await supervise(req, inputJson, cmd, args, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function supervise(
  req: SandboxRequest,
  inputJson: string,
  cmd: string,
  args: string[],
  cwd: string,
): Promise<ScriptOutcome> {
  return new Promise<ScriptOutcome>((resolve) => {
    const started = Date.now();
    const logs: string[] = [];
    let outputBytes = 0;
    let fetches = 0;
    let inFlight = 0;
    let verdict: ScriptOutcome | undefined;
    const fetchAbort = new AbortController();

    const child: ChildProcess = spawn(cmd, args, {
      cwd,
      env: {},
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
      detached: true,
      serialization: 'json',
    });

    const fail = (code: ScriptFailure, message: string): void => settle({ ok: false, code, message, logs });
    function settle(outcome: ScriptOutcome): void {
      if (verdict) return;
      verdict = outcome;
      killGroup(child);
    }
    const send = (msg: ParentMessage): void => {
      if (verdict || !child.connected) return;
      child.send(msg, (err) => {
        if (err) fail('script_error', 'the script ended without a result');
      });
    };

    const wall = setTimeout(() => fail('timeout', 'the script ran longer than allowed'), req.limits.wallMs);
    const onAbort = (): void => fail('timeout', 'the call was cancelled');
    req.signal?.addEventListener('abort', onAbort, { once: true });
    if (req.signal?.aborted) onAbort();

    child.on('spawn', () => {
      if (child.pid !== undefined) req.onSpawn?.(child.pid);
      send({ t: 'run', code: req.code, input: inputJson, outputBytes: req.limits.outputBytes });
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      logger.warn(
        { 'raize.operation': 'gateway.script_run', 'raize.outcome': 'sandbox_unavailable', 'error.kind': err.code },
        'script sandbox could not start',
      );
      fail('sandbox_unavailable', 'script sandbox is not available on this host');
      // a child that never started sends no 'exit'
      if (child.pid === undefined) {
        clearTimeout(wall);
        req.signal?.removeEventListener('abort', onAbort);
        resolve(verdict!);
      }
    });
    child.on('message', (raw: unknown) => {
      const parsed = childMessageSchema.safeParse(raw);
      if (!parsed.success) return fail('script_error', 'the script sandbox sent a malformed message');
      onMessage(parsed.data);
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(wall);
      req.signal?.removeEventListener('abort', onAbort);
      fetchAbort.abort();
      if (!verdict) {
        const known = signal ? SIGNAL_FAILURES[signal] : undefined;
        verdict = known
          ? { ok: false, code: known.code, message: known.message, logs }
          : { ok: false, code: 'script_error', message: 'the script ended without a result', logs };
      }
      // the group may still hold something the script started; nothing of a run outlives it
      killGroup(child);
      resolve(verdict);
    });

    function onMessage(msg: ChildMessage): void {
      if (verdict) return;
      switch (msg.t) {
        case 'log': {
          outputBytes += Buffer.byteLength(msg.line) + 1;
          if (outputBytes > req.limits.outputBytes) return fail('output_too_large', overLimit(req.limits));
          logs.push(msg.line);
          return;
        }
        case 'fetch':
          return startFetch(msg.id, msg.url);
        case 'error':
          return msg.code === 'output_too_large'
            ? fail('output_too_large', overLimit(req.limits))
            : fail('script_error', (msg.message ?? 'the script failed').slice(0, 1000));
        case 'done': {
          if (outputBytes + Buffer.byteLength(msg.json) > req.limits.outputBytes) {
            return fail('output_too_large', overLimit(req.limits));
          }
          let result: unknown;
          try {
            result = JSON.parse(msg.json);
          } catch {
            return fail('script_error', 'the script sandbox sent a malformed result');
          }
          return settle({ ok: true, result, logs, cpuMs: msg.cpuMs ?? 0, wallMs: Date.now() - started });
        }
      }
    }

    function startFetch(id: number, url: string): void {
      if (++fetches > MAX_FETCHES || inFlight >= MAX_FETCHES_IN_FLIGHT) {
        send({ t: 'fetched', id, error: 'fetch refused: too many fetches' });
        return;
      }
      inFlight++;
      fetchForScript(url, req.domains, req.fetcher, fetchAbort.signal)
        .then(
          (answer) => send({ t: 'fetched', id, status: answer.status, text: answer.text }),
          (err: unknown) => send({ t: 'fetched', id, error: err instanceof Error ? err.message : 'fetch failed' }),
        )
        .finally(() => inFlight--);
    }
  });
}

function overLimit(limits: ScriptLimits): string {
  return `the script's output is larger than ${limits.outputBytes} bytes`;
}

/** SIGKILL to the whole process group the child leads (it was spawned detached); already gone is fine. */
function killGroup(child: ChildProcess): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // ESRCH: nothing left to kill
  }
}
