import { z } from 'zod';
import { PLAN_FORMATS } from '../../../workflows/contracts/vocabulary/plan-status';
import { isValidTimeZone } from '../util/local-time';

/**
 * What a plan is asked for, checked at every trust boundary it crosses (the API's input, a saved recurring template,
 * the event data read back for a rebuild): goals, a local date range in the client's timezone, target accounts with
 * cadence, content pillars with weights, formats allowed per platform, and whether a human approves the plan.
 */

const LOCAL_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const LOCAL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The default posting time of a target that names none (the client's local time). */
export const DEFAULT_POSTING_TIME = '09:30';
/** The longest range one plan covers: a quarter. Longer plans are recurring plans. */
export const MAX_PLAN_DAYS = 92;
/** A plan's item ceiling: each item is a child workflow and a row; a bigger plan is split. */
export const MAX_PLAN_ITEMS = 500;

export const localDateSchema = z
  .string()
  .regex(LOCAL_DATE, 'a local date YYYY-MM-DD')
  .refine(
    (d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    'a real calendar date',
  );

export const postingTimeSchema = z.string().regex(LOCAL_TIME, 'a local time HH:MM (24h)');

/** How a target's items get their times: the plan's own posting times, or the account's free queue slots. */
export const PLAN_TIMINGS = ['posting_times', 'queue'] as const;
export type PlanTiming = (typeof PLAN_TIMINGS)[number];

/** The most accounts one item goes out on (its target and the accounts it is cross-posted to). */
export const MAX_ITEM_ACCOUNTS = 6;
/** The most free queue slots one target carries into a request (a quarter of 6 slots a day is 552). */
export const MAX_QUEUE_SLOTS = 600;

/** An account, with its platform read from its row (never from the caller). */
export const plannedAccountSchema = z.object({
  platformAccountId: z.uuid(),
  platform: z.string().min(1).max(40),
});
export type PlannedAccount = z.infer<typeof plannedAccountSchema>;

export const planTargetSchema = z.object({
  platformAccountId: z.uuid(),
  /** the account's platform, from its row (never from the caller) */
  platform: z.string().min(1).max(40),
  postsPerWeek: z.number().int().min(1).max(28),
  postingTimes: z.array(postingTimeSchema).min(1).max(6).default([DEFAULT_POSTING_TIME]),
  timing: z.enum(PLAN_TIMINGS).default('posting_times'),
  /**
   * The account's queue slots still free in the plan's range when the request was made (ISO instants, sorted):
   * resolved where the request is built, so slot generation stays a pure function of the request and a rebuild
   * from the events gives the same plan. Only for `queue` timing; a template leaves it empty.
   */
  queueSlotsAt: z.array(z.iso.datetime()).max(MAX_QUEUE_SLOTS).default([]),
  /** other accounts each of this target's items also goes out on, at the same time (one publish per account) */
  crossPosts: z
    .array(plannedAccountSchema)
    .max(MAX_ITEM_ACCOUNTS - 1)
    .default([]),
});
export type PlanTarget = z.infer<typeof planTargetSchema>;

export const planPillarSchema = z.object({
  name: z.string().trim().min(1).max(60),
  weight: z.number().int().min(1).max(100),
});

export const platformFormatsSchema = z.object({
  platform: z.string().min(1).max(40),
  formats: z.array(z.enum(PLAN_FORMATS)).min(1).max(PLAN_FORMATS.length),
});

const templateShape = {
  goals: z.string().trim().min(1).max(2000),
  targets: z.array(planTargetSchema).min(1).max(20),
  pillars: z.array(planPillarSchema).min(1).max(12),
  formats: z.array(platformFormatsSchema).max(20).default([]),
  requiresApproval: z.boolean(),
};

/** Every account appears once in a plan: as a target or as one target's cross-post, never both or twice. */
function uniqueTargets(t: { targets: { platformAccountId: string; crossPosts?: PlannedAccount[] }[] }): boolean {
  const ids = t.targets.flatMap((x) => [x.platformAccountId, ...(x.crossPosts ?? []).map((c) => c.platformAccountId)]);
  return new Set(ids).size === ids.length;
}

const UNIQUE_TARGETS = {
  message: 'each account appears once: as a target or as the cross-post of one target',
  path: ['targets'],
};

/** A recurring template: a request without its dates and timezone (each run plans the next period). */
export const planTemplateSchema = z.object(templateShape).refine(uniqueTargets, UNIQUE_TARGETS);
export type PlanTemplate = z.infer<typeof planTemplateSchema>;

export const planRequestSchema = z
  .object({
    ...templateShape,
    startDate: localDateSchema,
    endDate: localDateSchema,
    timezone: z.string().refine(isValidTimeZone, 'an IANA timezone'),
  })
  .refine(uniqueTargets, UNIQUE_TARGETS)
  .refine((r) => r.endDate >= r.startDate, { message: 'the range ends before it starts', path: ['endDate'] })
  .refine((r) => daysBetween(r.startDate, r.endDate) < MAX_PLAN_DAYS, {
    message: `a plan covers at most ${MAX_PLAN_DAYS} days`,
    path: ['endDate'],
  });
export type PlanRequestSpec = z.infer<typeof planRequestSchema>;
/** A request as a caller writes it (defaults may be left out). */
export type PlanRequestInput = z.input<typeof planRequestSchema>;

/** Why a plan or an item stands where it does; short text only. */
export interface PlanReason {
  code: string;
  message: string;
  retryAt?: string;
}

/** Whole calendar days from `a` to `b` (local dates, no timezone involved). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The local date `n` calendar days after `d`. */
export function addDays(d: string, n: number): string {
  return new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The zod issues as one line an operator can act on (never a stack, never the input echoed whole). */
export function describeIssues(err: z.ZodError): string {
  return err.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'input'}: ${i.message}`)
    .join('; ');
}
