/**
 * Every metric Raize exports, defined once: name, type, unit, labels, meaning. docs/metrics.md mirrors this table
 * (a spec keeps them equal); the alert rules (deploy/alerts/raize-alerts.yaml) name these metrics.
 *
 * Labels come from one allowlist of bounded vocabularies (metric-labels.ts): never a tenant id, a handle, a text or
 * anything a customer typed, so a scrape says how Raize is doing and nothing about whose content it handles (C-49).
 */
export const METRIC_LABELS = ['lane', 'kind', 'state', 'reason', 'platform', 'class', 'provider'] as const;
export type MetricLabel = (typeof METRIC_LABELS)[number];

export type MetricType = 'counter' | 'histogram' | 'gauge';

export interface MetricSpec {
  /** the OpenTelemetry instrument name; Prometheus adds `_total` to counters */
  name: string;
  type: MetricType;
  unit?: string;
  labels: readonly MetricLabel[];
  help: string;
  /** who exports it: `process` where the thing happens (mostly the worker), `api` from Temporal and the database */
  source: 'process' | 'api';
}

const spec = <T extends MetricSpec>(s: T): T => s;

export const METRICS = {
  guardDecisions: spec({
    name: 'raize_guard_decisions',
    type: 'counter',
    labels: ['kind', 'state', 'reason'],
    help: 'Guard decisions per attempt: kind = the side effect (publish, reply…), state = allowed, denied, refused or fingerprint_mismatch, reason = each reason code (none when allowed)',
    source: 'process',
  }),
  connectorCalls: spec({
    name: 'raize_connector_calls',
    type: 'counter',
    labels: ['platform', 'class'],
    help: 'Platform API calls by platform and outcome class: ok, or the ConnectorError kind (auth, rate_limited, transient, permanent, outcome_unknown, not_found, unexpected)',
    source: 'process',
  }),
  providerCallDuration: spec({
    name: 'raize_provider_call_duration_seconds',
    type: 'histogram',
    unit: 's',
    labels: ['provider', 'kind', 'state'],
    help: 'AI provider calls (retries and render polling included) by provider, kind (text, image, video, avatar) and outcome (ok or the failure class)',
    source: 'process',
  }),
  providerCost: spec({
    name: 'raize_provider_cost_usd_micros',
    type: 'counter',
    labels: ['provider', 'kind'],
    help: 'What AI provider calls cost, in micro-USD from the price tables (the same figure ai_usage records)',
    source: 'process',
  }),
  episodes: spec({
    name: 'raize_episodes',
    type: 'gauge',
    labels: ['kind', 'state'],
    help: "Workflows by RaizeEpisodeKind (other: no known kind) and Temporal execution status (running, completed, failed…), over the namespace's retention",
    source: 'api',
  }),
  episodesFailedOrParked: spec({
    name: 'raize_episodes_failed_or_parked_last_hour',
    type: 'gauge',
    labels: ['kind', 'state'],
    help: "Episodes that ended badly or stopped for a human in the last hour: Temporal's workflow_failed, workflow_timed_out, workflow_terminated and Raize's own failed and quarantined posts, parked plans and items",
    source: 'api',
  }),
  taskQueuePollers: spec({
    name: 'raize_task_queue_pollers',
    type: 'gauge',
    labels: ['lane', 'kind'],
    help: "Workers polling a lane's task queue (kind = workflow or activity), as Temporal saw them recently",
    source: 'api',
  }),
  taskQueueBacklog: spec({
    name: 'raize_task_queue_backlog',
    type: 'gauge',
    labels: ['lane', 'kind'],
    help: "Tasks waiting in a lane's task queue (Temporal's approximate backlog count)",
    source: 'api',
  }),
  taskQueueBacklogAge: spec({
    name: 'raize_task_queue_backlog_age_seconds',
    type: 'gauge',
    unit: 's',
    labels: ['lane', 'kind'],
    help: "Age of the oldest waiting task in a lane's task queue: the schedule-to-start latency the next task will have at least",
    source: 'api',
  }),
  guardRefusalsLastHour: spec({
    name: 'raize_guard_refusals_last_hour',
    type: 'gauge',
    labels: ['reason'],
    help: 'Guard refusals (denied, refused, fingerprint mismatch) recorded in the audit trail in the last hour, by reason code',
    source: 'api',
  }),
  connectorFailingAccounts: spec({
    name: 'raize_connector_failing_accounts',
    type: 'gauge',
    labels: ['platform', 'class'],
    help: 'Connected accounts whose last platform call in the last hour failed (no success since), by platform and error class',
    source: 'api',
  }),
  tokensExpiring24h: spec({
    name: 'raize_tokens_expiring_24h',
    type: 'gauge',
    labels: ['platform'],
    help: 'Connected accounts whose access ends within 24 hours without a renewal Raize can make (someone must sign in again)',
    source: 'api',
  }),
  tokensExpiring7d: spec({
    name: 'raize_tokens_expiring_7d',
    type: 'gauge',
    labels: ['platform'],
    help: 'Connected accounts whose access ends within 7 days without a renewal Raize can make',
    source: 'api',
  }),
  capUsage: spec({
    name: 'raize_cap_usage_ratio',
    type: 'gauge',
    labels: ['kind', 'class'],
    help: "The fullest daily cap today: used / max_per_day, by side effect (kind) and the cap's scope (class = account, client, global)",
    source: 'api',
  }),
  aiWaitingOnProvider: spec({
    name: 'raize_ai_work_waiting_on_provider',
    type: 'gauge',
    labels: ['kind'],
    help: 'Plans (kind planning) and plan items (kind creation) waiting because a provider is down (circuit open after the retries, C-51)',
    source: 'api',
  }),
} as const satisfies Record<string, MetricSpec>;

export type MetricKey = keyof typeof METRICS;
export const METRIC_LIST: readonly MetricSpec[] = Object.values(METRICS);

/** The name a scrape shows: counters get `_total`, as the Prometheus exporter writes them. */
export function exposedName(m: MetricSpec): string {
  return m.type === 'counter' ? `${m.name}_total` : m.name;
}
