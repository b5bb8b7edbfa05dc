import type { DataConverter } from '@temporalio/common';
import type { ActivityInterceptorsFactory, NativeConnection, WorkerOptions } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import type { Lane, TemporalFileConfig } from '../core/config/temporal-config';
import { LANES, loadTemporalConfig } from '../core/config/temporal-config';
import { logger } from '../core/telemetry/logger';
import { withTracing } from './worker-tracing';
import type { LaneDeps } from '../../activities/lanes/lane.deps';
import { createPublishActivities } from '../../activities/publish/publish.activities';
import { createSmokeActivities } from '../../activities/smoke/smoke.activities';
import { planningLaneActivities } from '../../activities/planning/planning-lane';
import { creationLaneActivities } from '../../activities/creation/creation-lane';
import { CREATION_ITEM_WORKFLOW_TYPE } from '../../workflows/contracts/creation.contract';
import { PLANNING_WORKFLOW_TYPE } from '../../workflows/contracts/planning.contract';
import { PUBLISH_WORKFLOW_TYPE } from '../../workflows/contracts/publish.contract';
import { SMOKE_WORKFLOW_TYPE } from '../../workflows/contracts/smoke.contract';
import { ACCOUNT_TOKENS_WORKFLOW_TYPE } from '../../workflows/contracts/tokens.contract';
import { tokenLaneActivities } from '../../activities/tokens';
import { createWebhookLoop } from '../../activities/webhooks-out/webhook-lane';
import { engagementLaneActivities } from '../../activities/engagement-effects/engagement-lane';
import { ingestPollLaneActivities } from '../../activities/ingest-poll/ingest-poll-lane';
import { INGEST_POLL_WORKFLOW_TYPE } from '../../workflows/contracts/ingest-poll.contract';
import { ENGAGEMENT_WORKFLOW_TYPE } from '../../workflows/contracts/engagement.contract';
import { engagementEpisodeActivities } from '../../activities/engagement/engagement-lane';
import { analyticsLaneActivities } from '../../activities/analytics/analytics-lane';
import { createAnalyticsScheduleLoop } from '../../activities/analytics/analytics-loop';
import { ANALYTICS_WORKFLOW_TYPE } from '../../workflows/contracts/analytics.contract';
import { reportLaneActivities } from '../../activities/report/report-lane';
import { REPORT_WORKFLOW_TYPE } from '../../workflows/contracts/report.contract';
import {
  createReceiptSweep,
  publishLaneReceiptStarter,
  receiptLaneActivities,
} from '../../activities/receipts/receipt-lane';
import { RECEIPT_WORKFLOW_TYPE } from '../../workflows/contracts/receipts.contract';

/** What one lane's worker runs; a lane never gets another lane's activities (they are its side effects). */
export interface LaneRegistration {
  /** workflow types the lane runs, all exported by the production bundle (workflows/index.ts) */
  workflows: readonly string[];
  activities?: (deps: LaneDeps) => object;
}

/**
 * Lane → what it runs. Engagement has no episode yet: it gets no worker (a Temporal worker with nothing registered
 * does not poll either) until an entry here gives it one.
 */
export const LANE_REGISTRATIONS: Readonly<Record<Lane, LaneRegistration>> = {
  // The publish lane keeps each account's tokens fresh too: the same platforms, the same credentials.
  publish: {
    workflows: [PUBLISH_WORKFLOW_TYPE, ACCOUNT_TOKENS_WORKFLOW_TYPE],
    activities: (deps) => ({
      ...createPublishActivities(deps, { receipts: publishLaneReceiptStarter(deps) }),
      ...tokenLaneActivities(deps),
    }),
  },
  // The engagement episode per account with its bookkeeping (record, route, draft); polling ingest (each account's
  // Schedule starts a short poll here); the guarded engagement effects (reply, DM, like, hide) and nothing else that
  // writes (C-30). Receipt re-checks of published posts (issue #15) ride here too: platform reads that are never
  // urgent, kept off the publish lane's slots so a burst of hourly re-checks never queues ahead of a due publish, and
  // off the planning lane, whose floods could hold a check back for days (docs/receipts.md).
  engagement: {
    workflows: [ENGAGEMENT_WORKFLOW_TYPE, INGEST_POLL_WORKFLOW_TYPE, RECEIPT_WORKFLOW_TYPE],
    activities: (deps) => ({
      ...ingestPollLaneActivities(deps),
      ...engagementLaneActivities(deps),
      ...engagementEpisodeActivities(deps),
      ...receiptLaneActivities(deps),
    }),
  },
  creation: { workflows: [CREATION_ITEM_WORKFLOW_TYPE], activities: (deps) => creationLaneActivities(deps) },
  // Client reports ride the planning lane: batch work that must never take a slot a due publish needs (C-26).
  planning: {
    workflows: [PLANNING_WORKFLOW_TYPE, REPORT_WORKFLOW_TYPE, ANALYTICS_WORKFLOW_TYPE],
    activities: (deps) => ({
      ...planningLaneActivities(deps),
      ...reportLaneActivities(deps),
      ...analyticsLaneActivities(deps),
    }),
  },
};

/** The diagnostics lane: the smoke workflow proves worker, bundle and server talk; only tests start it. */
export const SMOKE_LANE = { workflows: [SMOKE_WORKFLOW_TYPE], activities: createSmokeActivities } as const;

