import type { Meter, ObservableGauge } from '@opentelemetry/api';
import type { MetricSpec } from './metric-catalog';
import { METRICS } from './metric-catalog';
import { boundedLabels } from './metric-labels';
import type { Counted, Readings } from './readings/readings.types';

/** Which part of the readings each state gauge shows. */
const SOURCES: readonly [MetricSpec, (r: Readings) => Counted[] | null][] = [
  [METRICS.episodes, (r) => r.episodes],
  [METRICS.episodesFailedOrParked, (r) => r.failedOrParked],
  [METRICS.taskQueuePollers, (r) => laneValues(r, (l) => l.pollers)],
  [METRICS.taskQueueBacklog, (r) => laneValues(r, (l) => l.backlog)],
  [METRICS.taskQueueBacklogAge, (r) => laneValues(r, (l) => l.backlogAgeSeconds)],
  [METRICS.guardRefusalsLastHour, (r) => r.guardRefusals],
  [METRICS.connectorFailingAccounts, (r) => r.failingAccounts],
  [METRICS.tokensExpiring24h, (r) => r.tokensExpiring24h],
  [METRICS.tokensExpiring7d, (r) => r.tokensExpiring7d],
  [METRICS.capUsage, (r) => r.capUsage],
  [METRICS.aiWaitingOnProvider, (r) => r.aiWaiting],
];

/** The metrics the API observes from its readings (a spec keeps them equal to the catalog's `api` ones). */
export const STATE_GAUGE_METRICS: readonly MetricSpec[] = SOURCES.map(([spec]) => spec);

function laneValues(r: Readings, pick: (l: NonNullable<Readings['lanes']>[number]) => number | null): Counted[] | null {
  if (!r.lanes) return null;
  return r.lanes.flatMap((l) => {
    const value = pick(l);
    return value === null ? [] : [{ labels: { lane: l.lane, kind: l.kind }, value }];
  });
}

/**
 * The API's state gauges, observed from the newest readings at each collection (the caller refreshes them first, so
 * a collection never waits on Temporal). Returns the function that removes them again.
 */
export function registerStateGauges(meter: Meter, latest: () => Readings | null): () => void {
  const gauges = SOURCES.map(([spec, pick]) => ({
    spec,
    pick,
    gauge: meter.createObservableGauge(spec.name, { description: spec.help, unit: spec.unit }) as ObservableGauge,
  }));
  const observe = (result: { observe(g: ObservableGauge, v: number, labels: Record<string, string>): void }) => {
    const r = latest();
    if (!r) return;
    for (const { spec, pick, gauge } of gauges)
      for (const c of pick(r) ?? []) result.observe(gauge, c.value, boundedLabels(spec, c.labels));
  };
  const all = gauges.map((g) => g.gauge);
  meter.addBatchObservableCallback(observe, all);
  return () => meter.removeBatchObservableCallback(observe, all);
}
