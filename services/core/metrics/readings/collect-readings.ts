import type { Client } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { DiagnosticsScope } from '../../diagnostics/diagnostics-scope';
import { logger } from '../../telemetry/logger';
import type { TenantScope } from '../../tenancy/tenant-scope';
import { runInTenantScope } from '../../tenancy/tenant-scope';
import { readEpisodes, readWorkflowFailures } from './episode-readings';
import { readLanes } from './lane-readings';
import { MetricsReadingsRepository } from './metrics-readings.repository';
import type { Readings } from './readings.types';

export interface ReadingSources {
  temporal: Client;
  /** the app role's DataSource (row-level security applies) */
  ds: DataSource;
  /** RAIZE_TASK_QUEUE: one queue for every lane (tests), else temporal.yaml's */
  taskQueueOverride?: string;
  now?: () => Date;
}

const repo = new MetricsReadingsRepository();

/**
 * One snapshot of Raize's readings: Temporal's within `scope`, the database's within `tenant`. A part that fails is
 * null (and logged by kind): the gauges leave it out and the rules built on it say "no reading", never "all clear".
 */
export async function collectReadings(
  src: ReadingSources,
  scope: DiagnosticsScope,
  /** the tenant scope the database half runs in (found lazily: finding it is a query too) */
  tenant: () => Promise<TenantScope>,
): Promise<Readings> {
  const now = src.now?.() ?? new Date();
  const [lanes, episodes, workflowFailures, db] = await Promise.all([
    part('lanes', () => readLanes(src.temporal, src.taskQueueOverride, now)),
    part('episodes', () => readEpisodes(src.temporal, scope)),
    part('workflow_failures', () => readWorkflowFailures(src.temporal, scope, now)),
    part('database', async () =>
      runInTenantScope(src.ds, await tenant(), async () => {
        const m = src.ds.manager;
        const tokens = await repo.tokensExpiring(m, now);
        return {
          failedOrParked: await repo.failedOrParked(m, now),
          guardRefusals: await repo.guardRefusals(m, now),
          failingAccounts: await repo.failingAccounts(m, now),
          tokensExpiring24h: tokens.within24h,
          tokensExpiring7d: tokens.within7d,
          capUsage: await repo.capUsage(m, now),
          aiWaiting: await repo.aiWaitingOnProvider(m),
        };
      }),
    ),
  ]);
  return {
    at: now,
    lanes,
    episodes,
    failedOrParked: workflowFailures && db ? [...workflowFailures, ...db.failedOrParked] : null,
    guardRefusals: db?.guardRefusals ?? null,
    failingAccounts: db?.failingAccounts ?? null,
    tokensExpiring24h: db?.tokensExpiring24h ?? null,
    tokensExpiring7d: db?.tokensExpiring7d ?? null,
    capUsage: db?.capUsage ?? null,
    aiWaiting: db?.aiWaiting ?? null,
  };
}

async function part<T>(name: string, fn: () => Promise<T>): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    logger.warn(
      { 'raize.operation': `metrics.read.${name}`, 'error.kind': (err as Error)?.name ?? 'Error' },
      'reading failed',
    );
    return null;
  }
}
