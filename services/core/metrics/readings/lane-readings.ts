import type { Client } from '@temporalio/client';
import { loadTemporalConfig } from '../../config/temporal-config';
import type { LaneHealth } from '../../diagnostics/lane-health';
import { describeLanes, POLLER_ALIVE_MS } from '../../diagnostics/lane-health';
import type { LaneReading } from './readings.types';

/**
 * Every lane's task queues as diagnostics describe them (DescribeTaskQueue with stats): pollers that asked recently
 * (the server keeps a stopped worker listed for a while), the backlog, and the oldest waiting task's age, which is
 * what the next task's schedule-to-start latency will be at least.
 */
export async function readLanes(
  client: Client,
  taskQueueOverride: string | undefined,
  now: Date,
): Promise<LaneReading[]> {
  const lanes = await describeLanes(client, {
    namespace: client.options.namespace,
    file: loadTemporalConfig(),
    taskQueueOverride,
    now,
  });
  return lanes.flatMap((l) => [reading(l, 'workflow', now), reading(l, 'activity', now)]);
}

function reading(l: LaneHealth, kind: 'workflow' | 'activity', now: Date): LaneReading {
  const backlog = kind === 'workflow' ? l.workflowBacklog : l.activityBacklog;
  return {
    lane: l.lane,
    kind,
    pollers: l.pollers.filter(
      (p) => p.kind === kind && !!p.lastAccessAt && now.getTime() - p.lastAccessAt.getTime() <= POLLER_ALIVE_MS,
    ).length,
    backlog: backlog?.count ?? null,
    backlogAgeSeconds: backlog?.ageSeconds ?? null,
  };
}
