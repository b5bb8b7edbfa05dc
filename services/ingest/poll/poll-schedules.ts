import type { Client } from '@temporalio/client';
import { ScheduleAlreadyRunning } from '@temporalio/client';
import type { Pool } from 'pg';
import type { InboundEventsRepository } from '../../core/engagement/inbound-events.repository';
import { viaPg } from '../../core/engagement/inbound-events.repository';
import type { IngestPollInput } from '../../../workflows/contracts/ingest-poll.contract';
import { INGEST_POLL_WORKFLOW_TYPE, ingestPollScheduleId } from '../../../workflows/contracts/ingest-poll.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../../../workflows/contracts/search-attributes';
import type { IngestLog } from '../ingest.server';

/**
 * One account's poll Schedule, created if absent (an existing one is left as it is: an operator may have paused it).
 * Overlap SKIP: a slow poll is never doubled by the next tick.
 */
export async function ensurePollSchedule(
  temporal: Client,
  o: { taskQueue: string; intervalSeconds: number; account: IngestPollInput },
): Promise<'created' | 'exists'> {
  const input = o.account;
  try {
    await temporal.schedule.create({
      scheduleId: ingestPollScheduleId(input.platformAccountId),
      spec: { intervals: [{ every: `${o.intervalSeconds} seconds` }] },
      action: {
        type: 'startWorkflow',
        workflowType: INGEST_POLL_WORKFLOW_TYPE,
        taskQueue: o.taskQueue,
        args: [input],
        workflowExecutionTimeout: '10 minutes',
        typedSearchAttributes: [
          { key: clientIdKey, value: input.clientId },
          { key: agencyIdKey, value: input.agencyId },
          { key: episodeKindKey, value: 'ingest_poll' },
        ],
      },
      policies: { overlap: 'SKIP', catchupWindow: '1 minute' },
    });
    return 'created';
  } catch (err) {
    if (err instanceof ScheduleAlreadyRunning) return 'exists';
    throw err;
  }
}

/**
 * Keeps a poll Schedule for every connected account of the polled platforms (RAIZE_INGEST_POLL_PLATFORMS): a pass at
 * start-up and then every few minutes, so an account connected since gets its Schedule. A Schedule of an account that
 * is no longer connected stays and finds nothing to do (the activity skips it).
 */
export class PollScheduleKeeper {
  private timer: NodeJS.Timeout | undefined;
  private readonly known = new Set<string>();

  constructor(
    private readonly o: {
      pool: Pool;
      temporal: Client;
      repository: InboundEventsRepository;
      platforms: string[];
      taskQueue: string;
      intervalSeconds: number;
      everyMs?: number;
      log: IngestLog;
    },
  ) {}

  async pass(): Promise<number> {
    if (!this.o.platforms.length) return 0;
    const accounts = await this.o.repository.pollAccounts(viaPg(this.o.pool), this.o.platforms);
    let created = 0;
    for (const a of accounts) {
      if (this.known.has(a.id)) continue;
      const r = await ensurePollSchedule(this.o.temporal, {
        taskQueue: this.o.taskQueue,
        intervalSeconds: this.o.intervalSeconds,
        account: { agencyId: a.agencyId, clientId: a.clientId, platformAccountId: a.id },
      });
      this.known.add(a.id);
      if (r === 'created') created++;
    }
    return created;
  }

  start(): void {
    if (!this.o.platforms.length) return;
    const run = () =>
      this.pass().catch((err: Error) => this.o.log.warn({ 'error.kind': err.name }, 'poll schedules not ensured'));
    void run();
    this.timer = setInterval(() => void run(), this.o.everyMs ?? 5 * 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
