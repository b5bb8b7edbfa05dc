/**
 * The fault knobs every emulator shares (the platform and the AI vendor emulators alike): which requests draw which
 * fault, for how many requests or how long, and with what probability. Test and demo infrastructure only.
 */

/**
 * What a request that draws a fault gets. The server acts on `status`, `hang`, `drop`, `garbage` and `slow`;
 * `refuse`, `job_fail` and `custom` reach the vendor's route as `req.fault`, which answers in the vendor's shape.
 */
export type EmulatorFault =
  /**
   * answer this status with the vendor's documented error body (or `body`), plus `headers` (e.g. Retry-After).
   * `afterApply`: the route runs first (the write is applied) and this answer replaces its reply, as a gateway in
   * front of the platform answers 502 after the origin did the work.
   */
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown; afterApply?: boolean }
  /** never answer (until the emulator closes): the client's deadline must fire */
  | { kind: 'hang' }
  /** destroy the socket without an answer: a connection error */
  | { kind: 'drop' }
  /** 200 with a body that is not JSON (a proxy's HTML page) */
  | { kind: 'garbage' }
  /**
   * a slow platform: the request is applied `applyAfterMs` after it arrived and answered `answerAfterMs` after that,
   * whether or not the client still waits (the write lands after the client gave up)
   */
  | { kind: 'slow'; applyAfterMs?: number; answerAfterMs?: number }
  /** the vendor's content filter or safety refusal */
  | { kind: 'refuse' }
  /** an async job that ends failed */
  | { kind: 'job_fail'; reason?: string }
  /** anything else a vendor file defines */
  | { kind: 'custom'; name: string };

/** Which requests a fault applies to; absent fields match everything. `path` ending in `*` is a prefix. */
export interface FaultMatch {
  method?: string;
  path?: string;
}

export interface FaultRuleInput {
  fault: EmulatorFault;
  match?: FaultMatch;
  /** the next N matching requests that draw it; absent: no count limit */
  times?: number;
  /** a storm: the rule ends this long after it was set; absent: no time limit */
  forMs?: number;
  /** the share of matching requests that draw it, in (0, 1]; default 1 */
  rate?: number;
}

/** A rule as it stands now (what the admin route lists). */
export interface ActiveFaultRule {
  id: number;
  fault: EmulatorFault;
  match?: FaultMatch;
  remaining?: number;
  /** ms epoch when a storm ends */
  endsAt?: number;
  rate: number;
  /** how many requests drew it so far */
  drawn: number;
}

export function faultMatches(match: FaultMatch | undefined, method: string, path: string): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== method.toUpperCase()) return false;
  if (match.path === undefined) return true;
  return match.path.endsWith('*') ? path.startsWith(match.path.slice(0, -1)) : path === match.path;
}

/**
 * The rules in the order they were added; a request draws the first live rule that matches (and whose rate draw
 * says yes). Spent and expired rules are dropped as they are met.
 */
export class FaultRules {
  private rules: ActiveFaultRule[] = [];
  private nextId = 1;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {}

  add(input: FaultRuleInput): ActiveFaultRule {
    const rule: ActiveFaultRule = {
      id: this.nextId++,
      fault: input.fault,
      match: input.match,
      remaining: input.times,
      endsAt: input.forMs !== undefined ? this.now() + input.forMs : undefined,
      rate: input.rate ?? 1,
      drawn: 0,
    };
    this.rules.push(rule);
    return { ...rule };
  }

  /** Replaces the whole set. */
  set(inputs: FaultRuleInput[]): ActiveFaultRule[] {
    this.rules = [];
    for (const input of inputs) this.add(input);
    return this.list();
  }

  clear(): void {
    this.rules = [];
  }

  list(): ActiveFaultRule[] {
    this.dropExpired();
    return this.rules.map((r) => ({ ...r }));
  }

  draw(method: string, path: string): EmulatorFault | undefined {
    this.dropExpired();
    for (const rule of this.rules) {
      if (!faultMatches(rule.match, method, path)) continue;
      if (rule.rate < 1 && this.random() >= rule.rate) continue;
      rule.drawn++;
      if (rule.remaining !== undefined) {
        rule.remaining -= 1;
        if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
      }
      return rule.fault;
    }
    return undefined;
  }

  private dropExpired(): void {
    const now = this.now();
    this.rules = this.rules.filter((r) => r.endsAt === undefined || r.endsAt > now);
  }
}
