import type { Attributes } from '@opentelemetry/api';
import { context, isSpanContextValid, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { NextFunction, Request, Response } from 'express';
import { allowlisted } from '../core/telemetry/attributes';

export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * A request's span names its first path segment only (`/graphql`, `/oauth`, `/r`): deeper segments carry ids and
 * tokens (a report link's token is its path), queries carry authorization codes.
 */
export function requestSpanName(method: string, path: string): string {
  const first = /^\/([A-Za-z0-9_-]{1,40})(?:\/|$)/.exec(path)?.[1];
  return `HTTP ${method} ${first ? `/${first}` : '/'}`;
}

/**
 * Opens the request's server span (C-50): a child of the caller's trace when the request carries a W3C
 * `traceparent`, a new trace otherwise. Everything the request does (the GraphQL operation, audit events, log lines,
 * the workflows it starts) runs in that trace, and the caller gets its id back in `x-correlation-id` to quote to
 * support. Registered before the body parsers: their callbacks run in the request's context because `req` and `res`
 * are bound to it.
 */
export function traceContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const parent = propagation.extract(context.active(), req.headers);
  const span = trace
    .getTracer('raize')
    .startSpan(
      requestSpanName(req.method, req.path),
      { kind: SpanKind.SERVER, attributes: allowlisted({ 'http.method': req.method }) as Attributes },
      parent,
    );
  const ctx = trace.setSpan(parent, span);
  // Without tracing installed (a test that starts none) the span is a no-op with an all-zero id: no header then.
  if (isSpanContextValid(span.spanContext())) res.setHeader(CORRELATION_HEADER, span.spanContext().traceId);
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    span.setAttributes(allowlisted({ 'http.status_code': res.statusCode }) as Attributes);
    span.setStatus({ code: res.statusCode >= 500 ? SpanStatusCode.ERROR : SpanStatusCode.UNSET });
    span.end();
  };
  res.once('finish', end);
  res.once('close', end);
  context.bind(ctx, req);
  context.bind(ctx, res);
  context.with(ctx, next);
}
