import { SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import { startTracing } from './otel-sdk';

describe('the allowlist in front of every exporter (C-49)', () => {
  const exporter = new InMemorySpanExporter();
  const tracing = startTracing({}, 'raize-spec', { exporters: [exporter] });
  afterAll(() => tracing.shutdown());
  beforeEach(() => exporter.reset());

  async function exported(make: () => void) {
    make();
    await tracing.forceFlush();
    return exporter.getFinishedSpans();
  }

  it('drops attributes off the allowlist, on the span, its events and its links', async () => {
    const [span] = await exported(() => {
      const s = trace.getTracer('any-library').startSpan('work', {
        attributes: {
          'raize.client_id': 'c-1',
          'http.status_code': 201,
          'enduser.email': 'ann@example.com',
          'http.url': 'https://api.example/posts?access_token=tok-123',
          caption: 'Launch day!',
        },
        links: [
          {
            context: trace
              .wrapSpanContext({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 })
              .spanContext(),
            attributes: { secret: 'x', 'raize.job_id': 'j' },
          },
        ],
      });
      s.addEvent('retry', { 'raize.attempt': 2, body: 'the post text' });
      s.end();
    });
    expect(span.attributes).toEqual({ 'raize.client_id': 'c-1', 'http.status_code': 201 });
    expect(span.events.map((e) => e.attributes)).toEqual([{ 'raize.attempt': 2 }]);
    expect(span.links[0].attributes).toEqual({ 'raize.job_id': 'j' });
  });

  it('drops exception events and the status message, which quote what a platform answered', async () => {
    const [span] = await exported(() => {
      const s = trace.getTracer('@temporalio/interceptor-activity').startSpan('RunActivity:publish');
      s.recordException(new Error('401: token tok-123 for ann@example.com refused'));
      s.setStatus({ code: SpanStatusCode.ERROR, message: 'token tok-123 refused' });
      s.end();
    });
    expect(span.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span.events).toEqual([]);
    expect(JSON.stringify({ ...span, resource: undefined, instrumentationScope: undefined })).not.toMatch(
      /tok-123|ann@/,
    );
  });

  it('keeps the trace: ids, parent, name, kind and timing pass unchanged', async () => {
    const spans = await exported(() => {
      const tracer = trace.getTracer('raize');
      tracer.startActiveSpan('parent', (p) => {
        tracer.startSpan('child').end();
        p.end();
      });
    });
    const parent = spans.find((s) => s.name === 'parent')!;
    const child = spans.find((s) => s.name === 'child')!;
    expect(child.spanContext().traceId).toBe(parent.spanContext().traceId);
    expect(child.parentSpanContext?.spanId).toBe(parent.spanContext().spanId);
    expect(child.endTime).toBeDefined();
    expect(child.resource.attributes['service.name']).toBe('raize-spec');
  });
});
