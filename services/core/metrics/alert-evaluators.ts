import type { MetricSpec } from './metric-catalog';
import { exposedName, METRICS } from './metric-catalog';
import type { Counted, Readings } from './readings/readings.types';

export type Comparison = '>' | '>=' | '<' | '<=' | '==';

/** One series an expression compares: `subject` is the label value it is grouped by (null: one series). */
export interface Series {
  subject: string | null;
  value: number;
}

/**
 * The TypeScript side of one alert rule: the PromQL it stands for, the comparison, and the same series computed from
 * Raize's readings. A rule's expr in deploy/alerts/raize-alerts.yaml must be exactly `${promql} ${op} ${threshold}`
 * (alert-rules.spec.ts), so Prometheus and the admin app judge the same numbers against the same threshold.
 */
export interface AlertEvaluator {
  metric: MetricSpec;
  promql: string;
  op: Comparison;
  /** null when the readings could not be taken */
  series(r: Readings): Series[] | null;
}

/**
 * Every API instance exports the same installation-wide readings: an expression takes one copy of each series
 * (`max without (instance)`) before it adds them up, so two replicas do not double a count.
 */
const one = (m: MetricSpec, selector = '') => `max without (instance) (${exposedName(m)}${selector})`;

const sum = (cs: Counted[] | null): Series[] | null =>
  cs ? [{ subject: null, value: cs.reduce((n, c) => n + c.value, 0) }] : null;

const sumBy = (cs: Counted[] | null, label: string): Series[] | null => {
  if (!cs) return null;
  const by = new Map<string, number>();
  for (const c of cs) by.set(c.labels[label] ?? 'unknown', (by.get(c.labels[label] ?? 'unknown') ?? 0) + c.value);
  return [...by].map(([subject, value]) => ({ subject, value }));
};

const laneSeries = (
  r: Readings,
  lane: string | null,
  kind: 'workflow' | 'activity' | null,
  pick: 'pollers' | 'backlog' | 'backlogAgeSeconds',
) =>
  r.lanes
    ? r.lanes
        .filter((l) => (lane === null || l.lane === lane) && (kind === null || l.kind === kind))
        .flatMap((l) => (l[pick] === null ? [] : [{ subject: l.lane, value: l[pick] }]))
    : null;

export const ALERT_EVALUATORS = {
  /** the next publish task waits at least this long before a worker starts it */
  publish_schedule_to_start: {
    metric: METRICS.taskQueueBacklogAge,
    promql: `max(${one(METRICS.taskQueueBacklogAge, '{lane="publish"}')})`,
    op: '>',
    series: (r) => {
      const s = laneSeries(r, 'publish', null, 'backlogAgeSeconds');
      return s && [{ subject: null, value: Math.max(0, ...s.map((x) => x.value)) }];
    },
  },
  publish_backlog: {
    metric: METRICS.taskQueueBacklog,
    promql: `sum(${one(METRICS.taskQueueBacklog, '{lane="publish"}')})`,
    op: '>',
    series: (r) => {
      const s = laneSeries(r, 'publish', null, 'backlog');
      return s && [{ subject: null, value: s.reduce((n, x) => n + x.value, 0) }];
    },
  },
  lane_without_pollers: {
    metric: METRICS.taskQueuePollers,
    promql: one(METRICS.taskQueuePollers, '{kind="workflow"}'),
    op: '<',
    series: (r) => laneSeries(r, null, 'workflow', 'pollers'),
  },
  episodes_failed_or_parked: {
    metric: METRICS.episodesFailedOrParked,
    promql: `sum(${one(METRICS.episodesFailedOrParked)})`,
    op: '>',
    series: (r) => sum(r.failedOrParked),
  },
  guard_refusal_spike: {
    metric: METRICS.guardRefusalsLastHour,
    promql: `sum(${one(METRICS.guardRefusalsLastHour)})`,
    op: '>',
    series: (r) => sum(r.guardRefusals),
  },
  connector_errors: {
    metric: METRICS.connectorFailingAccounts,
    promql: `sum by (platform) (${one(METRICS.connectorFailingAccounts)})`,
    op: '>=',
    series: (r) => sumBy(r.failingAccounts, 'platform'),
  },
  token_expiring_24h: {
    metric: METRICS.tokensExpiring24h,
    promql: `sum(${one(METRICS.tokensExpiring24h)})`,
    op: '>',
    series: (r) => sum(r.tokensExpiring24h),
  },
  provider_outage: {
    metric: METRICS.aiWaitingOnProvider,
    promql: `sum(${one(METRICS.aiWaitingOnProvider)})`,
    op: '>',
    series: (r) => sum(r.aiWaiting),
  },
  cap_near_limit: {
    metric: METRICS.capUsage,
    promql: `max(${one(METRICS.capUsage)})`,
    op: '>=',
    series: (r) => r.capUsage && [{ subject: null, value: Math.max(0, ...r.capUsage.map((c) => c.value)) }],
  },
} as const satisfies Record<string, AlertEvaluator>;

export type AlertCheckId = keyof typeof ALERT_EVALUATORS;

export function isAlertCheckId(id: string): id is AlertCheckId {
  return Object.prototype.hasOwnProperty.call(ALERT_EVALUATORS, id);
}

export function compare(value: number, op: Comparison, threshold: number): boolean {
  switch (op) {
    case '>':
      return value > threshold;
    case '>=':
      return value >= threshold;
    case '<':
      return value < threshold;
    case '<=':
      return value <= threshold;
    case '==':
      return value === threshold;
  }
}
