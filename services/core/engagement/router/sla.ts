import type { Intent } from '../../../../workflows/contracts/vocabulary/engagement';
import { isSensitiveIntent } from '../../../../workflows/contracts/vocabulary/engagement';

const HOUR = 3600;

/**
 * How long a human may take to answer, per intent: the one place the episode's SLA timers read. Sensitive intents
 * get an hour (a person in crisis a quarter of one); everything else a day.
 */
export const SLA_SECONDS: Readonly<Record<Intent, number>> = {
  question: 24 * HOUR,
  praise: 24 * HOUR,
  complaint: 24 * HOUR,
  spam: 24 * HOUR,
  other: 24 * HOUR,
  pricing: HOUR,
  refund: HOUR,
  legal: HOUR,
  medical: HOUR,
  harassment: HOUR,
  crisis: HOUR / 4,
  press: HOUR,
};

/** The SLA of a routed message: a message marked sensitive gets at most the sensitive hour whatever its intent. */
export function slaSecondsFor(d: { intent: Intent; sensitive: boolean }): number {
  const s = SLA_SECONDS[d.intent];
  return d.sensitive || isSensitiveIntent(d.intent) ? Math.min(s, HOUR) : s;
}
