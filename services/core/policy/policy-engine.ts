import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadPolicy } from '@open-policy-agent/opa-wasm';
import { z } from 'zod';
import { defaultPolicyWasmPath } from './policy-paths';
import type { PolicyDecision, PolicyInput, PolicyReason } from './policy.types';

/** The side-effect decision every guarded call asks (policies/build.sh builds it first). */
export const POLICY_ENTRYPOINT = 'raize/sideeffect/decision';
/**
 * Every rule the wasm is built for, one per line in policies/entrypoints.txt. Each answers the same shape
 * (`allow`, `reasons`, `needs_approval`), so the one fail-closed interpreter serves them all.
 */
export const POLICY_ENTRYPOINTS_FILE = 'entrypoints.txt';
export const DEFAULT_POLICY_TIMEOUT_MS = 250;
const BUILD_HINT = 'run `npm run policies:build` (bash policies/build.sh) first';
const MAX_DETAIL = 300;

/**
 * Evaluates the policy and returns the raw OPA result set (for the wasm SDK: `[{ result: {...} }]`).
 * Anything else it returns or throws is turned into a deny by the engine.
 */
export type PolicyEvaluator = (input: PolicyInput, entrypoint: string) => unknown;

export interface PolicyEngineLoadOptions {
  /** Default: $RAIZE_POLICY_WASM, else <repo>/policies/dist/policy.wasm. */
  wasmPath?: string;
  /** Default: $RAIZE_POLICY_DATA, else data.json beside the wasm file. */
  dataPath?: string;
  /** A decision slower than this is denied with engine_timeout. Default 250 ms. */
  timeoutMs?: number;
}

export interface PolicyEngineOptions {
  timeoutMs?: number;
  /** Monotonic milliseconds; injectable for tests. Default performance.now. */
  clock?: () => number;
}

/** Loading the policy failed; the message says what to do. */
export class PolicyLoadError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PolicyLoadError';
  }
}

const reasonSchema = z.object({ code: z.string().min(1), message: z.string() });
const decisionSchema = z.object({
  allow: z.boolean(),
  reasons: z.array(reasonSchema),
  needs_approval: z.boolean(),
});
const resultSetSchema = z.array(z.object({ result: decisionSchema })).length(1);

/**
 * The in-process policy engine every side effect asks first. decide() never throws and fails closed:
 * a thrown value (the wasm SDK throws plain strings), an empty or malformed result set, an
 * inconsistent decision or a slow evaluation all come back as `allow: false` with an engine_* reason.
 */
export class PolicyEngine {
  private constructor(
    private readonly evaluator: PolicyEvaluator,
    readonly timeoutMs: number,
    private readonly clock: () => number,
  ) {}

  /** Loads policies/dist/policy.wasm (or opts.wasmPath) and its data.json. */
  static async load(opts: PolicyEngineLoadOptions = {}): Promise<PolicyEngine> {
    const timeoutMs = checkTimeout(opts.timeoutMs);
    const wasmPath = resolve(opts.wasmPath ?? process.env.RAIZE_POLICY_WASM ?? defaultPolicyWasmPath());
    const dataPath = resolve(opts.dataPath ?? process.env.RAIZE_POLICY_DATA ?? join(dirname(wasmPath), 'data.json'));
    if (!existsSync(wasmPath)) throw new PolicyLoadError(`policy wasm not found at ${wasmPath}; ${BUILD_HINT}`);
    if (!existsSync(dataPath)) throw new PolicyLoadError(`policy data not found at ${dataPath}; ${BUILD_HINT}`);

    let data: unknown;
    try {
      data = JSON.parse(readFileSync(dataPath, 'utf8'));
    } catch (err) {
      throw new PolicyLoadError(`policy data at ${dataPath} is not valid JSON (${describe(err)}); ${BUILD_HINT}`, {
        cause: err,
      });
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      throw new PolicyLoadError(`policy data at ${dataPath} must be a JSON object; ${BUILD_HINT}`);
    }

    let policy: Awaited<ReturnType<typeof loadPolicy>>;
    try {
      policy = await loadPolicy(readFileSync(wasmPath));
    } catch (err) {
      throw new PolicyLoadError(`cannot load policy wasm ${wasmPath}: ${describe(err)}; ${BUILD_HINT}`, { cause: err });
    }
    const entrypoints = (policy.entrypoints ?? {}) as Record<string, number>;
    if (typeof entrypoints[POLICY_ENTRYPOINT] !== 'number') {
      throw new PolicyLoadError(
        `policy wasm ${wasmPath} has no entrypoint ${POLICY_ENTRYPOINT} (has: ${Object.keys(entrypoints).join(', ') || 'none'}); ${BUILD_HINT}`,
      );
    }
    try {
      policy.setData(data as object);
    } catch (err) {
      throw new PolicyLoadError(`cannot load policy data ${dataPath} into the wasm: ${describe(err)}`, { cause: err });
    }
    return new PolicyEngine(
      (input, name) => {
        const entrypoint = entrypoints[name];
        // An unknown rule is an engine error, which decide() turns into a deny (fail closed).
        if (typeof entrypoint !== 'number') throw new Error(`the policy wasm has no entrypoint ${name}`);
        return policy.evaluate(input, entrypoint);
      },
      timeoutMs,
      performance.now.bind(performance),
    );
  }

