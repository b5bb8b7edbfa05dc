import { trace } from '@opentelemetry/api';
import type { CompiledWorkflowOptions } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { clientIdKey, traceIdKey } from '../../../workflows/contracts/search-attributes';
import { startTracing } from '../telemetry/otel-sdk';
import { withTraceId } from './trace-id.interceptor';

describe('RaizeTraceId on every workflow start (C-50)', () => {
  const tracing = startTracing({}, 'raize-spec');
  afterAll(() => tracing.shutdown());
  const options = (typed?: CompiledWorkflowOptions['typedSearchAttributes']) =>
    ({ workflowId: 'w', taskQueue: 'q', args: [], typedSearchAttributes: typed }) as CompiledWorkflowOptions;

  it('adds the active trace id beside the search attributes the caller set, in either form', () => {
    trace.getTracer('raize').startActiveSpan('graphql.schedulePost', (span) => {
      const traceId = span.spanContext().traceId;
      for (const given of [
        [{ key: clientIdKey, value: 'c-1' }],
        new TypedSearchAttributes([{ key: clientIdKey, value: 'c-1' }]),
      ]) {
        const typed = new TypedSearchAttributes(withTraceId(options(given)).typedSearchAttributes as never);
        expect(typed.get(traceIdKey)).toBe(traceId);
        expect(typed.get(clientIdKey)).toBe('c-1');
      }
      span.end();
    });
  });

  it('leaves a start outside any trace as it is', () => {
    const o = options([{ key: clientIdKey, value: 'c-1' }]);
    expect(withTraceId(o)).toBe(o);
  });
});
