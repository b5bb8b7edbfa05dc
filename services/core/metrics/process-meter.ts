import type { Counter, Histogram, Meter } from '@opentelemetry/api';
import type { MetricSpec } from './metric-catalog';

/** Seconds: a cached text answer takes well under one, a clip render minutes. */
const DURATION_BUCKETS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];

let meter: Meter | undefined;
const instruments = new Map<string, Counter | Histogram>();

/**
 * The process's meter (metrics-exporter.ts installs it). Until one is installed the recorders do nothing: a test or a
 * script without an exporter pays nothing. Kept here rather than in OpenTelemetry's global registry, which cannot be
 * replaced once set and hands out instruments that stay no-ops if they were made before it was.
 */
export function useMeter(next: Meter | undefined): void {
  meter = next;
  instruments.clear();
}

export function currentMeter(): Meter | undefined {
  return meter;
}

export function counterOf(spec: MetricSpec): Counter | undefined {
  if (!meter || spec.type !== 'counter') return undefined;
  let c = instruments.get(spec.name) as Counter | undefined;
  if (!c) {
    c = meter.createCounter(spec.name, { description: spec.help, unit: spec.unit });
    instruments.set(spec.name, c);
  }
  return c;
}

export function histogramOf(spec: MetricSpec): Histogram | undefined {
  if (!meter || spec.type !== 'histogram') return undefined;
  let h = instruments.get(spec.name) as Histogram | undefined;
  if (!h) {
    h = meter.createHistogram(spec.name, {
      description: spec.help,
      unit: spec.unit,
      advice: { explicitBucketBoundaries: DURATION_BUCKETS },
    });
    instruments.set(spec.name, h);
  }
  return h;
}
