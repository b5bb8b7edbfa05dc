import { EntityManager } from 'typeorm';

export interface SideEffectCounters {
  account_today: number;
  client_today: number;
  global_today: number;
  seconds_since_last: number | null;
}

/**
 * Today's successful side effects from the ledger, the same source the idempotency check uses (C-25). The
 * global count crosses tenants, so it comes from a narrow security-definer function that returns a number.
 */
export async function countSideEffects(m: EntityManager, q: { clientId: string; accountId: string; action: string; now: Date }): Promise<SideEffectCounters> {
  const dayStart = new Date(Date.UTC(q.now.getUTCFullYear(), q.now.getUTCMonth(), q.now.getUTCDate()));
  const rows: { account_today: string; client_today: string; global_today: string; last_at: Date | null }[] = await m.query(
    `SELECT
       count(*) FILTER (WHERE platform_account_id = $1) AS account_today,
       count(*) FILTER (WHERE client_id = $2) AS client_today,
       raize_global_side_effects_since($3, $4) AS global_today,
       (SELECT max(updated_at) FROM side_effect_ledger WHERE platform_account_id = $1 AND action = $3 AND state = 'succeeded') AS last_at
     FROM side_effect_ledger WHERE action = $3 AND state = 'succeeded' AND updated_at >= $4`,
    [q.accountId, q.clientId, q.action, dayStart],
  );
  const r = rows[0];
  return {
    account_today: Number(r.account_today),
    client_today: Number(r.client_today),
    global_today: Number(r.global_today),
    seconds_since_last: r.last_at ? Math.max(0, Math.floor((q.now.getTime() - new Date(r.last_at).getTime()) / 1000)) : null,
  };
}
