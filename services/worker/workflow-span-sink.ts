import { createTraceState } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace';
import type { OpenTelemetrySinks, SerializableSpan } from '@temporalio/interceptors-opentelemetry';
import type { InjectedSinks } from '@temporalio/worker';
import type { WorkflowInfo } from '@temporalio/workflow';
import { currentTracing } from '../core/telemetry/otel-sdk';

/**
 * A span made in the workflow sandbox, as the 3.x SDK's exporters read it. Temporal's interceptors run the 1.x SDK
 * in the sandbox, whose spans name their parent by `parentSpanId` and their scope `instrumentationLibrary`; the
 * 3.x OTLP exporter reads `parentSpanContext` and `instrumentationScope`, and would export such a span as a root
 * of a trace of its own.
 */
export function readableWorkflowSpan(s: SerializableSpan, info: Pick<WorkflowInfo, 'workflowId'>, resource: Resource) {
  const { traceState, ...ids } = s.spanContext;
  const spanContext = { ...ids, traceState: traceState ? createTraceState(traceState) : undefined };
  const span: ReadableSpan = {
    name: s.name,
    kind: s.kind,
    spanContext: () => spanContext,
    parentSpanContext: s.parentSpanId
      ? { traceId: ids.traceId, spanId: s.parentSpanId, traceFlags: ids.traceFlags }
      : undefined,
    startTime: s.startTime,
    endTime: s.endTime,
    status: s.status,
    // Temporal's own sink merges the whole WorkflowInfo (memo, search attributes) into the attributes; the
    // workflow id is all that is useful, and all that is allowed.
    attributes: { ...s.attributes, 'raize.workflow_id': info.workflowId },
    links: s.links,
    events: s.events,
    duration: s.duration,
    ended: s.ended,
    resource,
    instrumentationScope: s.instrumentationLibrary,
    droppedAttributesCount: s.droppedAttributesCount,
    droppedEventsCount: s.droppedEventsCount,
    droppedLinksCount: s.droppedLinksCount,
  };
  return span;
}

/**
 * The sink through which the workflow interceptors (bundled by workflow-bundle.ts) hand their finished spans out of
 * the sandbox: into this process's tracing, behind the same allowlist as every other span. A worker in a process
 * without tracing drops them. Not called on replay, so a workflow replayed after a cache eviction exports no span
 * twice.
 */
export function workflowSpanSinks(
  tracing: () => { processor: SpanProcessor; resource: Resource } | undefined = currentTracing,
): InjectedSinks<OpenTelemetrySinks> {
  return {
    exporter: {
      export: {
        fn: (info, spans) => {
          const t = tracing();
          if (!t) return;
          for (const s of spans) t.processor.onEnd(readableWorkflowSpan(s, info, t.resource));
        },
      },
    },
  };
}
