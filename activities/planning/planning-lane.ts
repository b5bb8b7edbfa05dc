import type { DataSource } from 'typeorm';
import { loadTemporalConfig } from '../../services/core/config/temporal-config';
import type { ProviderGateway } from '../../services/core/providers/provider-gateway.port';
import type { AiCallResult } from '../../services/core/providers/provider-gateway.port';
import { createPlanningActivities } from './planning.activities';
import type { BrandContextLoader } from './planning.deps';

/**
 * What the planning lane's worker hands its activities (the worker's LaneDeps fit): the database, the provider
 * gateway, optionally a brand context loader and the lanes' queues.
 */
export interface PlanningLaneDeps {
  ds: DataSource;
  providers?: ProviderGateway;
  brandContext?: BrandContextLoader;
  /** the lanes' queues as the worker runs them (a test's own queue); else temporal.yaml's */
  taskQueues?: { creation: string };
  now?: () => Date;
}

const NO_GATEWAY: AiCallResult = {
  ok: false,
  wait: {
    code: 'no_provider',
    message: 'this worker was started without a provider gateway; plans park until it has one',
  },
};

/** A worker without a gateway parks plans with a clear reason instead of failing them (a `resume` retries). */
const missingGateway: ProviderGateway = {
  text: async () => NO_GATEWAY,
  image: async () => NO_GATEWAY,
  video: async () => NO_GATEWAY,
  avatar: async () => NO_GATEWAY,
};

/** The planning lane's activities (services/worker/lane-workers.ts registers them). */
export function planningLaneActivities(deps: PlanningLaneDeps) {
  return createPlanningActivities({
    ds: deps.ds,
    providers: deps.providers ?? missingGateway,
    brandContext: deps.brandContext,
    creationTaskQueue: deps.taskQueues?.creation ?? loadTemporalConfig().taskQueues.creation,
    now: deps.now,
  });
}
