import { DataConverter } from '@temporalio/common';
import { NativeConnection, Worker } from '@temporalio/worker';
import { Lane, LANES, loadTemporalConfig } from '../core/config/temporal-config';
import { GuardDeps } from '../../activities/guard/guard.deps';
import { createPublishActivities } from '../../activities/publish/publish.activities';
import { createSmokeActivities } from '../../activities/smoke/smoke.activities';

export interface LaneWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  bundlePath: string;
  deps: GuardDeps;
  /** the payload codec (createWorkerDeps builds it); required, so no worker writes plaintext histories (C-13) */
  dataConverter: DataConverter;
  lanes?: Lane[];
  /** overrides temporal.yaml's queue names (tests use a queue of their own) */
  taskQueueFor?: (lane: Lane) => string;
}

/**
 * One worker per lane task queue, each with its own slots, so planning or creation floods never take
 * the slots a due publish needs (C-26).
 */
export async function createLaneWorkers(o: LaneWorkerOptions): Promise<Worker[]> {
  const cfg = loadTemporalConfig();
  const activities = { ...createPublishActivities(o.deps), ...createSmokeActivities() };
  const lanes = o.lanes ?? [...LANES];
  return Promise.all(
    lanes.map((lane) =>
      Worker.create({
        connection: o.connection,
        namespace: o.namespace,
        taskQueue: o.taskQueueFor?.(lane) ?? cfg.taskQueues[lane],
        workflowBundle: { codePath: o.bundlePath },
        dataConverter: o.dataConverter,
        activities,
        maxConcurrentWorkflowTaskExecutions: Math.min(cfg.workerSlots[lane].workflows, 100),
        maxConcurrentActivityTaskExecutions: cfg.workerSlots[lane].activities,
        maxCachedWorkflows: cfg.workerSlots[lane].workflows,
        shutdownGraceTime: '10 seconds',
      }),
    ),
  );
}
