import { trace } from '@opentelemetry/api';
import { correlationId } from './correlation';
import { addLogSink, logger, setLogLevel } from './logger';
import { startTracing } from './otel-sdk';

describe('the correlation id: the trace id of the action, on every log line (C-50)', () => {
  // No exporter and no backend: the ids exist all the same.
  const tracing = startTracing({}, 'raize-spec');
  afterAll(() => tracing.shutdown());
  const lines: Record<string, unknown>[] = [];
  const stop = addLogSink((line) => lines.push(JSON.parse(line) as Record<string, unknown>));
  beforeAll(() => setLogLevel('info'));
  afterAll(() => stop());
  beforeEach(() => (lines.length = 0));

  it('puts the active trace id on each line logged inside an action, across awaits', async () => {
    const traceId = await trace.getTracer('raize').startActiveSpan('graphql.approvePost', async (span) => {
      logger.info({ 'raize.operation': 'approve' }, 'first');
      await new Promise((r) => setTimeout(r, 5));
      logger.warn('second');
      span.end();
      return span.spanContext().traceId;
    });
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(lines.map((l) => l['raize.correlation_id'])).toEqual([traceId, traceId]);
  });

  it('gives two actions two ids, and a line outside any action none', () => {
    const ids = ['a', 'b'].map((n) =>
      trace.getTracer('raize').startActiveSpan(n, (s) => {
        logger.info(n);
        s.end();
        return correlationId();
      }),
    );
    logger.info('idle');
    expect(ids[0]).not.toBe(ids[1]);
    expect(lines.map((l) => l['raize.correlation_id'])).toEqual([ids[0], ids[1], undefined]);
    expect(correlationId()).toBeUndefined();
  });
});
