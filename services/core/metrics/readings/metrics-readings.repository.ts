import type { EntityManager } from 'typeorm';
import { tokenTimeline } from '../../connector-health/token-timeline';
import { platformDescriptor } from '../../connectors/platform-registry';
import { isPlatformId } from '../../../../workflows/contracts/vocabulary/platform-id';
import type { Counted } from './readings.types';

const HOUR_MS = 3_600_000;

type Row = Record<string, string | number | null>;
const counted = (rows: Row[], labels: string[]): Counted[] =>
  rows
    .map((r) => ({
      labels: Object.fromEntries(labels.map((l) => [l, String(r[l] ?? 'unknown')])),
      value: Number(r.value),
    }))
    .filter((c) => c.value > 0);

/**
 * The database half of Raize's readings: numbers only, grouped by bounded labels, read in whatever tenant scope the
 * caller opened (an Admin's agencies, or every agency for the installation's view). Row-level security decides what
 * each query sees; nothing here returns a row's content.
 */
export class MetricsReadingsRepository {
  /** Raize's own bad endings of the last hour: failed and quarantined posts, parked plans and plan items. */
  async failedOrParked(m: EntityManager, now: Date): Promise<Counted[]> {
    const rows: Row[] = await m.query(
      `SELECT 'publish' AS kind, status AS state, count(*)::int AS value FROM publish_jobs
         WHERE status IN ('failed', 'quarantined') AND updated_at >= $1 GROUP BY status
       UNION ALL
       SELECT 'planning', 'parked', count(*)::int FROM plans WHERE status = 'parked' AND updated_at >= $1
       UNION ALL
       SELECT 'creation', 'parked', count(*)::int FROM plan_items WHERE status = 'parked' AND updated_at >= $1`,
      [new Date(now.getTime() - HOUR_MS)],
    );
    return counted(rows, ['kind', 'state']);
  }

  /** The guard's refusals of the last hour, from the audit trail, once per reason code. */
  async guardRefusals(m: EntityManager, now: Date): Promise<Counted[]> {
    const rows: Row[] = await m.query(
      `SELECT coalesce(r->>'code', 'unknown') AS reason, count(*)::int AS value
       FROM audit_events e
       CROSS JOIN LATERAL jsonb_array_elements(
         CASE WHEN jsonb_typeof(e.data->'reasons') = 'array' THEN e.data->'reasons' ELSE '[{}]'::jsonb END) r
       WHERE e.action IN ('guard.denied', 'guard.refused', 'guard.fingerprint_mismatch') AND e.created_at >= $1
       GROUP BY 1`,
      [new Date(now.getTime() - HOUR_MS)],
    );
    return counted(rows, ['reason']);
  }

  /** Connected accounts whose newest platform call (in the last hour) failed, by platform and the error's kind. */
  async failingAccounts(m: EntityManager, now: Date): Promise<Counted[]> {
    const rows: Row[] = await m.query(
      `SELECT pa.platform AS platform, coalesce(h.recent_errors->0->>'kind', 'unknown') AS class, count(*)::int AS value
       FROM account_health h JOIN platform_accounts pa ON pa.id = h.platform_account_id
       WHERE pa.status <> 'disconnected' AND h.last_failure_at >= $1
         AND (h.last_success_at IS NULL OR h.last_success_at < h.last_failure_at)
       GROUP BY 1, 2`,
      [new Date(now.getTime() - HOUR_MS)],
    );
    return counted(rows, ['platform', 'class']);
  }

  /**
   * Accounts whose access ends within 24 h and 7 days without a renewal Raize can make: the refresh token's end on a
   * platform that refreshes, else the access token's (the health centre's "sign in again by", token-timeline.ts).
   */
  async tokensExpiring(m: EntityManager, now: Date): Promise<{ within24h: Counted[]; within7d: Counted[] }> {
    const week = new Date(now.getTime() + 7 * 24 * HOUR_MS);
    const rows: { platform: string; token_expires_at: Date | null; refresh_expires_at: Date | null }[] = await m.query(
      `SELECT platform, token_expires_at, refresh_expires_at FROM platform_accounts
       WHERE status <> 'disconnected' AND credential_ref_id IS NOT NULL
         AND (token_expires_at <= $1 OR refresh_expires_at <= $1)`,
      [week],
    );
    const day = new Map<string, number>();
    const seven = new Map<string, number>();
    for (const r of rows) {
      const lifecycle = isPlatformId(r.platform) ? platformDescriptor(r.platform).tokens : undefined;
      const by = tokenTimeline(
        { tokenExpiresAt: r.token_expires_at, refreshExpiresAt: r.refresh_expires_at, tokenCheckedAt: null },
        lifecycle,
      ).signInAgainBy;
      if (!by || by.getTime() > week.getTime()) continue;
      seven.set(r.platform, (seven.get(r.platform) ?? 0) + 1);
      if (by.getTime() <= now.getTime() + 24 * HOUR_MS) day.set(r.platform, (day.get(r.platform) ?? 0) + 1);
    }
    const asCounted = (m: Map<string, number>) => [...m].map(([platform, value]) => ({ labels: { platform }, value }));
    return { within24h: asCounted(day), within7d: asCounted(seven) };
  }

