import type { Attributes } from '@opentelemetry/api';
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { allowlisted } from './attributes';

const tracer = () => trace.getTracer('raize');

/**
 * Runs `fn` in a span carrying only allowlisted attributes. Errors are recorded by kind, never by message:
 * a platform's error text may quote what we sent.
 */
export async function withSpan<T>(
  name: string,
  attrs: Record<string, unknown>,
  fn: (set: (more: Record<string, unknown>) => void) => Promise<T>,
): Promise<T> {
  return tracer().startActiveSpan(name, { attributes: allowlisted(attrs) as Attributes }, async (span) => {
    try {
      const result = await fn((more) => span.setAttributes(allowlisted(more) as Attributes));
      span.setStatus({ code: SpanStatusCode.OK });
      return result;
    } catch (err) {
      span.setAttributes(allowlisted({ 'error.kind': (err as Error)?.name ?? 'Error' }) as Attributes);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}
