import { createHash } from 'node:crypto';
import type { Client, ScheduleSpec } from '@temporalio/client';
import { ScheduleAlreadyRunning } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { logger } from '../../services/core/telemetry/logger';
import { EMPTY_SCOPE, runInTenantScope } from '../../services/core/tenancy/tenant-scope';
import type { AnalyticsInput } from '../../workflows/contracts/analytics.contract';
import { ANALYTICS_WORKFLOW_TYPE, analyticsScheduleId } from '../../workflows/contracts/analytics.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../../workflows/contracts/search-attributes';

const DAY_SECONDS = 86_400;
/** Runs start between 22:00 and 24:00 UTC: late enough that the day's figures are nearly complete. */
const WINDOW_START_SECONDS = 22 * 3600;
const WINDOW_SECONDS = 2 * 3600;

/**
 * Once a day, at a minute of the evening window that depends on the account only, so a thousand accounts do not all
 * call their platforms (and spend the installation's shared quotas) in the same second.
 */
export function analyticsScheduleSpec(platformAccountId: string): ScheduleSpec {
  const spread = createHash('sha256').update(platformAccountId).digest().readUInt32BE(0) % WINDOW_SECONDS;
  return { intervals: [{ every: `${DAY_SECONDS} seconds`, offset: `${WINDOW_START_SECONDS + spread} seconds` }] };
}

/**
 * One account's analytics Schedule, created if absent (an existing one is left as it is: an operator may have paused
 * it). Overlap SKIP: a run slowed by rate limits is never doubled by the next tick.
 */
export async function ensureAnalyticsSchedule(
  temporal: Client,
  o: { taskQueue: string; account: Omit<AnalyticsInput, 'day'> },
): Promise<'created' | 'exists'> {
  const input: AnalyticsInput = {
    agencyId: o.account.agencyId,
    clientId: o.account.clientId,
    platformAccountId: o.account.platformAccountId,
  };
  try {
    await temporal.schedule.create({
      scheduleId: analyticsScheduleId(input.clientId, input.platformAccountId),
      spec: analyticsScheduleSpec(input.platformAccountId),
      action: {
        type: 'startWorkflow',
        workflowType: ANALYTICS_WORKFLOW_TYPE,
        taskQueue: o.taskQueue,
        args: [input],
        // Rate limits may hold a run for hours; the next day's run starts fresh either way.
        workflowExecutionTimeout: '12 hours',
        typedSearchAttributes: [
          { key: clientIdKey, value: input.clientId },
          { key: agencyIdKey, value: input.agencyId },
          { key: episodeKindKey, value: 'analytics' },
        ],
      },
      policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
    });
    return 'created';
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return 'exists';
    throw err;
  }
}

interface AccountRow {
  id: string;
  agency_id: string;
  client_id: string;
}

/**
 * Keeps an analytics Schedule for every account with a credential: a pass when the worker starts, then every few
 * minutes, so an account connected since gets its Schedule. The accounts of every tenant are listed through the
 * security-definer function the token bootstrap uses, which returns ids only. A Schedule of an account that is no
 * longer connected stays and finds nothing to do (the episode skips it).
 */
export class AnalyticsScheduleKeeper {
  private timer: NodeJS.Timeout | undefined;
  private readonly known = new Set<string>();
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly o: { ds: DataSource; temporal: Client; taskQueue: string; everyMs?: number; pageSize?: number },
  ) {}

  async pass(): Promise<number> {
    const pageSize = this.o.pageSize ?? 200;
    let after = '00000000-0000-0000-0000-000000000000';
    let created = 0;
    for (;;) {
      const rows: AccountRow[] = await runInTenantScope(this.o.ds, EMPTY_SCOPE, () =>
        this.o.ds.query('SELECT * FROM raize_token_workflow_accounts($1, $2)', [after, pageSize]),
      );
      for (const row of rows) {
        if (this.known.has(row.id)) continue;
        const r = await ensureAnalyticsSchedule(this.o.temporal, {
          taskQueue: this.o.taskQueue,
          account: { agencyId: row.agency_id, clientId: row.client_id, platformAccountId: row.id },
        });
        this.known.add(row.id);
        if (r === 'created') created++;
      }
      if (rows.length < pageSize) return created;
      after = rows[rows.length - 1]!.id;
    }
  }

  start(): void {
    const run = () => {
      this.running = this.pass().catch((err: Error) =>
        logger.warn(
          { 'error.kind': err.name, 'raize.operation': 'analytics.schedules' },
          'analytics schedules not ensured',
        ),
      );
    };
    run();
    this.timer = setInterval(run, this.o.everyMs ?? 10 * 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }
}
