import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { ClaimedInbound, InboundEventsRepository } from '../../core/engagement/inbound-events.repository';
import { viaPg } from '../../core/engagement/inbound-events.repository';
import type { EngagementInput } from '../../../workflows/contracts/engagement.contract';
import {
  ENGAGEMENT_WORKFLOW_TYPE,
  engagementWorkflowId,
  inboundBatchSignal,
} from '../../../workflows/contracts/engagement.contract';
import { agencyIdKey, clientIdKey, episodeKindKey } from '../../../workflows/contracts/search-attributes';
import type { IngestLog } from '../ingest.server';

export interface DrainerOptions {
  pool: Pool;
  temporal: Client;
  repository: InboundEventsRepository;
  /** the engagement lane's task queue */
  taskQueue: string;
  /** rows claimed per transaction */
  batchSize: number;
  /** how long to sleep when the queue is empty (a commit in this process wakes it sooner) */
  idleMs: number;
  /** ids per signal: a batch stays a small payload in the episode's history */
  idsPerSignal?: number;
  log: IngestLog;
}

// The listener goes when the timer fires too: the same signal serves every idle sleep until a commit aborts it, and
// a quiet ingest would otherwise gather one listener per sleep (four a second) for as long as it stays quiet.
const sleep = (ms: number, wake: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (wake.aborted) return resolve();
    const done = () => {
      clearTimeout(t);
      wake.removeEventListener('abort', done);
      resolve();
    };
    const t = setTimeout(done, ms);
    wake.addEventListener('abort', done, { once: true });
  });

/**
 * Drains stored inbound events into the engagement episodes: claim (SKIP LOCKED, oldest first) and route in one
 * transaction, signal-with-start each account's episode with its ids, mark what was signalled drained, commit.
 *
 * It runs in the ingest process rather than as a worker activity on a Schedule: a Schedule fires at best every few
 * seconds, while the drainer here is woken by the very commit that stored the event, so an inbound comment reaches
 * its episode in milliseconds; replicas of the ingest share the queue through SKIP LOCKED; and the worker keeps its
 * engagement slots for the episodes themselves. A crash between the signal and the commit rolls the claim back and
 * the batch is sent again: the episode handles an id once (the `seen` list of EngagementInput).
 */
export class Drainer {
  private stopped = false;
  private wake = new AbortController();
  private loop: Promise<void> | undefined;
  readonly stats = { drained: 0, signals: 0, failures: 0 };

  constructor(private readonly o: DrainerOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Something was stored: look now rather than after the idle sleep. */
  poke(): void {
    this.wake.abort();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.poke();
    await this.loop;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let claimed = 0;
      try {
        claimed = await this.drainOnce();
      } catch (err) {
        this.stats.failures++;
        this.o.log.warn({ 'error.kind': (err as Error).name }, 'drain pass failed; retrying');
      }
      if (claimed < this.o.batchSize && !this.stopped) {
        const wake = this.wake;
        await sleep(claimed ? 0 : this.o.idleMs, wake.signal);
        if (wake.signal.aborted) this.wake = new AbortController();
      }
    }
  }

  /** One transaction: claim, signal per account, mark drained. Returns how many rows were routed. */
  async drainOnce(): Promise<number> {
    const client = await this.o.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const q = viaPg(client);
      const rows = await this.o.repository.claimForDrain(q, this.o.batchSize);
      const done = await this.signalAll(rows);
      await this.o.repository.markDrained(q, done);
      await client.query('COMMIT');
      this.stats.drained += done.length;
      return rows.length;
    } catch (err) {
      broken = err as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release(broken);
    }
  }

  /** Signals every account's episode; the ids of the accounts whose signals all went through. */
  private async signalAll(rows: ClaimedInbound[]): Promise<string[]> {
    const byAccount = new Map<string, ClaimedInbound[]>();
    for (const r of rows) {
      const list = byAccount.get(r.platformAccountId) ?? [];
      list.push(r);
      byAccount.set(r.platformAccountId, list);
    }
    const per = this.o.idsPerSignal ?? 100;
    const results = await Promise.allSettled(
      [...byAccount.values()].map(async (list) => {
        const first = list[0]!;
        const input: EngagementInput = {
          agencyId: first.agencyId,
          clientId: first.clientId,
          platformAccountId: first.platformAccountId,
        };
        for (let i = 0; i < list.length; i += per) {
          await this.o.temporal.workflow.signalWithStart(ENGAGEMENT_WORKFLOW_TYPE, {
            workflowId: engagementWorkflowId(input.clientId, input.platformAccountId),
            taskQueue: this.o.taskQueue,
            args: [input],
            signal: inboundBatchSignal,
            signalArgs: [{ inboundEventIds: list.slice(i, i + per).map((r) => r.id) }],
            typedSearchAttributes: [
              { key: clientIdKey, value: input.clientId },
              { key: agencyIdKey, value: input.agencyId },
              { key: episodeKindKey, value: 'engagement' },
            ],
          });
          this.stats.signals++;
        }
        return list.map((r) => r.id);
      }),
    );
    const done: string[] = [];
    for (const r of results) {
      if (r.status === 'fulfilled') done.push(...r.value);
      else {
        this.stats.failures++;
        this.o.log.warn({ 'error.kind': (r.reason as Error).name }, 'signal-with-start failed; the batch stays stored');
      }
    }
    return done;
  }
}
