import type { Pool } from 'pg';
import type { NewInboundEvent } from '../../core/engagement/inbound-event.bounds';
import type { InboundEventsRepository } from '../../core/engagement/inbound-events.repository';
import { viaPg } from '../../core/engagement/inbound-events.repository';

interface Waiter {
  events: NewInboundEvent[];
  resolve: (stored: void) => void;
  reject: (err: Error) => void;
}

export interface GroupCommitOptions {
  pool: Pool;
  repository: InboundEventsRepository;
  /** a group is committed when it holds this many rows… */
  maxRows: number;
  /** …or when its first request has waited this long */
  maxWaitMs: number;
  /** commits at once; requests arriving meanwhile gather into the next, larger group */
  maxInFlight: number;
  /** after each commit (the drainer wakes up) */
  onCommitted?: (rows: number) => void;
}

/**
 * Durable before 2xx, and fast (C-34): the requests of a few milliseconds share one multi-row insert, committed
 * (synchronous_commit on) before any of them is answered. One fsync per group instead of per event is what lets a
 * small machine store thousands of events a second. While commits are in flight the next group keeps growing, so
 * under load the groups get larger rather than the queue longer.
 */
export class GroupCommitter {
  private pending: Waiter[] = [];
  private pendingRows = 0;
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private closed = false;
  /** commits made and rows offered, for the benchmark and the health answer */
  readonly stats = { commits: 0, rows: 0 };

  constructor(private readonly o: GroupCommitOptions) {}

  /** Resolves once the events are committed (duplicates included: they are already stored). */
  submit(events: NewInboundEvent[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the ingest is stopping'));
    if (!events.length) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ events, resolve, reject });
      this.pendingRows += events.length;
      this.schedule();
    });
  }

  /** Stops taking requests and waits for what was taken. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.pending.length || this.inFlight) {
      this.flush();
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  private schedule(): void {
    if (this.pendingRows >= this.o.maxRows) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.o.maxWaitMs);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.pending.length || this.inFlight >= this.o.maxInFlight) return;
    const group = this.pending.splice(0);
    this.pendingRows = 0;
    this.inFlight++;
    void this.commit(group).finally(() => {
      this.inFlight--;
      // What gathered during this commit has waited at least one commit already: it goes now.
      if (this.pending.length) this.flush();
    });
  }

  private async commit(group: Waiter[]): Promise<void> {
    const rows = group.flatMap((w) => w.events);
    try {
      await this.o.repository.store(viaPg(this.o.pool), rows);
      this.stats.commits++;
      this.stats.rows += rows.length;
      for (const w of group) w.resolve();
      this.o.onCommitted?.(rows.length);
    } catch (err) {
      // A row the database refuses (a constraint the bounds missed) must not sink its neighbours: each request of
      // the group is committed on its own, and only the offending one fails.
      if (group.length > 1 && isDataError(err)) {
        await Promise.all(group.map((w) => this.commit([w])));
        return;
      }
      for (const w of group) w.reject(err as Error);
    }
  }
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint): the data, not the database, is at fault. */
function isDataError(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23]/.test(code);
}
