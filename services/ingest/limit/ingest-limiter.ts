import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { IngestLimits, IngestSource } from '../ingest-config';
import { INGEST_SOURCES } from '../ingest-config';
import type { IngestLog } from '../ingest.server';
import { AddressBudget } from './address-budget';
import { addressKey, canonicalAddress, clientAddress } from './client-address';
import { retryAfterSeconds, TokenBucket } from './token-bucket';

/** Why a request was refused unheard: its source's bucket was empty, or its address failed verification too often. */
export type LimitReason = 'source_rate_limited' | 'address_rate_limited';

export type Admission = { ok: true } | { ok: false; reason: LimitReason; retryAfterSeconds: number };

const ADMITTED: Admission = { ok: true };

export interface IngestLimiterOptions {
  limits: IngestLimits;
  log: IngestLog;
  /** milliseconds, monotonic (a wall clock stepping back would refill or drain the buckets) */
  clock?: () => number;
  /** at most one log line per source and reason in this long, carrying the count since the last one */
  reportEveryMs?: number;
}

const perSource = (): Record<IngestSource, number> =>
  Object.fromEntries(INGEST_SOURCES.map((s) => [s, 0])) as Record<IngestSource, number>;

/**
 * The ingest's budgets (C-33), checked before a byte of the body is read: a token bucket per source endpoint, so a
 * flood through one endpoint cannot take the others' capacity, and a small budget of failed verifications per remote
 * address, so an unauthenticated flood is refused without HMAC or body work once it has shown what it is. The address
 * check comes first: a refused address spends none of its source's tokens, so valid senders of that source keep
 * them. In process and per replica (each one limits on its own); O(1) per request, memory bounded by the address cap.
 */
export class IngestLimiter {
  private readonly clock: () => number;
  private readonly sources: Partial<Record<IngestSource, TokenBucket>> = {};
  private readonly addresses: AddressBudget | null;
  private readonly trusted: ReadonlySet<string>;
  private readonly reportEveryMs: number;
  private readonly lastReport = new Map<string, { at: number; count: number }>();
  /** requests refused by a limit, per source endpoint and reason, since the process started */
  readonly stats: Record<LimitReason, Record<IngestSource, number>> = {
    source_rate_limited: perSource(),
    address_rate_limited: perSource(),
  };

  constructor(private readonly o: IngestLimiterOptions) {
    this.clock = o.clock ?? (() => performance.now());
    this.reportEveryMs = o.reportEveryMs ?? 10_000;
    const now = this.clock();
    for (const s of INGEST_SOURCES) {
      const l = o.limits.sources[s];
      if (l) this.sources[s] = new TokenBucket(l.ratePerSecond, l.burst, now);
    }
    const u = o.limits.unverified;
    this.addresses = u ? new AddressBudget({ ...u, maxAddresses: o.limits.maxAddresses }) : null;
    this.trusted = new Set(o.limits.trustedProxies.map(canonicalAddress));
  }

  /** The key the request's sender is budgeted under (its address, or its /64 for IPv6). */
  senderOf(req: IncomingMessage): string {
    return addressKey(clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], this.trusted));
  }

  /** Before the body: may this sender be heard on this source's endpoint now? */
  admit(source: IngestSource, sender: string): Admission {
    const now = this.clock();
    const blocked = this.addresses?.blockedFor(sender, now) ?? 0;
    if (blocked) return this.refuse(source, 'address_rate_limited', blocked, now);
    const wait = this.sources[source]?.take(now) ?? 0;
    if (wait) return this.refuse(source, 'source_rate_limited', wait, now);
    return ADMITTED;
  }

  /** The sender's request failed verification (401): it spends from its address's small budget. */
  failedVerification(sender: string): void {
    this.addresses?.failed(sender, this.clock());
  }

  /** Addresses tracked now (bounded by `limits.maxAddresses`). */
  get trackedAddresses(): number {
    return this.addresses?.size ?? 0;
  }

  private refuse(source: IngestSource, reason: LimitReason, waitMs: number, now: number): Admission {
    this.stats[reason][source]++;
    this.report(source, reason, now);
    return { ok: false, reason, retryAfterSeconds: retryAfterSeconds(waitMs) };
  }

  /**
   * A line on the first refusal, then at most one per interval with the count since the previous line: an operator
   * sees a flood start and how big it is, and the flood cannot flood the log. Source and reason only: never the
   * address (not an allowlisted attribute) or anything of the request.
   */
  private report(source: IngestSource, reason: LimitReason, now: number): void {
    const key = `${source}:${reason}`;
    const r = this.lastReport.get(key);
    if (r && now - r.at < this.reportEveryMs) {
      r.count++;
      return;
    }
    const count = (r?.count ?? 0) + 1;
    this.lastReport.set(key, { at: now, count: 0 });
    this.o.log.warn(
      { 'raize.platform': source, 'raize.outcome': reason, 'http.status_code': 429 },
      `ingest requests refused by a rate limit: ${count} since the last report, ${this.stats[reason][source]} in all`,
    );
  }
}
