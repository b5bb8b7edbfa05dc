import type { Attributes, Context, Link } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor, TimedEvent } from '@opentelemetry/sdk-trace';
import { allowlisted } from './attributes';

const MAX_NAME = 200;

function safeAttributes(attrs: Attributes | undefined): Attributes {
  return allowlisted(attrs ?? {}) as Attributes;
}

/**
 * An exception event carries the error's message and stack, which quote what a platform or a provider answered
 * (and a platform's answer may quote the caption or a token). The error's kind is on the span already.
 */
function isException(e: TimedEvent): boolean {
  return e.name === 'exception' || Object.keys(e.attributes ?? {}).some((k) => k.startsWith('exception.'));
}

/**
 * The span as it may leave the process (C-49): allowlisted attributes only (on the span, its events and links), no
 * exception events, a status without its message (Temporal's interceptors put the error's message there).
 */
export function scrubbedSpan(span: ReadableSpan): ReadableSpan {
  const events = span.events
    .filter((e) => !isException(e))
    .map((e): TimedEvent => ({ ...e, attributes: safeAttributes(e.attributes) }));
  const links = span.links.map((l): Link => ({ ...l, attributes: safeAttributes(l.attributes) }));
  return {
    name: span.name.slice(0, MAX_NAME),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: { code: span.status.code },
    attributes: safeAttributes(span.attributes),
    links,
    events,
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount + (span.events.length - events.length),
    droppedLinksCount: span.droppedLinksCount,
  };
}

/**
 * The one gate between spans and every exporter: whatever made a span (our withSpan, Temporal's interceptors in the
 * worker or in the workflow sandbox, a library's instrumentation), the exporters only ever see `scrubbedSpan` of it.
 */
export class AllowlistSpanProcessor implements SpanProcessor {
  constructor(private readonly downstream: readonly SpanProcessor[]) {}

  onStart(span: Span, parentContext: Context): void {
    for (const p of this.downstream) p.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    if (!this.downstream.length) return;
    const clean = scrubbedSpan(span);
    for (const p of this.downstream) p.onEnd(clean);
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.downstream.map((p) => p.forceFlush()));
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.downstream.map((p) => p.shutdown()));
  }
}
