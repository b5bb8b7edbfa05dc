import type { PlatformTiming } from '../../services/core/connectors/connector.types';
import type { PlatformId } from '../../workflows/contracts/vocabulary/platform-id';

/** Database work and the audit chain around the calls. */
const LOCAL_WORK_MS = 1_000;

/**
 * The guard activity's start-to-close must exceed every connector timeout it may sit through in one attempt
 * (identity, reconcile pages, the write, the read-back): otherwise Temporal abandons an attempt whose call is
 * still in flight and a retry races it. Checked when the worker starts, not discovered in an incident.
 */
export function assertGuardBudget(
  startToCloseSeconds: number,
  timings: Partial<Record<PlatformId, PlatformTiming>>,
): void {
  const tooShort: string[] = [];
  for (const [platform, t] of Object.entries(timings)) {
    if (!t) continue;
    const needMs = t.maxCallsPerAttempt * t.requestTimeoutMs + LOCAL_WORK_MS;
    if (startToCloseSeconds * 1000 <= needMs)
      tooShort.push(`${platform} needs more than ${Math.ceil(needMs / 1000)} s`);
  }
  if (tooShort.length) {
    throw new Error(
      `the guarded publish activity's start-to-close (RAIZE_PUBLISH_TIMEOUT_SECONDS=${startToCloseSeconds}) is shorter than its connector calls may take: ${tooShort.join('; ')}`,
    );
  }
}
