import { z } from 'zod';
import { ARTIFACT_KINDS } from '../artifacts/artifact-store.port';
import type { PlanEventType } from '../../../workflows/contracts/vocabulary/plan-status';
import {
  ITEM_REVIEW_OUTCOMES,
  PLAN_DECISION_KINDS,
  PLAN_FORMATS,
  PLAN_ITEM_STATUSES,
} from '../../../workflows/contracts/vocabulary/plan-status';
import {
  localDateSchema,
  PLAN_TIMINGS,
  plannedAccountSchema,
  planRequestSchema,
  postingTimeSchema,
} from './plan-request';
import { MAX_ITEM_ACCOUNTS } from './plan-request';

/**
 * The data of each plan event type, checked on every append (the creation episode appends item.* events too) and on
 * every rebuild: ids, slots, short text and artifact references only — the schemas refuse anything else (no
 * secrets, no large outputs in the external memory).
 */

const shortText = (max: number) => z.string().max(max);
const reason = z.object({
  code: z.string().min(1).max(60),
  message: shortText(500),
  retryAt: z.iso.datetime().optional(),
});
const artifactRef = z.object({
  key: z.string().min(1).max(400),
  agencyId: z.uuid(),
  clientId: z.uuid(),
  kind: z.enum(ARTIFACT_KINDS),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
  contentType: z.string().min(1).max(100),
});
const itemId = z.uuid();

export const PLAN_EVENT_DATA = {
  'plan.requested': z.object({
    request: planRequestSchema,
    source: z.enum(['operator', 'schedule']),
    createdBy: z.uuid().nullable(),
    workflowId: z.string().max(300).nullable(),
  }),
  'plan.waiting': reason,
  'plan.parked': reason,
  'plan.resumed': z.object({}),
  'item.planned': z.object({
    itemId,
    position: z.number().int().nonnegative(),
    platformAccountId: z.uuid(),
    platform: z.string().min(1).max(40),
    crossPosts: z
      .array(plannedAccountSchema)
      .max(MAX_ITEM_ACCOUNTS - 1)
      .default([]),
    timing: z.enum(PLAN_TIMINGS).default('posting_times'),
    format: z.enum(PLAN_FORMATS),
    pillar: z.string().min(1).max(60),
    slotAt: z.iso.datetime(),
    localDate: localDateSchema,
    localTime: postingTimeSchema,
    timezone: z.string().min(1).max(64),
    /** a summary the planner wrote; longer text is stored as an artifact and referenced */
    brief: shortText(1000),
    briefRef: artifactRef.nullable().optional(),
  }),
  'plan.drafted': z.object({ itemCount: z.number().int().nonnegative() }),
  'plan.decision_recorded': z.object({
    kind: z.enum(PLAN_DECISION_KINDS),
    actorId: z.uuid(),
    role: z.string().min(1).max(40),
    note: shortText(1000).optional(),
  }),
  'plan.approved': z.object({ decisionId: z.uuid(), actorId: z.uuid() }),
  'plan.rejected': z.object({ decisionId: z.uuid(), actorId: z.uuid(), note: shortText(1000).optional() }),
  'plan.failed': reason,
  'item.creation_started': z.object({ itemId, workflowId: z.string().min(1).max(300) }),
  'item.status_changed': z.object({
    itemId,
    status: z.enum(PLAN_ITEM_STATUSES),
    reasons: z.array(reason).max(10).default([]),
  }),
  'item.asset_generated': z.object({
    itemId,
    assetId: z.uuid(),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
    /** the creator step's round (absent on an edit, and on events recorded before rounds were kept) */
    round: z.number().int().min(0).optional(),
  }),
  'item.reviewed': z.object({
    itemId,
    outcome: z.enum(ITEM_REVIEW_OUTCOMES),
    decisionId: z.uuid().optional(),
  }),
  'item.scheduled': z.object({ itemId, publishJobIds: z.array(z.uuid()).min(1).max(50) }),
} as const satisfies Record<PlanEventType, z.ZodType>;

export type PlanEventData<T extends PlanEventType> = z.infer<(typeof PLAN_EVENT_DATA)[T]>;
/** What callers pass for a type (defaults may be left out). */
export type PlanEventDataInput<T extends PlanEventType> = z.input<(typeof PLAN_EVENT_DATA)[T]>;

/** The data of an event checked against its type's schema; null when it does not match. */
export function parsePlanEventData<T extends PlanEventType>(
  type: T,
  data: unknown,
): { ok: true; data: PlanEventData<T> } | { ok: false; message: string } {
  const r = (PLAN_EVENT_DATA[type] as z.ZodType).safeParse(data);
  if (r.success) return { ok: true, data: r.data as PlanEventData<T> };
  return {
    ok: false,
    message: r.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'data'}: ${i.message}`)
      .join('; '),
  };
}
