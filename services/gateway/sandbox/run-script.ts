import type { GuardedFetchOptions } from '../../core/net/guarded-fetch';
import { runSandboxed } from './run-sandboxed';
import type { ScriptFetcher } from './script-fetch';
import { guardedScriptFetcher } from './script-fetch';
import type { ScriptLimits } from './script-limits';
import { resolveLimits } from './script-limits';
import type { ScriptOutcome } from './script-outcome';

export interface RunScriptOptions {
  /** the body of an async function; `return` gives the result; `input`, `console.log` and `fetch(url)` are there */
  code: string;
  input: unknown;
  /** the agency's allowlisted domains: the only hosts `fetch` reaches (exact or subdomain) */
  domains: string[];
  limits?: Partial<ScriptLimits>;
  /** the guarded fetcher with these options unless given; the loopback allowance is for tests and the local sandbox */
  fetchImpl?: ScriptFetcher;
  fetchOptions?: Pick<GuardedFetchOptions, 'allowHttp' | 'allowPrivate'>;
  onSpawn?: (pid: number) => void;
  signal?: AbortSignal;
}

/**
 * Runs untrusted script code (C-38) in a child process with every sandbox layer: its own network namespace, Node's
 * permission model, rlimits, a heap cap, a wall-clock kill and a vm context holding nothing of the host. Never
 * throws for anything the script does; the outcome says what happened.
 */
export function runScript(opts: RunScriptOptions): Promise<ScriptOutcome> {
  return runSandboxed({
    code: opts.code,
    input: opts.input,
    domains: opts.domains,
    limits: resolveLimits(opts.limits),
    fetcher: opts.fetchImpl ?? guardedScriptFetcher(opts.fetchOptions),
    onSpawn: opts.onSpawn,
    signal: opts.signal,
  });
}
