/** A FIFO counting semaphore: at most `limit` holders; the rest wait in order instead of being refused. */
export class Semaphore {
  private active = 0;
  private readonly waiters: { grant: () => void; refuse: (err: Error) => void }[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`a concurrency cap must be a positive integer`);
  }

  get running(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiters.length;
  }

  async acquire(): Promise<() => void> {
    if (this.active < this.limit) {
      this.active++;
    } else {
      await new Promise<void>((grant, refuse) => this.waiters.push({ grant, refuse }));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // the slot passes straight to the next waiter, so `active` stays at the cap
      if (next) next.grant();
      else this.active--;
    };
  }

  /** Refuses everyone still waiting (shutdown); holders keep their slot until they release it. */
  refuseWaiting(err: Error): void {
    for (const waiter of this.waiters.splice(0)) waiter.refuse(err);
  }
}
