// Fault injection: decides, per incoming (non-admin) request, extra latency, a rejection (429/5xx) or a delayed
// response after the handler ran. Faults are runtime configuration and are not persisted.
import { randomId } from './secrets';
import type { ActiveFault, FaultConfig, FaultMatch } from './sandbox.types';

/**
 * The longest a request can wait after it arrived before the sandbox applies it (beforeHandlerDelayMs, summed
 * over matching faults, is capped here). The sandbox connector's settle time is longer than this, so a post
 * whose creation timed out on the client is visible before the guard decides nothing was created.
 */
export const MAX_PROCESSING_DELAY_MS = 60_000;

export interface FaultRejection {
  status: number;
  code: 'rate_limited' | 'fault_injected';
  kind: 'rate_limited' | 'error';
  message: string;
  headers: Record<string, string>;
  /** the handler runs first (the write is applied), then this answers instead of its reply */
  afterHandler: boolean;
}

export interface FaultPlan {
  latencyMs: number;
  /** zero when the request is rejected */
  beforeHandlerDelayMs: number;
  afterHandlerDelayMs: number;
  reject: FaultRejection | null;
}

export function faultMatches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path !== undefined) {
    if (match.path.endsWith('*')) return path.startsWith(match.path.slice(0, -1));
    return path === match.path;
  }
  return true;
}

function hasEffectsBesidesRateLimit(fault: ActiveFault): boolean {
  return !!(
    fault.latencyMs ||
    fault.beforeHandlerDelayMs ||
    fault.afterHandlerDelayMs ||
    fault.errorRate ||
    fault.errorStatus !== undefined
  );
}

export class FaultEngine {
  private faults: ActiveFault[] = [];

  constructor(private readonly random: () => number = Math.random) {}

  /** Replaces the whole fault set. */
  set(configs: FaultConfig[]): ActiveFault[] {
    this.faults = configs.map((config) => ({
      ...config,
      id: randomId('sbx_f_'),
      remainingTimes: config.times,
      remainingRateLimit: config.rateLimit?.count,
    }));
    return this.list();
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** Consumes counters of every matching fault and returns what to do with this request. */
  evaluate(method: string, path: string): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, beforeHandlerDelayMs: 0, afterHandlerDelayMs: 0, reject: null };
    const spent = new Set<ActiveFault>();
    for (const fault of this.faults) {
      if (!faultMatches(fault.match, method, path)) continue;
      plan.latencyMs += fault.latencyMs ?? 0;
      plan.beforeHandlerDelayMs += fault.beforeHandlerDelayMs ?? 0;
      plan.afterHandlerDelayMs += fault.afterHandlerDelayMs ?? 0;

      if (fault.rateLimit && (fault.remainingRateLimit ?? 0) > 0) {
        fault.remainingRateLimit = (fault.remainingRateLimit ?? 0) - 1;
        plan.reject ??= {
          status: 429,
          code: 'rate_limited',
          kind: 'rate_limited',
          message: 'Rate limit exceeded (sandbox fault)',
          headers: { 'retry-after': String(fault.rateLimit.retryAfterSeconds) },
          afterHandler: false,
        };
        if (fault.remainingRateLimit === 0 && !hasEffectsBesidesRateLimit(fault)) spent.add(fault);
      } else {
        const rate = fault.errorRate ?? (fault.errorStatus !== undefined ? 1 : 0);
        if (rate > 0 && this.random() < rate) {
          plan.reject ??= {
            status: fault.errorStatus ?? 503,
            code: 'fault_injected',
            kind: 'error',
            message: 'Service unavailable (sandbox fault)',
            headers: fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {},
            afterHandler: fault.errorAfterHandler === true,
          };
        }
      }

      if (fault.remainingTimes !== undefined) {
        fault.remainingTimes -= 1;
        if (fault.remainingTimes <= 0) spent.add(fault);
      }
    }
    if (spent.size) this.faults = this.faults.filter((f) => !spent.has(f));
    if (plan.reject && !plan.reject.afterHandler) {
      plan.beforeHandlerDelayMs = 0;
      plan.afterHandlerDelayMs = 0;
    }
    plan.beforeHandlerDelayMs = Math.min(plan.beforeHandlerDelayMs, MAX_PROCESSING_DELAY_MS);
    return plan;
  }
}
