import { Client, Connection } from '@temporalio/client';
import type { TemporalFileConfig } from '../../services/core/config/temporal-config';
import { describeLanes } from '../../services/core/diagnostics/lane-health';

/** The lanes' queues from the end of scheduling until the worker has run every task the imports left behind. */
export interface BacklogDrain {
  /** workflow + activity tasks waiting on every lane when scheduling ended, and the oldest one's age */
  at_start: { tasks: number; oldest_s: number };
  drained: boolean;
  drain_s: number;
  /** the queue's net shrink per second while draining: each task run can queue its workflow's next, so below the run rate */
  tasks_per_s: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until no lane has a task waiting. The imports start workflows faster than one worker runs their first tasks:
 * at 100,000 posts 36,000 workflow tasks were still queued (42 min old) when scheduling ended, so "every post waits
 * on its timer" and the measures after it hold only once the queues are empty.
 */
export async function drainBacklog(o: {
  address: string;
  config: TemporalFileConfig;
  timeoutMs: number;
  progress: (m: string) => void;
}): Promise<BacklogDrain> {
  const connection = await Connection.connect({ address: o.address });
  try {
    const client = new Client({ connection, namespace: o.config.namespace });
    const look = async () => {
      const lanes = await describeLanes(client, { namespace: o.config.namespace, file: o.config });
      const queued = lanes.flatMap((l) => [l.workflowBacklog, l.activityBacklog]);
      return {
        tasks: queued.reduce((n, b) => n + (b?.count ?? 0), 0),
        oldest_s: Math.max(0, ...queued.map((b) => b?.ageSeconds ?? 0)),
      };
    };
    const t0 = Date.now();
    const first = await look();
    let now = first;
    let lastReport = t0;
    while (now.tasks > 0 && Date.now() - t0 < o.timeoutMs) {
      if (Date.now() - lastReport >= 60_000) {
        o.progress(`draining: ${now.tasks} tasks queued, the oldest ${Math.round(now.oldest_s)} s`);
        lastReport = Date.now();
      }
      await sleep(5_000);
      now = await look();
    }
    const drainS = Math.round((Date.now() - t0) / 1000);
    return {
      at_start: first,
      drained: now.tasks === 0,
      drain_s: drainS,
      tasks_per_s: drainS > 0 ? Math.round(((first.tasks - now.tasks) / drainS) * 10) / 10 : null,
    };
  } finally {
    await connection.close();
  }
}
