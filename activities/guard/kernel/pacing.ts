import type { PlatformTiming } from '../../../services/core/connectors/connector.types';

/**
 * Seconds to wait before the next side effect on this account (C-25): at least the platform's minimum spacing
 * since the last one, plus random jitter so a batch never goes out in a machine-regular rhythm. 0: go now.
 */
export function pacingDelaySeconds(
  secondsSinceLast: number | null,
  pacing: PlatformTiming['pacing'],
  random: () => number,
): number {
  if (secondsSinceLast === null) return 0;
  if (pacing.minSpacingSeconds <= 0 && pacing.jitterSeconds <= 0) return 0;
  const gap = pacing.minSpacingSeconds + random() * pacing.jitterSeconds;
  return Math.max(0, gap - secondsSinceLast);
}
