import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { callerActor } from '../../core/gateway/caller';
import type { GatewayCaller } from '../../core/gateway/caller';
import { runInTenantScope } from '../../core/tenancy/tenant-scope';
import { agencyScope } from './gateway-settings';

/** One caller's row of one minute in gateway_usage. */
export interface UsageWindow {
  agencyId: string;
  callerKey: string;
  windowStart: Date;
}

/**
 * Per caller and agency: an activity is its workflow (its tokens are re-minted, its workflow stays), an assistant its
 * operator (more tokens do not buy more calls). The agency is part of the key: the table's key has no agency column.
 */
export function usageWindow(caller: GatewayCaller, agencyId: string, now: Date): UsageWindow {
  let callerKey = `${agencyId}:${callerActor(caller)}`;
  if (callerKey.length > 300) callerKey = `${agencyId}:sha256:${createHash('sha256').update(callerKey).digest('hex')}`;
  return { agencyId, callerKey, windowStart: new Date(Math.floor(now.getTime() / 60_000) * 60_000) };
}

/** Counts one call in the caller's minute (atomically, across replicas) and answers the count so far. */
export async function countCall(ds: DataSource, w: UsageWindow): Promise<number> {
  const rows: { calls: number }[] = await runInTenantScope(ds, agencyScope(w.agencyId), () =>
    ds.query(
      `INSERT INTO gateway_usage (caller_key, agency_id, window_start, calls) VALUES ($1, $2, $3, 1)
       ON CONFLICT (caller_key, window_start) DO UPDATE SET calls = gateway_usage.calls + 1
       RETURNING calls`,
      [w.callerKey, w.agencyId, w.windowStart],
    ),
  );
  return Number(rows[0]?.calls ?? Number.MAX_SAFE_INTEGER);
}

/** What the agency's tool calls cost since the first of the month (UTC), in USD micros. */
export async function spentThisMonth(ds: DataSource, agencyId: string, now: Date): Promise<number> {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const rows: { spent: string | null }[] = await runInTenantScope(ds, agencyScope(agencyId), () =>
    ds.query(
      `SELECT coalesce(sum(cost_usd_micros), 0)::text AS spent FROM gateway_usage WHERE agency_id = $1 AND window_start >= $2`,
      [agencyId, monthStart],
    ),
  );
  return Number(rows[0]?.spent ?? 0);
}

/** Adds a call's cost to the window it was counted in. */
export async function recordCost(ds: DataSource, w: UsageWindow, costUsdMicros: number): Promise<void> {
  if (!(costUsdMicros > 0)) return;
  await runInTenantScope(ds, agencyScope(w.agencyId), () =>
    ds.query(
      `UPDATE gateway_usage SET cost_usd_micros = cost_usd_micros + $3 WHERE caller_key = $1 AND window_start = $2`,
      [w.callerKey, w.windowStart, Math.round(costUsdMicros)],
    ),
  );
}
