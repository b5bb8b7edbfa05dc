import { METRICS } from './metric-catalog';
import { boundedLabels } from './metric-labels';
import { counterOf, histogramOf } from './process-meter';

// What the kernel, the connector layer and the provider gateway call where things happen. A metric never breaks the
// work it measures: every recorder swallows its own failure.

/** One guard decision (per attempt): `allowed` once, or once per reason code of a refusal. */
export function recordGuardDecision(d: {
  action: string;
  outcome: 'done' | 'denied' | 'refused' | 'fingerprint_mismatch';
  reasons: readonly string[];
}): void {
  safely(() => {
    const c = counterOf(METRICS.guardDecisions);
    if (!c) return;
    const state = d.outcome === 'done' ? 'allowed' : d.outcome;
    const reasons = d.outcome === 'done' || !d.reasons.length ? ['none'] : [...new Set(d.reasons)];
    for (const reason of reasons) c.add(1, boundedLabels(METRICS.guardDecisions, { kind: d.action, state, reason }));
  });
}

/** One platform call: `ok`, or the ConnectorError kind it ended with (`unexpected` for anything else). */
export function recordConnectorCall(platform: string, outcomeClass: string): void {
  safely(() =>
    counterOf(METRICS.connectorCalls)?.add(1, boundedLabels(METRICS.connectorCalls, { platform, class: outcomeClass })),
  );
}

/** One AI call through the gateway: how long it took (retries included), how it ended, what it cost. */
export function recordProviderCall(c: {
  provider: string;
  kind: string;
  outcome: string;
  durationMs: number;
  costMicros: number;
}): void {
  safely(() => {
    histogramOf(METRICS.providerCallDuration)?.record(
      Math.max(0, c.durationMs) / 1000,
      boundedLabels(METRICS.providerCallDuration, { provider: c.provider, kind: c.kind, state: c.outcome }),
    );
    if (c.costMicros > 0)
      counterOf(METRICS.providerCost)?.add(
        c.costMicros,
        boundedLabels(METRICS.providerCost, { provider: c.provider, kind: c.kind }),
      );
  });
}

function safely(fn: () => void): void {
  try {
    fn();
  } catch {
    // Metrics are best effort; the call they describe has already happened.
  }
}
