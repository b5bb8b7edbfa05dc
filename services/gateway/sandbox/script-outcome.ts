/** Why a script run failed (C-38): stable codes, matched by the tool, tests and alerts. */
export const SCRIPT_FAILURES = [
  'timeout',
  'memory',
  'cpu',
  'output_too_large',
  'script_error',
  'sandbox_unavailable',
] as const;
export type ScriptFailure = (typeof SCRIPT_FAILURES)[number];

/** What a run gives back. Messages are the script's own error name and message or a fixed text, never a host stack. */
export type ScriptOutcome =
  | { ok: true; result: unknown; logs: string[]; cpuMs: number; wallMs: number }
  | { ok: false; code: ScriptFailure; message: string; logs: string[] };
