import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import type { SerializableSpan } from '@temporalio/interceptors-opentelemetry';
import type { WorkflowInfo } from '@temporalio/workflow';
import { startTracing } from '../core/telemetry/otel-sdk';
import { workflowSpanSinks } from './workflow-span-sink';

/** A span as the 1.x SDK in the workflow sandbox serializes it (span-exporter.js of the interceptors package). */
const fromSandbox: SerializableSpan = {
  name: 'StartActivity:publish',
  kind: SpanKind.INTERNAL,
  spanContext: { traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 },
  parentSpanId: 'c'.repeat(16),
  startTime: [1, 0],
  endTime: [2, 0],
  status: { code: SpanStatusCode.ERROR, message: 'caption rejected: "Launch day!"' },
  attributes: { temporalActivityId: '1' },
  links: [],
  events: [{ name: 'exception', time: [1, 5], attributes: { 'exception.message': 'token tok-1 refused' } }],
  duration: [1, 0],
  ended: true,
  droppedAttributesCount: 0,
  droppedEventsCount: 0,
  droppedLinksCount: 0,
  instrumentationLibrary: { name: '@temporalio/interceptor-workflow' },
};

describe('the workflow-span sink (spans made in the sandbox, exported by the worker)', () => {
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing({}, 'raize-worker', { exporters: [exporter] });
  afterAll(() => tracing.shutdown());

  it('exports them in the same trace under their parent, behind the allowlist', async () => {
    // Temporal hands the sink the whole WorkflowInfo: memo and search attributes must not become span attributes.
    const info = { workflowId: 'publish-j1', memo: { caption: 'Launch day!' } } as unknown as WorkflowInfo;
    void workflowSpanSinks().exporter.export.fn(info, [fromSandbox]);
    await tracing.forceFlush();
    const [span] = exporter.getFinishedSpans();
    expect(span.spanContext().traceId).toBe('a'.repeat(32));
    expect(span.parentSpanContext?.spanId).toBe('c'.repeat(16));
    expect(span.instrumentationScope.name).toBe('@temporalio/interceptor-workflow');
    expect(span.attributes).toEqual({ temporalActivityId: '1', 'raize.workflow_id': 'publish-j1' });
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span.events).toEqual([]);
    expect(span.resource.attributes['service.name']).toBe('raize-worker');
  });
});
