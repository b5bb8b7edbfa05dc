import type { DataSource } from 'typeorm';
import type { ArtifactStore } from '../../services/core/artifacts/artifact-store.port';
import { loadTemporalConfig } from '../../services/core/config/temporal-config';
import type { ToolClient } from '../../services/core/gateway/tool-client.port';
import { createPlanningActivities } from './planning.activities';

/**
 * What the planning lane's worker hands its activities (the worker's LaneDeps fit): the database, the MCP tool
 * gateway's client (brand, knowledge, text: issue #16) and the lanes' queues.
 */
export interface PlanningLaneDeps {
  ds: DataSource;
  tools: ToolClient;
  artifacts?: Pick<ArtifactStore, 'get'>;
  /** the lanes' queues as the worker runs them (a test's own queue); else temporal.yaml's */
  taskQueues?: { creation: string };
  now?: () => Date;
}

/** The planning lane's activities (services/worker/lane-workers.ts registers them). */
export function planningLaneActivities(deps: PlanningLaneDeps) {
  return createPlanningActivities({
    ds: deps.ds,
    tools: deps.tools,
    artifacts: deps.artifacts,
    creationTaskQueue: deps.taskQueues?.creation ?? loadTemporalConfig().taskQueues.creation,
    now: deps.now,
  });
}