  /**
   * The fullest of the clients' daily caps today, by action and scope: used / max_per_day, counting what the kernel
   * counts (succeeded and in-flight side effects since the client's local midnight, ledger.count). Global caps read
   * the narrow security-definer count; the engagement actions' built-in defaults are not caps a client set, and are
   * not read here.
   */
  async capUsage(m: EntityManager, now: Date): Promise<Counted[]> {
    const rows: Row[] = await m.query(
      `WITH caps AS (
         SELECT s.client_id, cap->>'action' AS action, nullif(cap->>'platform', '') AS platform, cap->>'scope' AS scope,
                (cap->>'max_per_day')::numeric AS max_per_day,
                (date_trunc('day', $1::timestamptz AT TIME ZONE c.timezone) AT TIME ZONE c.timezone) AS day_start
         FROM client_policy_settings s
         JOIN clients c ON c.id = s.client_id
         CROSS JOIN LATERAL jsonb_array_elements(
           CASE WHEN jsonb_typeof(s.caps) = 'array' THEN s.caps ELSE '[]'::jsonb END) cap
         WHERE jsonb_typeof(cap->'max_per_day') = 'number' AND (cap->>'max_per_day')::numeric > 0
       ),
       used AS (
         SELECT caps.action, caps.scope, caps.max_per_day,
                (SELECT count(*) FROM side_effect_ledger l
                 WHERE l.platform_account_id = pa.id AND l.action = caps.action
                   AND ((l.state = 'succeeded' AND l.updated_at >= caps.day_start)
                     OR (l.state = 'attempting' AND l.created_at >= caps.day_start))) AS n
         FROM caps JOIN platform_accounts pa
           ON pa.client_id = caps.client_id AND pa.status <> 'disconnected'
          AND (caps.platform IS NULL OR pa.platform = caps.platform)
         WHERE caps.scope = 'account'
         UNION ALL
         SELECT caps.action, caps.scope, caps.max_per_day,
                (SELECT count(*) FROM side_effect_ledger l
                 WHERE l.client_id = caps.client_id AND l.action = caps.action
                   AND ((l.state = 'succeeded' AND l.updated_at >= caps.day_start)
                     OR (l.state = 'attempting' AND l.created_at >= caps.day_start)))
         FROM caps WHERE caps.scope = 'client'
         UNION ALL
         SELECT caps.action, caps.scope, caps.max_per_day, raize_global_side_effects_since(caps.action, caps.day_start, '')
         FROM caps WHERE caps.scope = 'global'
       )
       SELECT action AS kind, scope AS class, max(n / max_per_day)::float8 AS value FROM used GROUP BY 1, 2`,
      [now],
    );
    // A cap at zero use is still a reading (0), unlike the counts above.
    return rows.map((r) => ({ labels: { kind: String(r.kind), class: String(r.class) }, value: Number(r.value) }));
  }

  /** Plans and plan items waiting because their provider is down (the circuit stayed open after the retries). */
  async aiWaitingOnProvider(m: EntityManager): Promise<Counted[]> {
    const rows: Row[] = await m.query(
      `SELECT 'planning' AS kind, count(*)::int AS value FROM plans
         WHERE status = 'waiting' AND reasons @> '[{"code": "circuit_open"}]'::jsonb
       UNION ALL
       SELECT 'creation', count(*)::int FROM plan_items
         WHERE status = 'waiting' AND reasons @> '[{"code": "circuit_open"}]'::jsonb`,
    );
    return counted(rows, ['kind']);
  }
}
