import type { Client as TemporalClient } from '@temporalio/client';
import type { LatencySummary } from './latency';
import { summarize } from './latency';

export interface ActivityTiming {
  /** scheduled → started: waiting for a worker slot (and a DB connection is not part of this) */
  queued: LatencySummary;
  /** started → completed: the activity's own work, retries excluded */
  ran: LatencySummary;
}

type Timestamp = { seconds?: { toNumber(): number } | number | null; nanos?: number | null } | null | undefined;

function ms(t: Timestamp): number {
  if (!t) return NaN;
  const s = typeof t.seconds === 'number' ? t.seconds : (t.seconds?.toNumber() ?? 0);
  return s * 1000 + (t.nanos ?? 0) / 1e6;
}

/**
 * Where the time of an episode went, per activity type, read from the workflows' histories after the batch
 * (never during it). The server's timestamps, so worker and client clocks do not matter.
 */
export async function activityBreakdown(
  client: TemporalClient,
  workflowIds: string[],
): Promise<Record<string, ActivityTiming>> {
  const queued = new Map<string, number[]>();
  const ran = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, v: number) => {
    if (Number.isFinite(v)) m.set(k, [...(m.get(k) ?? []), v]);
  };
  for (const id of workflowIds) {
    const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
    const scheduled = new Map<string, { type: string; at: number }>();
    const started = new Map<string, number>();
    for (const e of events) {
      const id2 = String(e.eventId);
      if (e.activityTaskScheduledEventAttributes)
        scheduled.set(id2, {
          type: e.activityTaskScheduledEventAttributes.activityType?.name ?? '?',
          at: ms(e.eventTime as Timestamp),
        });
      if (e.activityTaskStartedEventAttributes) {
        const s = scheduled.get(String(e.activityTaskStartedEventAttributes.scheduledEventId));
        if (s) push(queued, s.type, ms(e.eventTime as Timestamp) - s.at);
        started.set(String(e.activityTaskStartedEventAttributes.scheduledEventId), ms(e.eventTime as Timestamp));
      }
      if (e.activityTaskCompletedEventAttributes) {
        const key = String(e.activityTaskCompletedEventAttributes.scheduledEventId);
        const s = scheduled.get(key);
        const st = started.get(key);
        if (s && st !== undefined) push(ran, s.type, ms(e.eventTime as Timestamp) - st);
      }
    }
  }
  const out: Record<string, ActivityTiming> = {};
  for (const [type, q] of queued) out[type] = { queued: summarize(q), ran: summarize(ran.get(type) ?? []) };
  return out;
}
