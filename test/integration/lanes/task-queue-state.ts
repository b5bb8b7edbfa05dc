import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const { TaskQueueType } = temporal.api.enums.v1;

/** Tasks waiting on a queue for a worker, as the server counts them (DescribeTaskQueue with stats). */
export interface Backlog {
  workflowTasks: number;
  activityTasks: number;
}

export async function backlogOf(client: Client, queue: string): Promise<Backlog> {
  const count = async (taskQueueType: number) => {
    const res = await client.workflowService.describeTaskQueue({
      namespace: client.options.namespace,
      taskQueue: { name: queue },
      taskQueueType,
      reportStats: true,
    });
    return Number(res.stats?.approximateBacklogCount ?? 0);
  };
  return {
    workflowTasks: await count(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW),
    activityTasks: await count(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY),
  };
}

export const total = (b: Backlog) => b.workflowTasks + b.activityTasks;

/**
 * Waits until a worker polls `queue` for both workflow and activity tasks, asking `since` or later (the server also
 * lists the pollers of a worker stopped a moment ago): a worker that was just created has not yet asked for work,
 * and a task scheduled in that moment would measure the worker's start-up, not the lane.
 */
export async function untilPolled(client: Client, queue: string, since: number, timeoutMs = 30_000): Promise<void> {
  const polled = async (taskQueueType: number) => {
    const res = await client.workflowService.describeTaskQueue({
      namespace: client.options.namespace,
      taskQueue: { name: queue },
      taskQueueType,
    });
    return (res.pollers ?? []).some((p) => Number(p.lastAccessTime?.seconds ?? 0) * 1000 >= since - 1000);
  };
  const deadline = Date.now() + timeoutMs;
  while (
    !(await polled(TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW)) ||
    !(await polled(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY))
  ) {
    if (Date.now() > deadline) throw new Error(`no worker polls ${queue}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
