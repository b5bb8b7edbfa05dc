import { Worker } from '@temporalio/worker';
import type { Lane } from '../../../services/core/config/temporal-config';
import { loadAppConfig } from '../../../services/core/config/app-config';
import { loadTemporalConfig } from '../../../services/core/config/temporal-config';
import type { ProviderGateway } from '../../../services/core/providers/provider-gateway.port';
import { createLaneWorkers, LANE_REGISTRATIONS } from '../../../services/worker/lane-workers';
import { createWorkerDeps } from '../../../services/worker/worker-deps';
import type { LaneDeps } from '../../../activities/lanes/lane.deps';
import { withTracing } from '../../../services/worker/worker-tracing';
import { nativeConnection, testEnv } from '../../harness/test-env';

/** The lanes the flood and the publish use; engagement has no part in this test. */
export const RIG_LANES: Lane[] = ['publish', 'planning', 'creation'];

export interface LaneRig {
  stop(): Promise<void>;
}

export interface RigOptions {
  /** each lane's queue; for the shared rig, the one queue */
  queueFor: (lane: Lane) => string;
  /** the model stand-in the planner and creator steps call */
  providers: ProviderGateway;
  /** the worker's sandbox timings: short settle window, no pacing (as the test stack's own worker) */
  connectorTimeoutMs: number;
}

async function workerDeps(o: RigOptions) {
  const built = await createWorkerDeps(loadAppConfig(), {
    connectorTimeoutMs: o.connectorTimeoutMs,
    connectors: {
      sandbox: { settleSeconds: 3, reconcileLooks: 2, pacing: { minSpacingSeconds: 0, jitterSeconds: 0 } },
    },
  });
  const deps: LaneDeps = {
    ...built.deps,
    providers: o.providers,
    taskQueues: { ...built.deps.taskQueues, publish: o.queueFor('publish'), creation: o.queueFor('creation') },
  };
  return { built, deps };
}

async function run(workers: Worker[], close: () => Promise<void>): Promise<LaneRig> {
  const running = workers.map((w) => w.run());
  return {
    async stop() {
      for (const w of workers) if (w.getState() === 'RUNNING') w.shutdown();
      await Promise.allSettled(running);
      await close();
    },
  };
}

/** Production's layout: one worker per lane queue, built by createLaneWorkers with temporal.yaml's slots (C-26). */
export async function startLaneWorkers(o: RigOptions): Promise<LaneRig> {
  const { built, deps } = await workerDeps(o);
  const connection = await nativeConnection();
  const workers = await createLaneWorkers({
    connection,
    namespace: testEnv().namespace,
    bundlePath: testEnv().bundlePath,
    deps,
    dataConverter: built.dataConverter,
    lanes: RIG_LANES,
    taskQueueFor: o.queueFor,
  });
  return run(workers, async () => {
    await connection.close();
    await built.close();
    await built.ds.destroy();
  });
}

/**
 * THE CONTROL'S ABSENCE: the same lanes' workflows and activities (LANE_REGISTRATIONS, the production bundle) in one
 * worker on one queue, with the publish lane's slots, the most any lane has. Built here rather than by pointing
 * createLaneWorkers at one queue: three workers on one queue would also hand publish activities to a worker that does
 * not register them, and the retries that follow would blur what is measured, which is the sharing alone.
 */
export async function startSharedWorker(o: RigOptions): Promise<LaneRig> {
  const { built, deps } = await workerDeps(o);
  const slots = loadTemporalConfig().workerSlots.publish;
  const connection = await nativeConnection();
  const activities: Record<string, unknown> = Object.assign(
    {},
    ...RIG_LANES.map((l): object => LANE_REGISTRATIONS[l].activities?.(deps) ?? {}),
  ) as Record<string, unknown>;
  const worker = await Worker.create(
    withTracing({
      connection,
      namespace: testEnv().namespace,
      taskQueue: o.queueFor('publish'),
      workflowBundle: { codePath: testEnv().bundlePath },
      dataConverter: built.dataConverter,
      activities,
      // As createLaneWorkers sets them for the publish lane.
      maxConcurrentWorkflowTaskExecutions: Math.min(slots.workflows, 100),
      maxConcurrentActivityTaskExecutions: slots.activities,
      maxCachedWorkflows: slots.workflows,
      shutdownGraceTime: '10 seconds',
    }),
  );
  return run([worker], async () => {
    await connection.close();
    await built.close();
    await built.ds.destroy();
  });
}
