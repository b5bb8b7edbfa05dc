import { Context } from '@temporalio/activity';
import type { CallOptions } from '../../../services/core/connectors/connector.types';

export interface AttemptContext {
  /** who holds the ledger lease: this workflow's activity attempt */
  owner: string;
  /** how long this attempt may run; the lease lasts a little longer so a zombie attempt is still covered */
  leaseMs: number;
  call: CallOptions;
  /**
   * Heartbeats while `work` runs: Temporal delivers an activity's cancellation only through heartbeats, so a long
   * platform call must keep heartbeating for a cancel to reach its AbortSignal.
   */
  keepAlive<T>(work: Promise<T>): Promise<T>;
}

const HEARTBEAT_EVERY_MS = 2_000;

// The calls inside an attempt fit its start-to-close (assertGuardBudget), so a short margin covers a zombie attempt.
const LEASE_MARGIN_MS = 2_000;

/**
 * The running activity's identity, cancellation and heartbeat, so a cancelled or timed-out attempt stops its HTTP
 * call and long calls keep the attempt alive. Outside an activity (benchmarks, direct calls) a fixed lease is used.
 */
export function attemptContext(fallbackOwner: string): AttemptContext {
  let ctx: Context | undefined;
  try {
    ctx = Context.current();
  } catch {
    ctx = undefined;
  }
  if (!ctx) return { owner: `${fallbackOwner}:direct`, leaseMs: 120_000, call: {}, keepAlive: (work) => work };
  const activity = ctx;
  const info = ctx.info;
  const startToClose = info.startToCloseTimeoutMs ?? 60_000;
  return {
    owner: `${info.workflowExecution?.workflowId ?? fallbackOwner}:${info.activityId}:${info.attempt}`,
    leaseMs: startToClose + LEASE_MARGIN_MS,
    call: { signal: activity.cancellationSignal, onProgress: () => activity.heartbeat() },
    keepAlive: async (work) => {
      const timer = setInterval(() => activity.heartbeat(), HEARTBEAT_EVERY_MS);
      try {
        return await work;
      } finally {
        clearInterval(timer);
      }
    },
  };
}
