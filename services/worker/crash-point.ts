import { appendFileSync } from 'node:fs';
import type { Context } from '@temporalio/activity';
import type { ActivityExecuteInput, ActivityInterceptorsFactory, Next } from '@temporalio/worker';
import type { ActivityInboundCallsInterceptor } from '@temporalio/worker';
import { z } from 'zod';
import { raizeEnv } from '../core/config/app-config';
import { logger } from '../core/telemetry/logger';

/** Where an activity boundary is: before it runs, or after it ran but before Temporal hears its result. */
export const CRASH_PHASES = ['before', 'after'] as const;
export type CrashPhase = (typeof CRASH_PHASES)[number];

/** The only environments a worker accepts crash points in: a test tool must never kill a production worker. */
export const CRASH_ENVS = ['test', 'development'] as const;

const pointSchema = z.strictObject({
  activity: z.string().min(1),
  phase: z.enum(CRASH_PHASES),
  /** the nth distinct activity of this type (of `workflowId`'s, when given) this worker life starts; default 1 */
  nth: z.number().int().positive().default(1),
  /** only on this attempt of it */
  attempt: z.number().int().positive().optional(),
  workflowId: z.string().min(1).optional(),
});
export type CrashPoint = z.infer<typeof pointSchema>;

/** What a parked activity reports, one JSON line each, before the process dies. */
export interface ParkedActivity {
  activity: string;
  phase: CrashPhase;
  nth: number;
  workflowId: string;
  activityId: string;
  attempt: number;
}

/**
 * RAIZE_CRASH_AT: a JSON array of points, or a short list `activity:phase[:nth]` separated by commas
 * (`guardedPublish:after,recordInbound:before:2`). A bad value is refused whole with the reason, never half-applied.
 */
