import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { Resource } from '@opentelemetry/resources';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace';
import { AlwaysOnSampler, BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { ObservabilityConfig } from '../config/app-config';
import { AllowlistSpanProcessor } from './allowlist-span-processor';

/** The process's tracing: where every span ends up, and how to flush it on the way out. */
export interface Tracing {
  readonly resource: Resource;
  /** the allowlisting gate in front of every exporter; the workers' workflow-span sink feeds it too */
  readonly processor: SpanProcessor;
  /** whether spans leave the process (an OTLP endpoint or a test's exporter) */
  readonly exporting: boolean;
  forceFlush(): Promise<void>;
  /** flushes, then uninstalls the provider, context manager and propagator */
  shutdown(): Promise<void>;
}

export interface StartTracingOptions {
  /** exporters besides OTLP (a test's InMemorySpanExporter); each gets a batch processor behind the allowlist */
  exporters?: SpanExporter[];
  /** the batch processor's delay; lower in tests that read the backend soon after an action */
  scheduledDelayMillis?: number;
}

let current: Tracing | undefined;

/** The tracing `startTracing` installed in this process, if any. */
export function currentTracing(): Tracing | undefined {
  return current;
}

/**
 * Installs OpenTelemetry tracing for one process. The provider, the AsyncLocalStorage context manager and the W3C
 * trace-context propagator are installed always, so every action has a trace id, and thus a correlation id, even
 * with no backend (C-50). Spans leave the process only through an OTLP/HTTP exporter when `otlpEndpoint` is set
 * (OTEL_EXPORTER_OTLP_ENDPOINT), batched, and only as the allowlist lets them (C-49). Calling it again replaces the
 * previous installation (tests start one per file).
 */
export function startTracing(o: ObservabilityConfig, serviceName: string, opts: StartTracingOptions = {}): Tracing {
  uninstall();
  const resource = resourceFromAttributes({ 'service.name': o.serviceName ?? serviceName });
  const exporters = [...(opts.exporters ?? [])];
  if (o.otlpEndpoint) exporters.push(new OTLPTraceExporter({ url: `${o.otlpEndpoint}/v1/traces` }));
  const processor = new AllowlistSpanProcessor(
    exporters.map((exporter) => new BatchSpanProcessor({ exporter, scheduledDelayMillis: opts.scheduledDelayMillis })),
  );
  // Always on: whether an action is traced is ours to decide, not the caller's (an incoming traceparent's flags).
  const provider = new TracerProvider({ resource, sampler: new AlwaysOnSampler(), spanProcessors: [processor] });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // Trace context only: W3C baggage would let a caller put arbitrary text into every outgoing request.
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  let stopped: Promise<void> | undefined;
  const tracing: Tracing = {
    resource,
    processor,
    exporting: exporters.length > 0,
    forceFlush: () => provider.forceFlush(),
    shutdown: () =>
      (stopped ??= provider.shutdown().finally(() => {
        if (current === tracing) uninstall();
      })),
  };
  current = tracing;
  return tracing;
}

function uninstall(): void {
  trace.disable();
  context.disable();
  propagation.disable();
  current = undefined;
}
