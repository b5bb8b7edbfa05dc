import type { DataSource } from 'typeorm';
import type { CreationContext, CreationWait } from '../../workflows/contracts/creation.contract';

/**
 * How long, in all, an item may wait on a provider outage (circuit open, C-51) before it is parked for a human: the
 * episode would otherwise retry every cool-down for as long as the vendor is down, and nobody would look. Six hours,
 * as the longest single wait (creationItemWorkflow's DEFAULT_MAX_WAIT_SECONDS).
 */
export const DEFAULT_MAX_OUTAGE_MS = 6 * 3600_000;

interface StatusEvent {
  status: string | null;
  code: string | null;
  at: Date;
}

/**
 * When the item's current run of outage waits began: its status events, newest first, are `generating` and
 * `waiting (circuit_open)` back to that moment. Null when it is not waiting on an outage.
 */
async function outageSince(ds: DataSource, item: CreationContext): Promise<Date | null> {
  const events = await ds.query<StatusEvent[]>(
    `SELECT data->>'status' AS status, data->'reasons'->0->>'code' AS code, created_at AS at
       FROM plan_events
      WHERE plan_id = $1 AND client_id = $2 AND type = 'item.status_changed' AND data->>'itemId' = $3
      ORDER BY seq DESC LIMIT 1000`,
    [item.planId, item.clientId, item.itemId],
  );
  let since: Date | null = null;
  for (const e of events) {
    if (e.status === 'generating') continue;
    if (e.status !== 'waiting' || e.code !== 'circuit_open') break;
    since = new Date(e.at);
  }
  return since;
}

/**
 * An outage wait, unless the item has waited on outages for longer than `maxOutageMs` already: then it parks with
 * `provider_unavailable`, and an operator's `resume` tries again (the episode parks any code it does not wait out).
 */
export async function outageWaitOrPark(
  ds: DataSource,
  item: CreationContext,
  wait: CreationWait,
  o: { maxOutageMs: number; now: Date },
): Promise<CreationWait> {
  if (wait.code !== 'circuit_open') return wait;
  const since = await outageSince(ds, item);
  if (!since || o.now.getTime() - since.getTime() < o.maxOutageMs) return wait;
  return {
    code: 'provider_unavailable',
    message:
      `the AI provider has been unavailable since ${since.toISOString()} (${wait.message}); ` +
      'resume the item once it is back, or edit or reject it',
  };
}
