import type { Lane } from '../../config/temporal-config';

/** One lane's task queue of one type, as Temporal describes it. */
export interface LaneReading {
  lane: Lane;
  /** workflow or activity tasks */
  kind: 'workflow' | 'activity';
  pollers: number;
  /** null when the server reported no stats */
  backlog: number | null;
  backlogAgeSeconds: number | null;
}

/** A count under some labels (kind, state, reason, platform, class). */
export interface Counted {
  labels: Record<string, string>;
  value: number;
}

/**
 * What Raize reads about itself at one moment, from Temporal and the database: the state gauges of `/metrics` and
 * the alert rules' conditions are both computed from this, so a rule shows the same value in Prometheus and in the
 * admin app. A section is null when it could not be read (Temporal or the database did not answer).
 */
export interface Readings {
  at: Date;
  lanes: LaneReading[] | null;
  /** by kind and execution status (raize_episodes) */
  episodes: Counted[] | null;
  /** by kind and state, the last hour (raize_episodes_failed_or_parked_last_hour) */
  failedOrParked: Counted[] | null;
  /** by reason (raize_guard_refusals_last_hour) */
  guardRefusals: Counted[] | null;
  /** by platform and class (raize_connector_failing_accounts) */
  failingAccounts: Counted[] | null;
  /** by platform (raize_tokens_expiring_24h, raize_tokens_expiring_7d) */
  tokensExpiring24h: Counted[] | null;
  tokensExpiring7d: Counted[] | null;
  /** by kind (action) and class (cap scope): the fullest cap's used / max (raize_cap_usage_ratio) */
  capUsage: Counted[] | null;
  /** by kind (planning, creation) (raize_ai_work_waiting_on_provider) */
  aiWaiting: Counted[] | null;
}
