import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { Lane, TemporalFileConfig } from '../config/temporal-config';
import { LANES } from '../config/temporal-config';

const { TaskQueueType } = temporal.api.enums.v1;

/**
 * A worker long-polls its queue (about a minute per poll), and the server keeps a poller listed for a while after
 * it stopped: a poller counts as alive when it asked within this window.
 */
export const POLLER_ALIVE_MS = 2 * 60_000;

export interface LanePoller {
  kind: 'workflow' | 'activity';
  identity: string;
  lastAccessAt: Date | null;
}

/** Tasks waiting on the queue for a worker, as the server counts them; null when the server does not say. */
export interface Backlog {
  count: number;
  ageSeconds: number;
}

export interface LaneHealth {
  lane: Lane;
  taskQueue: string;
  /** from temporal.yaml (workerSlots): what each lane's worker may run at once */
  workflowSlots: number;
  activitySlots: number;
  pollers: LanePoller[];
  /** some poller asked within POLLER_ALIVE_MS */
  alive: boolean;
  workflowBacklog: Backlog | null;
  activityBacklog: Backlog | null;
}

export interface LaneHealthOptions {
  namespace: string;
  file: Pick<TemporalFileConfig, 'taskQueues' | 'workerSlots'>;
  /** RAIZE_TASK_QUEUE: one queue for every lane (tests, single-queue setups) */
  taskQueueOverride?: string;
  now?: Date;
}

type DescribeResponse = temporal.api.workflowservice.v1.IDescribeTaskQueueResponse;

const seconds = (d: { seconds?: unknown; nanos?: number | null } | null | undefined): number =>
  d ? Number(d.seconds ?? 0) + (d.nanos ?? 0) / 1e9 : 0;

function backlogOf(res: DescribeResponse): Backlog | null {
  // Servers before stats (report_stats) answer without them: unknown, never zero.
  if (!res.stats) return null;
  return {
    count: Number(res.stats.approximateBacklogCount ?? 0),
    ageSeconds: Math.round(seconds(res.stats.approximateBacklogAge) * 10) / 10,
  };
}

function pollersOf(res: DescribeResponse, kind: LanePoller['kind']): LanePoller[] {
  return (res.pollers ?? []).map((p) => ({
    kind,
    identity: p.identity ?? '',
    lastAccessAt: p.lastAccessTime ? new Date(seconds(p.lastAccessTime) * 1000) : null,
  }));
}

/** Each lane's queue: who polls it (workflow and activity side), its configured slots, and its backlog. */
export async function describeLanes(client: Client, o: LaneHealthOptions): Promise<LaneHealth[]> {
  const now = (o.now ?? new Date()).getTime();
  const describe = (queue: string, taskQueueType: number) =>
    client.workflowService.describeTaskQueue({
      namespace: o.namespace,
      taskQueue: { name: queue },
      taskQueueType,
      reportStats: true,
    });
  return Promise.all(
    LANES.map(async (lane): Promise<LaneHealth> => {
      const taskQueue = o.taskQueueOverride ?? o.file.taskQueues[lane];
      const [wf, act] = await Promise.all([
        describe(taskQueue, TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
        describe(taskQueue, TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
      ]);
      const pollers = [...pollersOf(wf, 'workflow'), ...pollersOf(act, 'activity')];
      return {
        lane,
        taskQueue,
        workflowSlots: o.file.workerSlots[lane].workflows,
        activitySlots: o.file.workerSlots[lane].activities,
        pollers,
        alive: pollers.some((p) => !!p.lastAccessAt && now - p.lastAccessAt.getTime() <= POLLER_ALIVE_MS),
        workflowBacklog: backlogOf(wf),
        activityBacklog: backlogOf(act),
      };
    }),
  );
}
