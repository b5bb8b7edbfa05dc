import type { EntityManager } from 'typeorm';

export interface SideEffectCounters {
  account_today: number;
  client_today: number;
  global_today: number;
  seconds_since_last: number | null;
  /** this account's side effects of this action in the last hour (spike detection, C-25) */
  account_last_hour: number;
  /** this account's usual volume: succeeded side effects per day over the previous 14 days */
  account_usual_daily: number;
  /** the client's spend on the account's platform this month, taken only when a spend cap applies */
  platform_spend_month_usd_micros?: number;
}

export interface CounterQuery {
  clientId: string;
  accountId: string;
  action: string;
  /** start of the day caps count in (the client's local day) */
  dayStart: Date;
  now: Date;
  /** the attempt's own key: its earlier uncertain attempt must not count against itself */
  ownKey: string;
  /**
   * Whether a client or global cap applies: those counts scan more rows (the global one every tenant's), so they
   * are taken only when a cap reads them; otherwise they are reported as 0, which no rule reads.
   */
  scopes: { client: boolean; global: boolean };
}

/**
 * Today's side effects from the ledger, the same source the idempotency check uses (C-25): succeeded ones and
 * those in flight (claimed, outcome not settled), so N concurrent attempts cannot all see room under a cap.
 * The global count crosses tenants, so it comes from a narrow security-definer function that returns a number.
 */
export class SideEffectCountersRepository {
  async count(m: EntityManager, q: CounterQuery): Promise<SideEffectCounters> {
    const rows: {
      account_today: string;
      client_today: string;
      global_today: string;
      last_at: Date | null;
      last_hour: string;
      usual: string;
    }[] = await m.query(
      `WITH today AS (
         SELECT platform_account_id, client_id FROM side_effect_ledger
         WHERE action = $3 AND idempotency_key <> $5 AND (platform_account_id = $1 OR $7)
           AND ((state = 'succeeded' AND updated_at >= $4) OR (state = 'attempting' AND created_at >= $4))
       )
       SELECT
         (SELECT count(*) FROM today WHERE platform_account_id = $1) AS account_today,
         CASE WHEN $7 THEN (SELECT count(*) FROM today WHERE client_id = $2) ELSE 0 END AS client_today,
         CASE WHEN $8 THEN raize_global_side_effects_since($3, $4, $5) ELSE 0 END AS global_today,
         (SELECT max(greatest(created_at, updated_at)) FROM side_effect_ledger
            WHERE platform_account_id = $1 AND action = $3 AND idempotency_key <> $5 AND state IN ('succeeded', 'attempting')) AS last_at,
         (SELECT count(*) FROM side_effect_ledger
            WHERE platform_account_id = $1 AND action = $3 AND idempotency_key <> $5 AND state IN ('succeeded', 'attempting')
              AND created_at >= $6::timestamptz - interval '1 hour') AS last_hour,
         (SELECT count(*) FROM side_effect_ledger
            WHERE platform_account_id = $1 AND action = $3 AND state = 'succeeded'
              AND updated_at >= $6::timestamptz - interval '15 days' AND updated_at < $6::timestamptz - interval '1 day') AS usual`,
      [q.accountId, q.clientId, q.action, q.dayStart, q.ownKey, q.now, q.scopes.client, q.scopes.global],
    );
    const r = rows[0]!;
    return {
      account_today: Number(r.account_today),
      client_today: Number(r.client_today),
      global_today: Number(r.global_today),
      seconds_since_last: r.last_at
        ? Math.max(0, Math.floor((q.now.getTime() - new Date(r.last_at).getTime()) / 1000))
        : null,
      account_last_hour: Number(r.last_hour),
      account_usual_daily: Number(r.usual) / 14,
    };
  }

  /**
   * Serialises count-then-claim for one (account, action, day) until the transaction ends, so caps hold when
   * many attempts are due in the same second.
   */
  async lockAccountDay(m: EntityManager, q: { accountId: string; action: string; dayStart: Date }): Promise<void> {
    await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [
      `side-effect|${q.accountId}|${q.action}|${q.dayStart.toISOString()}`,
    ]);
  }
}
