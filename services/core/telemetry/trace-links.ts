import type { ObservabilityConfig } from '../config/app-config';

const TRACE_ID = /^[0-9a-f]{32}$/;

/** A W3C trace id (32 lower-case hex, not all zeros), or null: anything else never reaches a URL. */
export function validTraceId(id: string | null | undefined): string | null {
  return id && TRACE_ID.test(id) && !/^0+$/.test(id) ? id : null;
}

/** The trace's page in Jaeger's UI, for engineers; null when no trace UI is configured or the id is not a trace id. */
export function traceUrl(o: ObservabilityConfig, traceId: string | null | undefined): string | null {
  const id = validTraceId(traceId);
  return o.traceUiUrl && id ? `${o.traceUiUrl}/trace/${id}` : null;
}
