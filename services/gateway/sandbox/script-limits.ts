/** The limits of one script run (C-38). */
export interface ScriptLimits {
  /** CPU time (RLIMIT_CPU, rounded up to whole seconds): the kernel sends SIGXCPU */
  cpuMs: number;
  /** wall-clock time from spawn: the parent kills the whole process group */
  wallMs: number;
  /** V8 old-space size; the address space is capped well above it so the kernel stops what V8 does not */
  heapMb: number;
  /** bytes of the JSON result plus every log line together */
  outputBytes: number;
}

export const DEFAULT_SCRIPT_LIMITS: ScriptLimits = { cpuMs: 2_000, wallMs: 5_000, heapMb: 128, outputBytes: 64 * 1024 };

/** Callers may tighten the limits and loosen them only this far: a tool input never decides them. */
const CEILINGS: ScriptLimits = { cpuMs: 10_000, wallMs: 30_000, heapMb: 512, outputBytes: 1024 * 1024 };

export function resolveLimits(partial: Partial<ScriptLimits> = {}): ScriptLimits {
  const pick = (k: keyof ScriptLimits): number => {
    const v = partial[k];
    const n = v !== undefined && Number.isFinite(v) && v > 0 ? Math.floor(v) : DEFAULT_SCRIPT_LIMITS[k];
    return Math.min(Math.max(n, 1), CEILINGS[k]);
  };
  return { cpuMs: pick('cpuMs'), wallMs: pick('wallMs'), heapMb: pick('heapMb'), outputBytes: pick('outputBytes') };
}
