import { TokenBucket } from './token-bucket';

export interface AddressBudgetOptions {
  /** failures an address may make at once */
  burst: number;
  /** failures it is allowed again per minute afterwards */
  perMinute: number;
  /** addresses remembered at most; the one that failed or was refused longest ago is forgotten first */
  maxAddresses: number;
}

/**
 * A small budget of failures per address (requests that failed verification), in a bounded table. Only addresses
 * that failed are tracked, so valid traffic costs no memory; a Map kept in least-recently-used order (delete and
 * set again on each touch, drop the first key when over the cap) makes every step O(1). An address that refills
 * to the brim is forgotten as soon as it is looked at.
 */
export class AddressBudget {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly o: AddressBudgetOptions) {}

  /** 0 if the address may be heard, else the milliseconds until it may. */
  blockedFor(key: string, nowMs: number): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    const wait = b.wait(nowMs);
    if (wait > 0) this.touch(key, b);
    else if (b.full(nowMs)) this.buckets.delete(key);
    return wait;
  }

  /** The address failed verification: it spends one from its budget (into a bounded debt if it was let in late). */
  failed(key: string, nowMs: number): void {
    const b = this.buckets.get(key) ?? new TokenBucket(this.o.perMinute / 60, this.o.burst, nowMs);
    b.charge(nowMs);
    this.touch(key, b);
    if (this.buckets.size > this.o.maxAddresses) this.buckets.delete(this.buckets.keys().next().value!);
  }

  get size(): number {
    return this.buckets.size;
  }

  private touch(key: string, b: TokenBucket): void {
    this.buckets.delete(key);
    this.buckets.set(key, b);
  }
}
