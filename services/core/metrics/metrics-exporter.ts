import type { Meter } from '@opentelemetry/api';
import { PrometheusExporter, PrometheusSerializer } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { logger } from '../telemetry/logger';
import { currentMeter, useMeter } from './process-meter';

/** A process's metrics: its meter and the Prometheus text of everything recorded on it. */
export interface ProcessMetrics {
  meter: Meter;
  /** the Prometheus text exposition of this process's metrics */
  scrape(): Promise<string>;
  shutdown(): Promise<void>;
}

/**
 * Installs the process's meter (the recorders in record-metrics.ts write to it from now on) behind a pull-only
 * Prometheus reader: no server of its own, the API's `/metrics` route and the worker's metrics server call `scrape`.
 * No scope or target info lines: a scrape names metrics, not the process's host or resource attributes.
 */
export function startProcessMetrics(serviceName: string): ProcessMetrics {
  const reader = new PrometheusExporter({ preventServerStart: true, withoutScopeInfo: true, withoutTargetInfo: true });
  const provider = new MeterProvider({
    readers: [reader],
    resource: resourceFromAttributes({ 'service.name': serviceName }),
  });
  const meter = provider.getMeter('raize');
  useMeter(meter);
  const serializer = new PrometheusSerializer('', false, undefined, true, true);
  return {
    meter,
    async scrape() {
      const { resourceMetrics, errors } = await reader.collect();
      if (errors.length)
        logger.warn(
          { 'raize.operation': 'metrics.collect', 'error.kind': 'CollectError' },
          'some metrics not collected',
        );
      return serializer.serialize(resourceMetrics);
    },
    async shutdown() {
      if (currentMeter() === meter) useMeter(undefined);
      await provider.shutdown();
    },
  };
}