  /** An engine around any evaluator: the seam the fail-closed tests use. */
  static fromEvaluator(evaluator: PolicyEvaluator, opts: PolicyEngineOptions = {}): PolicyEngine {
    return new PolicyEngine(evaluator, checkTimeout(opts.timeoutMs), opts.clock ?? performance.now.bind(performance));
  }

  /** Asks the side-effect policy. Synchronous, never throws, denies on any doubt. */
  decide(input: PolicyInput): PolicyDecision {
    return this.decideAt(POLICY_ENTRYPOINT, input);
  }

  /**
   * Asks another rule of the same bundle (e.g. `raize/creation/budget`, `raize/content/decision`) with its own input
   * shape; the same guarantees: never throws, denies on any doubt, an unknown rule denies with engine_error.
   */
  decideAt(entrypoint: string, input: object): PolicyDecision {
    try {
      const started = this.clock();
      let raw: unknown;
      let thrown: { value: unknown } | undefined;
      try {
        raw = this.evaluator(input as PolicyInput, entrypoint);
      } catch (err) {
        thrown = { value: err };
      }
      const elapsed = this.clock() - started;

      const reasons: PolicyReason[] = [];
      if (!(elapsed <= this.timeoutMs)) {
        reasons.push({
          code: 'engine_timeout',
          message: `policy evaluation took ${Number.isFinite(elapsed) ? elapsed.toFixed(1) : String(elapsed)} ms (limit ${this.timeoutMs} ms)`,
        });
      }
      if (thrown)
        reasons.push({ code: 'engine_error', message: `policy evaluation failed: ${describe(thrown.value)}` });
      if (reasons.length > 0) return deny(reasons);
      return interpret(raw);
    } catch (err) {
      return deny([{ code: 'engine_error', message: `policy engine failed: ${describe(err)}` }]);
    }
  }
}

function interpret(raw: unknown): PolicyDecision {
  const parsed = resultSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    return deny([
      {
        code: 'engine_error',
        message: `policy returned an unusable result (${truncate(issues)}): ${truncate(preview(raw))}`,
      },
    ]);
  }
  const { allow, reasons, needs_approval } = parsed.data[0].result;
  const out = reasons.map((r) => ({ code: r.code, message: r.message }));
  if (allow && out.length > 0) {
    return deny(
      [{ code: 'engine_error', message: 'policy returned allow with reasons; treating as deny' }, ...out],
      needs_approval,
    );
  }
  if (!allow && out.length === 0) {
    return deny([{ code: 'engine_error', message: 'policy denied without giving a reason' }], needs_approval);
  }
  return { allow, reasons: out, needsApproval: needs_approval };
}

function deny(reasons: PolicyReason[], needsApproval = false): PolicyDecision {
  return { allow: false, reasons, needsApproval };
}

function checkTimeout(timeoutMs: number | undefined): number {
  const value = timeoutMs ?? DEFAULT_POLICY_TIMEOUT_MS;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new PolicyLoadError(`policy timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}`);
  }
  return value;
}

/** A thrown value as text: the wasm SDK throws plain strings, others throw Errors or anything at all. */
function describe(value: unknown): string {
  try {
    if (value instanceof Error) return truncate(`${value.name}: ${value.message}`);
    if (typeof value === 'string') return truncate(value);
    return truncate(preview(value));
  } catch {
    return '<unprintable value>';
  }
}

function preview(value: unknown): string {
  try {
    if (value === undefined) return 'undefined';
    const json = JSON.stringify(value);
    return json === undefined ? String(value) : json;
  } catch {
    try {
      return String(value);
    } catch {
      return '<unprintable value>';
    }
  }
}

function truncate(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}
