import type { PlatformSettings, PlatformTiming } from './connector.types';

/** What a platform folder knows about its own timing; settings (tests, operators) may override parts of it. */
export interface TimingDefaults {
  requestTimeoutMs: number;
  /** the longest the platform takes to apply a write after it arrived */
  maxProcessingSeconds: number;
  /** on top of processing and our deadline: clock skew between us and the platform's timestamps */
  marginSeconds: number;
  /** the longest single call whose outcome may be unknown (an upload), when longer than one request */
  longestCallMs?: number;
  maxCallsPerAttempt: number;
  pacing: PlatformTiming['pacing'];
}

/**
 * A platform's timing: a write that timed out may still be applied up to the processing time after our deadline,
 * so the guard does not post again before `settleSeconds` have passed (and its reconcile looks found nothing).
 */
export function platformTiming(settings: PlatformSettings, d: TimingDefaults): PlatformTiming {
  const requestTimeoutMs = settings.timeoutMs ?? d.requestTimeoutMs;
  const longestCallMs = settings.timeoutMs ?? d.longestCallMs ?? d.requestTimeoutMs;
  return {
    requestTimeoutMs,
    settleSeconds: settings.settleSeconds ?? d.maxProcessingSeconds + Math.ceil(longestCallMs / 1000) + d.marginSeconds,
    reconcileLooks: settings.reconcileLooks ?? 3,
    maxCallsPerAttempt: d.maxCallsPerAttempt,
    pacing: settings.pacing ?? d.pacing,
  };
}
