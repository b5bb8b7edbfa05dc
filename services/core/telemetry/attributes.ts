/**
 * The only attributes a span or a structured log line may carry (C-49): ids and outcomes, never content,
 * tokens, emails or free text. Anything else is dropped where the span or log line is made.
 */
export const ALLOWED_ATTRIBUTES = new Set([
  'raize.agency_id',
  'raize.client_id',
  'raize.account_id',
  'raize.actor',
  'raize.workflow_id',
  'raize.job_id',
  'raize.post_id',
  'raize.platform',
  'raize.action',
  'raize.operation',
  'raize.outcome',
  'raize.reasons',
  'raize.lane',
  'raize.attempt',
  'http.status_code',
  'http.method',
  /** a route's shape (`/posts/:id`), never a concrete path or query */
  'http.route',
  'error.kind',
  /** the trace id of the action a log line or span belongs to (C-50) */
  'raize.correlation_id',
  // Ids that Temporal's OpenTelemetry interceptors put on their spans (never their termination reason: free text).
  'temporalWorkflowId',
  'temporalActivityId',
  'temporalUpdateId',
  'run_id',
]);

export type SafeValue = string | number | boolean | string[];

export function allowlisted(attrs: Record<string, unknown>): Record<string, SafeValue> {
  const out: Record<string, SafeValue> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (!ALLOWED_ATTRIBUTES.has(k) || v === undefined || v === null) continue;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v as string[];
  }
  return out;
}