export interface LaneWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  /** the production bundle (buildWorkflowBundle of workflows/index.ts) */
  bundlePath: string;
  deps: LaneDeps;
  /** the payload codec (createWorkerDeps builds it); required, so no worker writes plaintext histories (C-13) */
  dataConverter: DataConverter;
  lanes?: Lane[];
  /** overrides temporal.yaml's queue names (tests use a queue of their own) */
  taskQueueFor?: (lane: Lane) => string;
  /** extra activity interceptors (the crash matrix's crash points, test and development only: crash-point.ts) */
  activityInterceptors?: ActivityInterceptorsFactory[];
}

/** The lanes among `lanes` that have something to run. */
export function runnableLanes(lanes: readonly Lane[]): Lane[] {
  return lanes.filter((l) => LANE_REGISTRATIONS[l].workflows.length > 0 || LANE_REGISTRATIONS[l].activities);
}

/**
 * A lane worker's slots and sticky cache from temporal.yaml. The cache is sized apart from the slots (workerCache):
 * a cached workflow holds worker memory for as long as it stays, and most of Raize's workflows sleep for days. A
 * workflow task in progress occupies a cache entry, so a lane never runs more workflow tasks at once than it may
 * cache (the SDK would lower it anyway); with the cache off (0) the slots alone bound them.
 */
export function laneConcurrency(
  cfg: TemporalFileConfig,
  lane: Lane,
): Pick<
  WorkerOptions,
  'maxConcurrentWorkflowTaskExecutions' | 'maxConcurrentActivityTaskExecutions' | 'maxCachedWorkflows'
> {
  const slots = cfg.workerSlots[lane];
  const cached = cfg.workerCache[lane].cachedWorkflows;
  const taskSlots = Math.min(slots.workflows, 100);
  return {
    maxConcurrentWorkflowTaskExecutions: cached > 0 ? Math.max(2, Math.min(taskSlots, cached)) : taskSlots,
    maxConcurrentActivityTaskExecutions: slots.activities,
    maxCachedWorkflows: cached,
  };
}

/**
 * One worker per lane task queue, each with its own slots, so planning or creation floods never take
 * the slots a due publish needs (C-26). Each registers exactly its lane's entry in LANE_REGISTRATIONS.
 */
export async function createLaneWorkers(o: LaneWorkerOptions): Promise<Worker[]> {
  const cfg = loadTemporalConfig();
  const lanes = o.lanes ?? [...LANES];
  const idle = lanes.filter((l) => !runnableLanes([l]).length);
  if (idle.length) logger.info({ 'raize.lane': idle.join(',') }, 'lanes with nothing to run yet get no worker');
  return Promise.all(
    runnableLanes(lanes).map((lane) => {
      const reg = LANE_REGISTRATIONS[lane];
      return Worker.create(
        withTracing({
          connection: o.connection,
          namespace: o.namespace,
          taskQueue: o.taskQueueFor?.(lane) ?? cfg.taskQueues[lane],
          // One bundle for every lane that runs workflows (a spec keeps its exports and the lanes' lists equal). What
          // isolates the lanes is the task queue and its slots, and the activities: each lane registers only its own,
          // so a workflow started on the wrong queue finds nothing to run there and can cause no side effect.
          workflowBundle: reg.workflows.length ? { codePath: o.bundlePath } : undefined,
          dataConverter: o.dataConverter,
          activities: reg.activities?.(o.deps),
          interceptors: { activity: o.activityInterceptors ?? [] },
          ...laneConcurrency(cfg, lane),
          shutdownGraceTime: '10 seconds',
        }),
      );
    }),
  );
}

export interface SmokeWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  /** the diagnostics bundle's code (bundleWorkflows(smokeWorkflowsEntry())) */
  workflowCode: string;
  dataConverter?: DataConverter;
}

/** A worker for the smoke lane: the smoke workflow and its one activity, nothing of production. */
export async function createSmokeWorker(o: SmokeWorkerOptions): Promise<Worker> {
  return Worker.create(
    withTracing({
      connection: o.connection,
      namespace: o.namespace,
      taskQueue: o.taskQueue,
      workflowBundle: { code: o.workflowCode },
      dataConverter: o.dataConverter,
      activities: SMOKE_LANE.activities(),
    }),
  );
}

/** Work a lane's worker process runs beside its Temporal worker, started and stopped with it. */
export interface LaneLoop {
  start(): void;
  stop(): Promise<void>;
}

/**
 * Lane → background loops. Outbound webhooks (issue #13) ride the engagement lane's process: customer-facing
 * notifications, kept off the publish lane so a slow receiver never competes with a due publish (C-26).
 */
export const LANE_LOOPS: Readonly<Partial<Record<Lane, readonly ((deps: LaneDeps) => LaneLoop)[]>>> = {
  engagement: [createWebhookLoop, createReceiptSweep],
  // Each account's daily analytics Schedule (issue #14), kept by the lane that runs the episode.
  planning: [createAnalyticsScheduleLoop],
};

/** Starts the loops of `lanes`; the caller stops them on shutdown. */
export function startLaneLoops(lanes: readonly Lane[], deps: LaneDeps): LaneLoop[] {
  const loops = lanes.flatMap((l) => (LANE_LOOPS[l] ?? []).map((make) => make(deps)));
  loops.forEach((loop) => loop.start());
  return loops;
}
