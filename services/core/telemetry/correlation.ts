import { isSpanContextValid, trace } from '@opentelemetry/api';

/**
 * The correlation id of the action under way: the trace id of the active span (C-50). One id ties the operator's
 * request, the workflow, its activities and the platform call together, in logs, audit events and the trace UI.
 * Undefined outside any span (a start-up line, a background loop between ticks).
 */
export function correlationId(): string | undefined {
  const ctx = trace.getActiveSpan()?.spanContext();
  return ctx && isSpanContextValid(ctx) ? ctx.traceId : undefined;
}

/** The fields every log line gets (the pino mixin): the correlation id when there is one, nothing otherwise. */
export function correlationFields(): { 'raize.correlation_id'?: string } {
  const id = correlationId();
  return id ? { 'raize.correlation_id': id } : {};
}
