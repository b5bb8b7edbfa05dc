import type { Attributes } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { allowlisted } from './attributes';

const tracer = () => trace.getTracer('raize');

/** An error's class for a span: a typed error's `kind` (a ConnectorError's `rate_limited`), else its name. */
function errorKind(err: unknown): string {
  const kind = (err as { kind?: unknown } | null)?.kind;
  // A code word only: a `kind` that looks like free text is not one.
  if (typeof kind === 'string' && /^[a-z][a-z0-9_]{0,40}$/.test(kind)) return kind;
  return (err as Error | null)?.name ?? 'Error';
}

/**
 * Runs `fn` in a span carrying only allowlisted attributes. Errors are recorded by kind, never by message:
 * a platform's error text may quote what we sent. `kind`: CLIENT for a call to another system, SERVER for a
 * request received.
 */
export async function withSpan<T>(
  name: string,
  attrs: Record<string, unknown>,
  fn: (set: (more: Record<string, unknown>) => void) => Promise<T>,
  opts: { kind?: SpanKind } = {},
): Promise<T> {
  return tracer().startActiveSpan(
    name,
    { attributes: allowlisted(attrs) as Attributes, kind: opts.kind },
    async (span) => {
      try {
        const result = await fn((more) => span.setAttributes(allowlisted(more) as Attributes));
        span.setStatus({ code: SpanStatusCode.OK });
        return result;
      } catch (err) {
        span.setAttributes(allowlisted({ 'error.kind': errorKind(err) }) as Attributes);
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw err;
      } finally {
        span.end();
      }
    },
  );
}

/** `withSpan` for a call to another system (a platform, a provider): a CLIENT span. */
export function withClientSpan<T>(
  name: string,
  attrs: Record<string, unknown>,
  fn: (set: (more: Record<string, unknown>) => void) => Promise<T>,
): Promise<T> {
  return withSpan(name, attrs, fn, { kind: SpanKind.CLIENT });
}
