import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { loadAppConfig } from '../../services/core/config/app-config';
import { loadTemporalConfig } from '../../services/core/config/temporal-config';
import { AnalyticsScheduleKeeper } from './analytics-schedules';

/**
 * The planning lane's background loop that keeps every account's analytics Schedule (services/worker/lane-workers.ts
 * starts it with the lane). The Schedules start the episode on the planning queue, or on the one queue a test or an
 * operator gave every lane (RAIZE_TASK_QUEUE).
 */
export function createAnalyticsScheduleLoop(deps: { ds: DataSource; temporal: Client }): AnalyticsScheduleKeeper {
  const taskQueue = loadAppConfig().taskQueueOverride ?? loadTemporalConfig().taskQueues.planning;
  return new AnalyticsScheduleKeeper({ ds: deps.ds, temporal: deps.temporal, taskQueue });
}