export function parseCrashPoints(text: string): CrashPoint[] {
  const raw = text.trim().startsWith('[') ? parseJson(text) : text.split(',').filter(Boolean).map(shortPoint);
  const parsed = z.array(pointSchema).min(1).safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `RAIZE_CRASH_AT: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error('RAIZE_CRASH_AT: not valid JSON');
  }
}

function shortPoint(s: string): unknown {
  const [activity, phase, nth] = s.trim().split(':');
  return { activity, phase, ...(nth !== undefined ? { nth: Number(nth) } : {}) };
}

export interface CrashHooks {
  /** default: SIGKILL to this process, so nothing (no shutdown, no activity result) leaves it */
  kill?: () => void;
  /** default: appends to RAIZE_CRASH_LOG when set */
  report?: (p: ParkedActivity) => void;
}

/**
 * A test-only activity interceptor that kills the worker at chosen activity boundaries (issue #18's crash matrix,
 * C-53). Each matching activity parks at its boundary (it never runs, or never reports its result); when every point
 * has parked, or RAIZE_CRASH_WAIT_MS after the latest one did with no other since, the process is SIGKILLed, so several episodes die at
 * their own boundary in one kill. None without RAIZE_CRASH_AT; refused outside RAIZE_ENV=test/development.
 */
export function crashPointInterceptors(
  env: NodeJS.ProcessEnv = process.env,
  hooks: CrashHooks = {},
): ActivityInterceptorsFactory[] {
  const spec = env.RAIZE_CRASH_AT;
  if (!spec) return [];
  const where = raizeEnv(env);
  if (!(CRASH_ENVS as readonly string[]).includes(where))
    throw new Error(`RAIZE_CRASH_AT: crash points are a test tool, refused when RAIZE_ENV is ${where}`);
  const waitMs = env.RAIZE_CRASH_WAIT_MS ? Number(env.RAIZE_CRASH_WAIT_MS) : undefined;
  if (waitMs !== undefined && !(Number.isFinite(waitMs) && waitMs >= 0))
    throw new Error('RAIZE_CRASH_WAIT_MS: must be a number of milliseconds');
  const log = env.RAIZE_CRASH_LOG;
  const board = new CrashBoard(parseCrashPoints(spec), {
    kill: hooks.kill ?? (() => process.kill(process.pid, 'SIGKILL')),
    report: hooks.report ?? (log ? (p) => appendFileSync(log, `${JSON.stringify(p)}\n`) : () => undefined),
    waitMs,
  });
  return [(ctx) => ({ inbound: new CrashPointInbound(ctx, board) })];
}

/** The episode an activity belongs to (an activity started outside a workflow has none). */
const workflowOf = (info: Context['info']): string => info.workflowExecution?.workflowId ?? '';

/** The points of one worker life: which activity reaches which, and when to kill. */
class CrashBoard {
  /** per activity type (and per workflow): the activity ids seen, in the order they started */
  private readonly seen = new Map<string, string[]>();
  private readonly parked = new Set<CrashPoint>();
  private deadline: NodeJS.Timeout | undefined;

  constructor(
    private readonly points: CrashPoint[],
    private readonly o: { kill: () => void; report: (p: ParkedActivity) => void; waitMs?: number },
  ) {}

  /** Counts the activity once (a retry in this life is the same activity) and answers its ordinals. */
  enter(info: Context['info']): { any: number; own: number } {
    const wf = workflowOf(info);
    const ordinal = (key: string) => {
      const ids = this.seen.get(key) ?? [];
      if (!ids.includes(`${wf}/${info.activityId}`)) ids.push(`${wf}/${info.activityId}`);
      this.seen.set(key, ids);
      return ids.indexOf(`${wf}/${info.activityId}`) + 1;
    };
    return { any: ordinal(info.activityType), own: ordinal(`${wf}\u0000${info.activityType}`) };
  }

  match(info: Context['info'], phase: CrashPhase, n: { any: number; own: number }): CrashPoint | undefined {
    return this.points.find(
      (p) =>
        !this.parked.has(p) &&
        p.activity === info.activityType &&
        p.phase === phase &&
        (p.attempt === undefined || p.attempt === info.attempt) &&
        (p.workflowId === undefined ? p.nth === n.any : p.workflowId === workflowOf(info) && p.nth === n.own),
    );
  }

  /** Never settles: the activity holds its boundary until the process dies. */
  park(p: CrashPoint, info: Context['info']): Promise<never> {
    this.parked.add(p);
    const at: ParkedActivity = {
      activity: p.activity,
      phase: p.phase,
      nth: p.nth,
      workflowId: workflowOf(info),
      activityId: info.activityId,
      attempt: info.attempt,
    };
    // Written synchronously: a SIGKILL right after must not lose which boundary this life died at.
    this.o.report(at);
    logger.warn(
      {
        'raize.workflow_id': at.workflowId,
        'raize.operation': `crash_point.${p.activity}.${p.phase}`,
        'raize.attempt': at.attempt,
        'raize.outcome': `${this.parked.size}/${this.points.length} parked`,
      },
      'crash point reached',
    );
    // Each park restarts the wait: the others may still be on their way, slower under load.
    clearTimeout(this.deadline);
    if (this.parked.size === this.points.length) this.o.kill();
    else if (this.o.waitMs !== undefined) this.deadline = setTimeout(() => this.o.kill(), this.o.waitMs);
    return new Promise<never>(() => undefined);
  }
}

class CrashPointInbound implements ActivityInboundCallsInterceptor {
  constructor(
    private readonly ctx: Context,
    private readonly board: CrashBoard,
  ) {}

  async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    const info = this.ctx.info;
    const n = this.board.enter(info);
    const before = this.board.match(info, 'before', n);
    if (before) return this.board.park(before, info);
    // Success or failure alike: either way the side effect may have happened and the history does not know it.
    const settled = await next(input).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const after = this.board.match(info, 'after', n);
    if (after) return this.board.park(after, info);
    if (settled.ok) return settled.value;
    throw settled.error;
  }
}
