/** The breaker's settings: how many failures in a row open it, and how long it stays open before one trial. */
export interface BreakerOptions {
  failureThreshold: number;
  cooldownMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half_open';

interface Entry {
  state: BreakerState;
  failures: number;
  openedAt: number;
  trialInFlight: boolean;
}

export type Admission = { admitted: true } | { admitted: false; retryAt: number };

/**
 * One circuit breaker per (provider, credential ref) (C-51): closed → open after N consecutive outages (5xx,
 * timeouts, connection errors) → half-open after the cooldown, admitting one trial call → closed when it succeeds,
 * open again when it fails. A key that answers at all (even with a refusal or a 400) is available.
 *
 * State lives in this process (one worker process): each worker learns of an outage on its own, within N calls.
 * That is enough to stop hammering a vendor that is down, and needs no shared store that could itself fail.
 */
export class CircuitBreakers {
  private readonly entries = new Map<string, Entry>();
  constructor(private readonly opts: BreakerOptions) {}

  static key(provider: string, credentialRefId: string): string {
    return `${provider}:${credentialRefId}`;
  }

  state(key: string): BreakerState {
    return this.entries.get(key)?.state ?? 'closed';
  }

  admit(key: string, now: number): Admission {
    const e = this.entries.get(key);
    if (!e || e.state === 'closed') return { admitted: true };
    const reopensAt = e.openedAt + this.opts.cooldownMs;
    if (e.state === 'open') {
      if (now < reopensAt) return { admitted: false, retryAt: reopensAt };
      e.state = 'half_open';
      e.trialInFlight = true;
      return { admitted: true };
    }
    // Half-open: the one trial is out; everyone else waits for its answer.
    if (e.trialInFlight) return { admitted: false, retryAt: now + Math.min(this.opts.cooldownMs, 5_000) };
    e.trialInFlight = true;
    return { admitted: true };
  }

  success(key: string): void {
    this.entries.delete(key);
  }

  /** An outage-class failure; returns the state after it. */
  failure(key: string, now: number): BreakerState {
    const e = this.entries.get(key) ?? { state: 'closed', failures: 0, openedAt: 0, trialInFlight: false };
    this.entries.set(key, e);
    e.trialInFlight = false;
    e.failures++;
    if (e.state === 'half_open' || e.failures >= this.opts.failureThreshold) {
      e.state = 'open';
      e.openedAt = now;
    }
    return e.state;
  }

  /** When an open breaker admits its trial (ms epoch), or undefined when it is not open. */
  reopensAt(key: string): number | undefined {
    const e = this.entries.get(key);
    return e && e.state !== 'closed' ? e.openedAt + this.opts.cooldownMs : undefined;
  }
}
